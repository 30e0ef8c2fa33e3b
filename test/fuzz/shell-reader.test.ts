// Differential runs of the simple-command shell reader against mvdan/sh: on random shell built from the
// words examples use (and the ones that need the real parser), every text the fast reader accepts must give
// the same commands and words, offset for offset.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../scripts/extract/shell.ts';
import { maskPlaceholders } from '../../scripts/extract/placeholders.ts';
import { readSimpleShell } from '../../scripts/extract/simple-shell.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60) * 20;
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/** The long run (`npm run fuzz`) takes minutes; the short one stays within the usual limit. */
const TIME_LIMIT_MS = Math.max(30_000, RUNS * 2);

const tame = fc.constantFrom(
  'cargo-ai', 'orchestration', 'run', 'list', '--workflow-uuid', '<uuid>', '<your api token>', '--limit=10', 'npx', '-y',
  '@cargo-ai/cli', "'{\"a\": [1, 2]}'", '\'it\'"s"', '"x y"', '"a\\"b"', '"\\\\"', 'a\\ b', '\\-x', 'jq', '.items[0]', '*.md',
  '~/x', 'é😀', '#', '# note', 'a#b', '--data', '"{\\"k\\":1}"', "''", '""', 'x=1', 'FOO=bar', '--flag=a=b', '%s', '@file.json',
  '$VAR', '${VAR}', '"$HOME/x"', '$(cat p.txt)', '"$(cat p.txt)"', '--data=$(cat d.json)', '"$(echo "a b" | jq .)"', '$(cargo-ai whoami)',
  '> out.json', '>out', '>> log.txt', '2>&1', '< in.txt', '2> err.txt', '>&2', "$'a\\nb'", "$'it\\'s'",
);
const joiner = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \\\n  ', '\\\n', ' | ', ' && ', ' || ', '; ', ';', '\n', '\n\n', ' |\n', ' &&\n  ');
const tricky = fc.constantFrom(
  '`x`', '>', '<', '(', ')', '{', '}', 'if', 'then', 'fi', 'for', 'do', 'done', 'export', '!', '&', ';;', '|&', '[[', "'open", '"open',
  '\\', '[', 'case', 'x=$(y)', '$((1+2))', '$1', '"$@"', '$', '<<EOF', '<<<', '<(ls)', '&>', '>|', '$(', '"$(x"', '${VAR:-x}', '2>',
);
const piece = fc.oneof({ weight: 10, arbitrary: tame }, { weight: 1, arbitrary: tricky });
const shell = fc.array(fc.tuple(piece, joiner), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([word, join]) => word + join).join(''));

describe('simple-command shell reader against mvdan/sh', () => {
  it('gives mvdan/sh’s commands for every text it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(shell, (text) => {
        if (!readSimpleShell(maskPlaceholders(text))) return;
        accepted++;
        expect(parseShell(text), JSON.stringify(text)).toEqual(parseShell(text, 'mvdan'));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generator must keep reaching the fast path, or this test would pass on mvdan/sh alone.
    expect(accepted).toBeGreaterThan(RUNS / 8);
  }, TIME_LIMIT_MS);
});
