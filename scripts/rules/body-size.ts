// The specification advises keeping SKILL.md short and moving detail into references.
import { defineRule } from '../core/rule.ts';
import { isSkillMd } from './frontmatter-schema.ts';

/** About four characters per token for English prose and code, the usual rule of thumb. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const rule = defineRule({
  meta: {
    id: 'body-size',
    description: 'SKILL.md body stays within `maxLines` lines and about `maxTokens` tokens.',
    severity: 'warning',
    profile: 'spec',
    options: {
      maxLines: { type: 'integer', minimum: 1, default: 500, description: 'most lines in the body' },
      maxTokens: { type: 'integer', minimum: 1, default: 5000, description: 'most tokens in the body (about four characters each)' },
    },
  },
  checkFile(doc, context) {
    if (!isSkillMd(doc)) return;
    const { maxLines, maxTokens } = context.options;
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
});

export default rule;
