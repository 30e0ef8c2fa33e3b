// Differential runs of the simple-frontmatter reader against the yaml library: on random frontmatter built
// from the lines skills write (and ones that need the real parser), every block the fast reader accepts must
// give the same value, key and value spans and problems.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSimpleFrontmatter } from '../../scripts/parse/simple-frontmatter.ts';
import { sameFrontmatter } from '../parse/reader-helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60) * 20;
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** The long run (`npm run fuzz`) takes a while; the short one stays within the usual limit. */
const TIME_LIMIT_MS = Math.max(30_000, RUNS * 2);

const file = (yaml: string) => `---\n${yaml}---\n# Body\n`;

describe('simple-frontmatter reader against the yaml library', () => {
  it('gives the yaml library’s frontmatter for every block it accepts', () => {
    const key = fc.constantFrom('name', 'description', 'license', 'metadata', 'version', 'author', 'true', 'a_b', 'x-y');
    const value = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('cargo-storage', 'Reads files. Use when "x".', '"1.0.0"', "'MIT'", 'a#b', 'Yes', 'é “x”', '""', "''", 'a"b', 'x-y [a] {b}') },
      { weight: 1, arbitrary: fc.constantFrom('1.0', 'true', 'null', 'a: b', 'a #b', '"a\\"b"', "'it''s'", '', ' ', 'a ', '[a]', '{a: 1}', '- a', '>', '|', '&x a', '*x', '~', '"', 'x:') },
    );
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}\n`) },
      { weight: 2, arbitrary: fc.tuple(key, fc.array(fc.tuple(key, value), { maxLength: 3 })).map(([k, nested]) => `${k}:\n${nested.map(([n, v]) => `  ${n}: ${v}\n`).join('')}`) },
      { weight: 1, arbitrary: fc.constantFrom('\n', '# c\n', '  - a\n', 'k:v\n', '    deep: x\n', 'name:\ta\n') },
    );
    let fast = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const yaml = lines.join('');
        if ('read' in readSimpleFrontmatter(yaml)) fast++;
        sameFrontmatter(file(yaml));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generator must keep reaching the fast path, or this test would pass on the yaml library alone.
    expect(fast).toBeGreaterThan(RUNS / 20);
  }, TIME_LIMIT_MS);
});
