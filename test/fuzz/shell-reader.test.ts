// Differential runs of the simple-command shell reader against mvdan/sh: on random shell built from the
// words examples use (and the ones that need the real parser), every text the fast reader accepts must give
// the same commands and words, offset for offset.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../scripts/parse/shell.ts';
import { maskPlaceholders } from '../../scripts/parse/placeholders.ts';
import { readSimpleShell } from '../../scripts/parse/simple-shell.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60) * 20;
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/** The long run (`npm run fuzz`) takes minutes; the short one stays within the usual limit. */
const TIME_LIMIT_MS = Math.max(30_000, RUNS * 2);

const tame = fc.constantFrom(
  'cargo-ai', 'orchestration', 'run', 'list', '--workflow-uuid', '<uuid>', '<your api token>', '--limit=10', 'npx', '-y',
  '@cargo-ai/cli', "'{\"a\": [1, 2]}'", '\'it\'"s"', '"x y"', '"a\\"b"', '"\\\\"', 'a\\ b', '\\-x', 'jq', '.items[0]', '*.md',
  '~/x', 'é😀', '#', '# note', 'a#b', '--data', '"{\\"k\\":1}"', "''", '""', 'x=1', 'FOO=bar', '--flag=a=b', '%s', '@file.json',
  '$VAR', '${VAR}', '"$HOME/x"', '$(cat p.txt)', '"$(cat p.txt)"', '--data=$(cat d.json)', '"$(echo "a b" | jq .)"', '$(cargo-ai whoami)',
  '> out.json', '>out', '>> log.txt', '2>&1', '< in.txt', '2> err.txt', '>&2', "$'a\\nb'", "$'it\\'s'", '[--flags]', '[ -f x ]', 'x[0]',
);
const joiner = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \\\n  ', '\\\n', ' | ', ' && ', ' || ', '; ', ';', '\n', '\n\n', ' |\n', ' &&\n  ');
const tricky = fc.constantFrom(
  '`x`', '>', '<', '(', ')', '{', '}', 'if', 'then', 'fi', 'for', 'do', 'done', 'export', '!', '&', ';;', '|&', '[[', "'open", '"open',
  '\\', '[', 'case', 'a[0]=1', 'a[i]+=x', '[[ -n x ]]', 'x=$(y)', '$((1+2))', '$1', '"$@"', '$', '<<EOF', '<<<', '<(ls)', '&>', '>|', '$(', '"$(x"', '${VAR:-x}', '2>',
);
const piece = fc.oneof({ weight: 10, arbitrary: tame }, { weight: 1, arbitrary: tricky });
const shell = fc.array(fc.tuple(piece, joiner), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([word, join]) => word + join).join(''));

