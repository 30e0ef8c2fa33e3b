// The command rules: each checks one kind of finding of scripts/schema/check.ts against the CLI schema, and
// reports it at its word, or inside it (a JSON key, a list item) when the value maps back to the source
// character by character. They differ only in id and description, so they are one table.
import type { FileContext, Report, Rule } from '../core/rule.ts';
import type { Document, Span, Word } from '../core/types.ts';
import { offsetInValue } from '../extract/invocations.ts';
import { type CommandRuleId, type ValueEdit, checkInvocation } from '../schema/check.ts';

/** Each command rule, with why it matters. */
const COMMAND_RULES: { id: CommandRuleId; description: string; fixable?: true }[] = [
  // An example whose command does not exist fails with `unknown command` before doing anything.
  { id: 'command-unknown', description: 'A `cargo-ai` example names a domain, resource and action the CLI has (nearest spelling as hint).' },
  // The CLI rejects flags it does not know; the hint names the closest real flag.
  { id: 'command-unknown-flag', description: 'Every flag of a `cargo-ai` example exists on that command.', fixable: true },
  // A repeated flag silently keeps only one of its values.
  { id: 'command-duplicate-flag', description: 'No flag is given twice in one `cargo-ai` example.' },
  // A missing required flag or positional is an error before the request is sent.
  { id: 'command-missing-required', description: 'A `cargo-ai` example gives every required flag and positional argument (unless it asks for `--help`).' },
  // A stray word is usually a value whose flag was forgotten.
  { id: 'command-extra-argument', description: 'A `cargo-ai` example has no positional arguments beyond those its command takes.' },
  // A value of the wrong type is refused by the CLI or the API.
  { id: 'command-flag-value', description: 'Flag values have the right type: switches take none, numbers are numbers, enum and list members are allowed values.', fixable: true },
  // A malformed or misshapen JSON payload is the most common failure of copied examples.
  { id: 'command-json', description: 'JSON flag values parse and match the JSON Schema generated from the API types.', fixable: true },
  // An unknown integration slug fails at run time, after the example looked fine.
  { id: 'command-integration-slug', description: '`integrationSlug` values in JSON flags are integrations of the catalog.' },
  // Commands that look right but that the platform refuses, each with the fix.
  { id: 'command-trap', description: 'Known traps: `--segment-uuid` on segment fetch/download, and `run create` on a play workflow.' },
];

function reportCommandFindings(ruleId: CommandRuleId, doc: Document, context: FileContext): void {
  for (const invocation of context.invocations) {
    for (const finding of checkInvocation(invocation)) {
      if (finding.ruleId !== ruleId) continue;
      const word = invocation.args[finding.word];
      let span: Span = word.span;
      if (finding.inner) {
        const start = offsetInValue(doc, word, finding.inner.start);
        const end = offsetInValue(doc, word, finding.inner.end);
        if (start !== undefined && end !== undefined && end >= start) span = { start: doc.pointAt(start), end: doc.pointAt(end) };
      }
      context.report({ span, message: finding.message, ...(finding.hint ? { hint: finding.hint } : {}), ...fixInDocument(doc, word, finding.fix) });
    }
  }
}

/**
 * A repair inside a word's value, as an edit of the document: only where the value stands in the source
 * character by character (a word with shell escapes inside the range is left alone).
 */
function fixInDocument(doc: Document, word: Word, fix: ValueEdit | undefined): Pick<Report, 'fix'> {
  if (!fix) return {};
  const start = offsetInValue(doc, word, fix.start);
  const end = offsetInValue(doc, word, fix.end);
  if (start === undefined || end === undefined || end - start !== fix.end - fix.start) return {};
  return { fix: [{ start, end, text: fix.text, replaces: word.value.slice(fix.start, fix.end) }] };
}

export const commandRules: Rule[] = COMMAND_RULES.map(({ id, description, fixable }) => ({
  meta: { id, description, severity: 'error', profile: 'cargo', ...(fixable ? { fixable } : {}) },
  checkFile(doc, context) {
    reportCommandFindings(id, doc, context);
  },
}));

/** One command rule by id. */
export function commandRule(id: CommandRuleId): Rule {
  return commandRules.find((rule) => rule.meta.id === id)!;
}
