// The specification advises keeping SKILL.md short and moving detail into references.
import type { Rule } from '../core/rule.ts';
import { isSkillMd } from './frontmatter-schema.ts';

const DEFAULTS = { maxLines: 500, maxTokens: 5000 };

/** About four characters per token for English prose and code, the usual rule of thumb. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const rule: Rule = {
  meta: {
    id: 'body-size',
    description: 'SKILL.md body stays under 500 lines and about 5,000 tokens (options: maxLines, maxTokens).',
    severity: 'warning',
    profile: 'spec',
  },
  checkFile(doc, context) {
    if (!isSkillMd(doc)) return;
    const maxLines = Number(context.options.maxLines ?? DEFAULTS.maxLines);
    const maxTokens = Number(context.options.maxTokens ?? DEFAULTS.maxTokens);
    const bodyStart = doc.frontmatter.span && !doc.frontmatter.unterminated ? doc.frontmatter.span.end.offset : 0;
    const tokens = estimateTokens(doc.text.slice(bodyStart));
    const span = { start: doc.pointAt(bodyStart), end: doc.pointAt(bodyStart) };
    if (doc.bodyLines > maxLines) {
      context.report({ span, message: `SKILL.md body has ${doc.bodyLines} lines (limit ${maxLines})`, hint: 'move detail into references/ and link to it' });
    }
    if (tokens > maxTokens) {
      context.report({ span, message: `SKILL.md body is about ${tokens} tokens (limit ${maxTokens})`, hint: 'move detail into references/ and link to it' });
    }
  },
};

export default rule;
