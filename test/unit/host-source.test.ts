import { hashSources, hostSourceHash } from '../../src/engine/host-source';

const file = (path: string, content: string) => ({ path, content: Buffer.from(content) });

describe('engine host source hash', () => {
  it('does not depend on the order the files were listed in', () => {
    const a = hashSources([file('pom.xml', '<project/>'), file('src/main/A.java', 'class A {}')]);
    const b = hashSources([file('src/main/A.java', 'class A {}'), file('pom.xml', '<project/>')]);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with a file content, a file name or a new file', () => {
    const base = hashSources([file('pom.xml', '<project/>'), file('src/main/A.java', 'class A {}')]);
    expect(hashSources([file('pom.xml', '<project/>'), file('src/main/A.java', 'class A { }')])).not.toBe(
      base,
    );
    expect(hashSources([file('pom.xml', '<project/>'), file('src/main/B.java', 'class A {}')])).not.toBe(
      base,
    );
    expect(
      hashSources([
        file('pom.xml', '<project/>'),
        file('src/main/A.java', 'class A {}'),
        file('src/main/x', ''),
      ]),
    ).not.toBe(base);
  });

  it('does not let a name run into the content', () => {
    expect(hashSources([file('ab', 'c')])).not.toBe(hashSources([file('a', 'bc')]));
  });

  it('hashes the real engine-host project', async () => {
    expect(await hostSourceHash()).toMatch(/^[0-9a-f]{16}$/);
  });
});
