import { renderBar } from '../../src/engine/progress';

describe('progress bar', () => {
  it('fills in proportion and clamps', () => {
    expect(renderBar(0.5, 10)).toBe('[#####.....]');
    expect(renderBar(2, 4)).toBe('[####]');
    expect(renderBar(-1, 4)).toBe('[....]');
  });
});
