// The simple-command shell reader: what it reads itself (exactly as mvdan/sh does) and what it leaves to
// the real parser.
import { describe, expect, it } from 'vitest';
import { maskPlaceholders } from '../../scripts/extract/placeholders.ts';
import { parseShell } from '../../scripts/extract/shell.ts';
import { readSimpleShell } from '../../scripts/extract/simple-shell.ts';

const read = (text: string) => readSimpleShell(maskPlaceholders(text));

const accepted: [string, string][] = [
  ['one command', 'cargo-ai ai agent list'],
  ['placeholders and flags', 'cargo-ai orchestration run get-metrics --workflow-uuid <uuid> --limit=10 <your api token>'],
  ['continuations', 'cargo-ai a \\\n  --b c \\\n  --d'],
  ['a continuation inside a word', 'cargo-ai ab\\\ncd'],
  ['quotes of both kinds', `cargo-ai x --data '{"a": [1, 2]}' --name "Acme \\"EU\\"" it'''s'`],
  ['comments', '# list them\ncargo-ai ai agent list   # all of them\na#b'],
  ['pipes and lists', 'cargo-ai a | jq .items && cargo-ai b || cargo-ai c; cargo-ai d'],
  ['an operator before a line break', 'cargo-ai a |\n  jq . &&\n  cargo-ai b'],
  ['escapes outside quotes', 'cargo-ai a\\ b \\-x'],
  ['variables', 'cargo-ai a --token $TOKEN --home "$HOME/x" ${B}'],
  ['command substitution, whose commands count too', 'cargo-ai a --prompt "$(cat p.txt)" --id $(cargo-ai whoami | jq -r .id)'],
  ['redirections', 'cargo-ai a > out.json 2>&1\ncargo-ai b < in.json >> log.txt 2> err.txt'],
  ['ANSI-C quotes', "cargo-ai a --text $'line\\nnext' $'it\\'s'"],
];

const leftToMvdan: [string, string][] = [
  ['arithmetic', 'cargo-ai a --limit $((1 + 2))'],
  ['a positional parameter', 'cargo-ai a "$1"'],
  ['backticks', 'cargo-ai a `date`'],
  ['a heredoc', 'cargo-ai a <<EOF\nx\nEOF'],
  ['process substitution', 'diff <(cargo-ai a) b'],
  ['a loop', 'for f in *.md; do cargo-ai a "$f"; done'],
  ['an assignment', 'TOKEN=x cargo-ai a'],
  ['an export', 'export TOKEN=x'],
  ['a background job', 'cargo-ai a &'],
  ['an unclosed quote', "cargo-ai a 'open"],
  ['a dangling pipe', 'cargo-ai a |'],
  ['a comment ending in a backslash', 'cargo-ai a # note \\\ncargo-ai b'],
];

describe('simple-command shell reader', () => {
  it.each(accepted)('reads %s as mvdan/sh does', (_name, text) => {
    expect(read(text)).toBeDefined();
    expect(parseShell(text)).toEqual(parseShell(text, 'mvdan'));
  });

  it.each(leftToMvdan)('leaves %s to mvdan/sh', (_name, text) => {
    expect(read(text)).toBeUndefined();
  });

  it('gives words with values, raw text and offsets', () => {
    expect(read(`cargo-ai x --name 'a b' <uuid>`)).toEqual([
      {
        words: [
          { value: 'cargo-ai', raw: 'cargo-ai', start: 0, end: 8, dynamic: false },
          { value: 'x', raw: 'x', start: 9, end: 10, dynamic: false },
          { value: '--name', raw: '--name', start: 11, end: 17, dynamic: false },
          { value: 'a b', raw: "'a b'", start: 18, end: 23, dynamic: false },
          { value: '<uuid>', raw: '<uuid>', start: 24, end: 30, dynamic: false },
        ],
      },
    ]);
  });
});
