import { z, ZodError } from 'zod';
import { pathParam } from '../../src/web/path-param';

describe('pathParam', () => {
  const id = pathParam('id', z.string().uuid('to nie jest identyfikator'));

  const issuePath = (run: () => unknown): string => {
    try {
      run();
      return 'no error';
    } catch (error) {
      return (error as ZodError).issues.map((issue) => issue.path.join('.')).join(',');
    }
  };

  it('returns the parsed value', () => {
    expect(id.parse('0b9a3c1e-5a51-4c1f-9d0e-0f6f2f3c4d5e')).toBe('0b9a3c1e-5a51-4c1f-9d0e-0f6f2f3c4d5e');
  });

  it('names the parameter in the issue path (a bare schema gave an empty path)', () => {
    expect(issuePath(() => id.parse('nie-uuid'))).toBe('id');
    expect(issuePath(() => id.parse(undefined))).toBe('id');
    expect(issuePath(() => id.parse('x', 'changeId'))).toBe('changeId');
  });
});
