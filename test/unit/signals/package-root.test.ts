import assert from 'node:assert/strict';
import fc from 'fast-check';
import { packageRootOf } from '../../../src/core/signals/architecture';
import { globToRegExp } from '../../../src/core/signals/glob';

describe('packageRootOf: the workspace package a path lives in', () => {
  const cases: Array<[string, string[], string | null]> = [
    ['services/billing/src/index.ts', ['services/*'], 'services/billing'],
    ['services/billing', ['services/*'], null],
    ['services/billing/', ['services/*'], 'services/billing'],
    ['apps/web/src/main.ts', ['packages/*', 'apps/*'], 'apps/web'],
    ['packages/ui/core/button.tsx', ['packages/*/*'], 'packages/ui/core'],
    ['packages/ui/button.tsx', ['packages/*/*'], null],
    ['packages/ui/button.tsx', ['packages/*/'], 'packages/ui'],
    ['libs/a/x.go', ['{libs,tools}/*'], 'libs/a'],
    ['README.md', ['*'], null],
    ['src/a.ts', ['*'], 'src'],
    ['a//b/c.ts', ['a/*'], 'a/'],
    ['other/a/b.ts', ['services/*'], null],
  ];
  for (const [path, globs, expected] of cases) {
    it(`${path} under ${globs.join(', ')} → ${expected ?? 'none'}`, () => assert.equal(packageRootOf(path, globs), expected));
  }

  it('is the first glob whose depth of folders above the file matches, as splitting the path at every slash gives', () => {
    // The rule as first written: split, take as many folders as the glob is deep, test them.
    const bySplitting = (path: string, globs: readonly string[]): string | null => {
      for (const glob of globs) {
        const depth = glob.replace(/\/$/, '').split('/').length;
        const parts = path.split('/');
        if (parts.length <= depth) continue;
        const candidate = parts.slice(0, depth).join('/');
        if (globToRegExp(glob.replace(/\/$/, '')).test(candidate)) return candidate;
      }
      return null;
    };
    const segment = fc.constantFrom('', 'a', 'b', 'apps', 'services', 'x.ts', '*', 'a*', '{a,b}');
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
    const glob = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([parts, slash]) => `${parts.join('/')}${slash ? '/' : ''}`);
    fc.assert(fc.property(path, fc.array(glob, { maxLength: 3 }), (p, globs) => packageRootOf(p, globs) === bySplitting(p, globs)), { numRuns: 2000 });
  });
});
