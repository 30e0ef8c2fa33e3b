// The simple-command shell reader: what it reads itself (exactly as mvdan/sh does) and what it leaves to
// the real parser.
import { describe, expect, it } from 'vitest';
import { SHELL_LANGS } from '../../scripts/extract/invocations.ts';
import { maskPlaceholders } from '../../scripts/parse/placeholders.ts';
import { loadTree, readSkillFile } from '../../scripts/load/files.ts';
import { parseDocument } from '../../scripts/parse/document.ts';
import { repoRoot } from '../../scripts/core/paths.ts';
import { parseShell } from '../../scripts/parse/shell.ts';
import { readSimpleShell } from '../../scripts/parse/simple-shell.ts';

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
  ['brackets in words and the test command', 'cargo-ai <domain> [arguments] [--flags] a[0]=x\nif [ -f x ]; then cargo-ai a "$f"; fi'],
  ['ANSI-C quotes', "cargo-ai a --text $'line\\nnext' $'it\\'s'"],
  ['assignments, alone and before a command', 'out=$(cargo-ai a | jq .id)\nTOKEN=x B+="y z" cargo-ai b "$out"\nC= cargo-ai c'],
  ['a heredoc with a quoted delimiter', "cargo-ai a --content \"$(cat <<'EOF'\n---\ntitle: x $(not run)\n---\n- [[persona/x]]\nEOF\n)\" --b c\ncat << 'A' > out.md; cargo-ai d\nbody\nA"],
  ['an if with elif and else', 'if out=$(cargo-ai a); then\n  echo "$out"\nelif cargo-ai b; then cargo-ai c\nelse\n  cargo-ai d >&2\nfi'],
  ['while and until loops', 'while true; do\n  s=$(cargo-ai a | jq -r .s)\n  sleep 5\ndone | tee log\nuntil cargo-ai b; do sleep 1; done'],
  ['a for loop', 'for f in ./docs/*.pdf "$HOME/x" $(ls); do\n  cargo-ai a --file "$f"\ndone'],
  ['a case', 'case "$s" in success|error) break ;;\n  *)\n    cargo-ai a\n    ;;\nesac'],
  ['compound commands inside others and in substitutions', 'x=$(for a in b; do if c; then d; fi; done) && while e; do case $f in g) h;; esac; done'],
];

const leftToMvdan: [string, string][] = [
  ['arithmetic', 'cargo-ai a --limit $((1 + 2))'],
  ['a positional parameter', 'cargo-ai a "$1"'],
  ['backticks', 'cargo-ai a `date`'],
  ['a heredoc with an unquoted delimiter', 'cargo-ai a <<EOF\nx $(y)\nEOF'],
  ['a heredoc that strips tabs', "cargo-ai a <<-'EOF'\n\tx\n\tEOF"],
  ['a heredoc never closed', "cargo-ai a <<'EOF'\nx"],
  ['a heredoc delimiter with more on its line', "x=$(cat <<'EOF'\nbody\nEOF)"],
  ['a here-string', 'cargo-ai a <<< "x"'],
  ['process substitution', 'diff <(cargo-ai a) b'],
  ['an export', 'export TOKEN=x'],
  ['a double-bracket test', 'if [[ -f x ]]; then cargo-ai a; fi'],
  ['an array element assignment', 'a[0]=x cargo-ai a'],
  ['an if without fi', 'if cargo-ai a; then cargo-ai b'],
  ['an empty then', 'if cargo-ai a; then fi'],
  ['a keyword after an operator', 'if cargo-ai a &&\nthen b; fi'],
  ['a for loop without in', 'for f; do cargo-ai a; done'],
  ['a C-style for loop', 'for ((i = 0; i < 3; i++)); do cargo-ai a; done'],
  ['a redirection after a compound command', 'while a; do b; done < in.txt'],
  ['a word after a compound command', 'if a; then b; fi c'],
  ['an empty case item', 'case x in a) ;; esac'],
  ['a comment between case items', 'case x in a) b ;; # c\nesac'],
  ['a function', 'f() { cargo-ai a; }'],
  ['a quoted keyword', "'if' a; then b; fi"],
  ['an assignment spelled with quotes', '"A"=b cargo-ai a'],
  ['an array assignment', 'a=(1 2) cargo-ai a'],
  ['a background job', 'cargo-ai a &'],
  ['an unclosed quote', "cargo-ai a 'open"],
  ['a dangling pipe', 'cargo-ai a |'],
  ['a comment ending in a backslash', 'cargo-ai a # note \\\ncargo-ai b'],
];

describe('simple-command shell reader', () => {
  it.each(accepted)('reads %s as mvdan/sh does', (_name, text) => {
    expect(read(text)).toHaveProperty('read');
    expect(parseShell(text)).toEqual(parseShell(text, 'mvdan'));
  });

  it.each(leftToMvdan)('leaves %s to mvdan/sh, saying why', (_name, text) => {
    expect(read(text)).toEqual({ fallback: expect.stringMatching(/^\S/) });
  });

  it('gives words with values, raw text and offsets', () => {
    expect(read(`cargo-ai x --name 'a b' <uuid>`)).toEqual({ read: [
      {
        words: [
          { value: 'cargo-ai', raw: 'cargo-ai', start: 0, end: 8, dynamic: false },
          { value: 'x', raw: 'x', start: 9, end: 10, dynamic: false },
          { value: '--name', raw: '--name', start: 11, end: 17, dynamic: false },
          { value: 'a b', raw: "'a b'", start: 18, end: 23, dynamic: false },
          { value: '<uuid>', raw: '<uuid>', start: 24, end: 30, dynamic: false },
        ],
      },
    ] });
  });

  it('reads every shell block and inline command of this package itself, exactly as mvdan/sh does', () => {
    const texts: [string, string][] = [];
    for (const file of loadTree(['skills'], repoRoot).markdown) {
      const doc = parseDocument(readSkillFile(file, repoRoot));
      for (const block of doc.codeBlocks) if (SHELL_LANGS.has(block.lang)) texts.push([`${file}:${block.span.start.line}`, block.value]);
      for (const code of doc.inlineCode) if (code.value.trimStart().startsWith('cargo-ai ')) texts.push([`${file}:${code.span.start.line}`, code.value.replaceAll('\n', ' ')]);
    }
    for (const [where, text] of texts) {
      // `skill-lint check skills` never loads mvdan/sh (a fifth of a second) while this holds.
      expect(read(text), where).toHaveProperty('read');
      expect(parseShell(text), where).toEqual(parseShell(text, 'mvdan'));
    }
    expect(texts.length).toBeGreaterThan(700);
  });
});
