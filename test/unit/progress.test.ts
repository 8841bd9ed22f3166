import { createActivity, renderBar } from '../../src/engine/progress';

describe('progress bar', () => {
  it('fills in proportion and clamps', () => {
    expect(renderBar(0.5, 10)).toBe('[#####.....]');
    expect(renderBar(2, 4)).toBe('[####]');
    expect(renderBar(-1, 4)).toBe('[....]');
  });
});

describe('activity line', () => {
  it('prints the first note and the finish on a non-terminal stream', () => {
    const written: string[] = [];
    const stream = {
      isTTY: false,
      write: (text: string) => written.push(text),
    } as unknown as NodeJS.WriteStream;
    const activity = createActivity('Budowa', stream);
    activity.note('kompilacja');
    activity.note('pakowanie');
    activity.finish('gotowa');
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^Budowa: kompilacja \(0s\)\n$/);
    expect(written[1]).toMatch(/^Budowa gotowa \(\d+\.\ds\)\n$/);
  });
});
