// A frontmatter block that cannot be read: missing on SKILL.md, unterminated, bad YAML, duplicate keys, not a mapping.
import type { Rule } from '../core/rule.ts';
import { isSkillMd } from './frontmatter-schema.ts';

const HINTS: Record<string, string> = {
  unterminated: 'close the block with a line holding only `---`',
  'duplicate-key': 'keep one of the two keys',
  'not-a-mapping': 'write `key: value` lines, e.g. `name: my-skill`',
  'too-deep': 'flatten the nesting: frontmatter holds a few levels of keys, lists and objects',
  yaml: 'quote values that contain `: ` or start with a special character',
};

const rule: Rule = {
  meta: {
    id: 'frontmatter-syntax',
    description: 'SKILL.md opens with a terminated `---` YAML block that parses to a mapping without duplicate keys.',
    severity: 'error',
    profile: 'spec',
  },
  checkFile(doc, context) {
    if (doc.file.binary) return;
    const { frontmatter } = doc;
    if (!frontmatter.present) {
      if (isSkillMd(doc)) {
        context.report({
          span: { start: doc.pointAt(0), end: doc.pointAt(0) },
          message: 'SKILL.md has no frontmatter block',
          hint: 'start the file with `---`, then `name:` and `description:`, then `---`',
        });
      }
      return;
    }
    for (const problem of frontmatter.problems) {
      context.report({ span: problem.span, message: problem.message, hint: HINTS[problem.code] });
    }
  },
};

export default rule;
