// Property checks: whatever shell-like text a block holds, extraction never throws and every one-line
// word's span covers exactly its raw text in the document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractShell } from '../../scripts/extract/invocations.ts';
import { docOf, textAt } from './helpers.ts';

const token = fc.constantFrom(
  'cargo-ai', 'npx', '-y', '@cargo-ai/cli', 'orchestration', 'run', 'list', '--workflow-uuid', '<uuid>',
  '<your value here>', "'{\"a\": 1}'", '"é 😀"', '$VAR', '"$(cargo-ai whoami)"', '`cargo-ai logout`', '|', '&&',
  ';', '\\', '#', "'", '"', '(', ')', '>', '<', '2>&1', 'for', 'do', 'done', 'if', 'then', 'fi', '\uD800', 'x=1',
);
const line = fc.array(token, { maxLength: 8 }).map((tokens) => tokens.join(' '));
const body = fc.array(line, { minLength: 1, maxLength: 6 });
const layout = fc.constantFrom('plain', 'list', 'quote', 'crlf', 'console', 'inline');

function markdown(lines: string[], kind: string): string {
  switch (kind) {
    case 'list':
      return ['- item', '', '  ```bash', ...lines.map((text) => `  ${text}`), '  ```'].join('\n');
    case 'quote':
      return ['> ```sh', ...lines.map((text) => `> ${text}`), '> ```'].join('\n');
    case 'crlf':
      return ['```bash', ...lines, '```', ''].join('\r\n');
    case 'console':
      return ['```console', ...lines.map((text, index) => (index % 2 === 0 ? `$ ${text}` : text)), '```'].join('\n');
    case 'inline':
      return lines.map((text) => `Run \`cargo-ai ${text.replaceAll('`', '')}\` now.`).join('\n\n');
    default:
      return ['```bash', ...lines, '```'].join('\n');
  }
}

describe('extraction properties', () => {
  it('never throws, and one-line word spans cover their raw text', () => {
    fc.assert(
      fc.property(body, layout, (lines, kind) => {
        const doc = docOf(markdown(lines, kind));
        const { invocations, errors } = extractShell(doc);
        for (const inv of invocations) {
          for (const word of [inv.program, ...inv.args]) {
            expect(word.span.start.offset).toBeLessThanOrEqual(word.span.end.offset);
            if (!word.raw.includes('\n')) expect(textAt(doc, word.span)).toBe(word.raw);
          }
        }
        for (const error of errors) expect(error.span.end.offset).toBeLessThanOrEqual(doc.text.length);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  }, 120_000);
});
