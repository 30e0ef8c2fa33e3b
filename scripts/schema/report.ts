// Turns the findings of scripts/schema/check.ts into diagnostics for one command rule: each finding points at
// its word, or inside it (a JSON key, a list item) when the value maps back to the source character by character.
import type { FileContext } from '../core/rule.ts';
import type { Document, Span } from '../core/types.ts';
import { offsetInValue } from '../extract/invocations.ts';
import { type CommandRuleId, checkInvocation } from './check.ts';

export function reportCommandFindings(ruleId: CommandRuleId, doc: Document, context: FileContext): void {
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
      context.report({ span, message: finding.message, ...(finding.hint ? { hint: finding.hint } : {}) });
    }
  }
}