// Compound commands, assignments and heredocs around short commands, with separators that are sometimes
// wrong (`if a then`), so both what the reader takes and what it must hand over come up.
// Comments are left out of these words: one would hide the rest of its line, keyword and all.
const commandWord = fc.constantFrom('cargo-ai', 'run', '--limit=10', '<uuid>', '"$f"', '$(cargo-ai whoami)', "'{\"a\": 1}'", '> out.json', '2>&1', 'jq', 'x=1', 'a\\ b', 'echo');
const command = fc.array(fc.tuple(fc.constantFrom(' ', ' ', ' \\\n  '), commandWord), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([join, word], index) => (index === 0 ? word : join + word)).join(''));
const separator = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('; ', '\n', '\n  ', ';', ' ;\n', '\n\n', ' # c\n') },
  { weight: 2, arbitrary: fc.constantFrom(' && ', ' | ', ' || ') },
  { weight: 1, arbitrary: fc.constantFrom(' ', ' &', ';;', ' \\\n') },
);
/** What comes before `then`, `do` and the like: nearly always a line break or `;`. */
const beforeKeyword = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('; ', '\n', ';', ' ;\n  ', ' # c\n') }, { weight: 1, arbitrary: fc.constantFrom(' ', ' && ', ' &', ';;') });
const keyword = (word: string) => fc.oneof({ weight: 8, arbitrary: fc.constant(word) }, { weight: 1, arbitrary: fc.constantFrom(`'${word}'`, `${word}\\\n`, `\\${word}`) });
const heredocBody = fc.constantFrom('x', '---\ntitle: $(y)\n---', 'EOF x', ' EOF', '', 'a\n\nb');
const { list } = fc.letrec<{ list: string; item: string }>((tie) => ({
  list: fc.array(fc.tuple(tie('item'), separator), { minLength: 1, maxLength: 3 }).map((items) => items.map(([item, sep], index) => (index === items.length - 1 ? item : item + sep)).join('')),
  item: fc.oneof(
    { weight: 6, arbitrary: command },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('out=', 'A=1 ', 'B+=', 'x=$(y) ', '"A"=', 'C= '), fc.oneof(command, tie('item'))).map(([left, right]) => left + right) },
    { weight: 1, arbitrary: fc.tuple(command, fc.constantFrom("<<'EOF'", "<< 'EOF'", '<<EOF', "<<-'EOF'", "<<'EOF' > out.md"), fc.constantFrom('\n', '\n', ' && x\n', ' ;\n', ' | '), heredocBody, fc.constantFrom('\nEOF', '\nEOF', '\nEOF', '\nEOF\n', '\nEOF)', '')).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.tuple(command, heredocBody, fc.constantFrom('\nEOF\n)"', '\nEOF\n)"', '\nEOF\n)"', '\nEOF)"', '\n)"')).map(([cmd, body, end]) => `${cmd} "$(cat <<'EOF'\n${body}${end}`) },
    { weight: 1, arbitrary: fc.tuple(keyword('if'), tie('list'), beforeKeyword, keyword('then'), tie('list'), beforeKeyword, fc.option(fc.tuple(fc.constantFrom('else', 'elif a; then', 'else\n'), tie('list'), beforeKeyword), { nil: undefined }), keyword('fi')).map(([a, b, c, d, e, f, g, h]) => `${a} ${b}${c}${d} ${e}${f}${g ? g.join(' ') : ''}${h}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('while', 'until', 'while '), tie('list'), beforeKeyword, keyword('do'), tie('list'), beforeKeyword, keyword('done')).map(([a, b, c, d, e, f, g]) => `${a} ${b}${c}${d} ${e}${f}${g}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('for f in', 'for f in *.md "$x" $(ls)', 'for 1 in a', 'for f', 'for f in a;'), beforeKeyword, keyword('do'), tie('list'), beforeKeyword, keyword('done')).map(([a, b, c, d, e, f]) => `${a}${b}${c} ${d}${e}${f}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('case "$s" in', 'case x in\n', 'case $(y) in'), fc.constantFrom(' a)', ' a|*)', ' (a)', ' esac)', ' a|\n b)'), tie('list'), fc.constantFrom(';;', ' ;;\n', ';&', '\n', ''), fc.constantFrom(' esac', '\nesac', ' b) c;; esac', ' # x\nesac')).map((parts) => parts.join(' ')) },
  ),
}));

describe('simple-command shell reader against mvdan/sh', () => {
  it('gives mvdan/sh’s commands for every text it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(shell, (text) => {
        if ('fallback' in readSimpleShell(maskPlaceholders(text))) return;
        accepted++;
        expect(parseShell(text), JSON.stringify(text)).toEqual(parseShell(text, 'mvdan'));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generator must keep reaching the fast path, or this test would pass on mvdan/sh alone.
    expect(accepted).toBeGreaterThan(RUNS / 8);
  }, TIME_LIMIT_MS);

  it('gives mvdan/sh’s commands for compound commands, assignments and heredocs it accepts', () => {
    let accepted = 0;
    let compound = 0;
    fc.assert(
      fc.property(list, (text) => {
        if ('fallback' in readSimpleShell(maskPlaceholders(text))) return;
        accepted++;
        if (/\b(?:fi|done|esac|EOF)\b/.test(text)) compound++;
        expect(parseShell(text), JSON.stringify(text)).toEqual(parseShell(text, 'mvdan'));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(accepted).toBeGreaterThan(RUNS / 8);
    expect(compound).toBeGreaterThan(RUNS / 20);
  }, TIME_LIMIT_MS);
});
