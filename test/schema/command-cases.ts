// Cases for the command rules: a command placed in a bash block (or inline code) of a SKILL.md, and the
// expected position of a word in it, computed from the command text so each case reads as what it checks.
import type { Case, Expected } from '../rule-tester.ts';
import { skillMd } from '../rule-tester.ts';

/** Line of the first command line: frontmatter (9 lines), `# A`, a blank line, the opening fence. */
const FIRST_LINE = 13;
/** Line of a paragraph right after `# A` and a blank line. */
const PARAGRAPH_LINE = 12;

/** A SKILL.md whose bash block holds `command` (several lines when given an array). */
export function block(name: string, command: string | string[]): Case {
  const lines = Array.isArray(command) ? command : [command];
  return { name, files: { 'a/SKILL.md': skillMd('a', `# A\n\n\`\`\`bash\n${lines.join('\n')}\n\`\`\`\n`) } };
}

/** A SKILL.md that mentions `command` as inline code in a sentence. */
export function inline(name: string, command: string): Case {
  return { name, files: { 'a/SKILL.md': skillMd('a', `# A\n\nRun \`${command}\` first.\n`) } };
}

/**
 * Span of the `occurrence`-th `needle` in a command written by `block` (or by `inline` when
 * `inlineCode` is set), with message and hint expectations; the span covers `covers` from the needle's start
 * (default: the needle itself).
 */
export function at(
  command: string | string[],
  needle: string,
  expect: { message?: RegExp; hint?: RegExp; occurrence?: number; inlineCode?: boolean; covers?: string } = {},
): Expected {
  const lines = Array.isArray(command) ? command : [command];
  let remaining = expect.occurrence ?? 1;
  for (let index = 0; index < lines.length; index++) {
    let from = 0;
    for (;;) {
      const found = lines[index].indexOf(needle, from);
      if (found < 0) break;
      if (--remaining === 0) {
        const line = expect.inlineCode ? PARAGRAPH_LINE : FIRST_LINE + index;
        // Inline code sits after "Run `".
        const column = found + 1 + (expect.inlineCode ? 'Run `'.length : 0);
        return { line, column, endLine: line, endColumn: column + (expect.covers ?? needle).length, ...(expect.message ? { message: expect.message } : {}), ...(expect.hint ? { hint: expect.hint } : {}) };
      }
      from = found + 1;
    }
  }
  throw new Error(`\`${needle}\` not found in ${lines.join(' ')}`);
}

/** One invalid case: the command, and where (and what) the rule must report. */
export function flags(name: string, command: string | string[], ...errors: Expected[]): Case & { errors: Expected[] } {
  return { ...block(name, command), errors };
}
