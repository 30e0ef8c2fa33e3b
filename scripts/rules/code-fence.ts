// An unclosed fence swallows the rest of the page into one code block.
import type { Rule } from '../core/rule.ts';

const rule: Rule = {
  meta: {
    id: 'code-fence',
    description: 'Every fenced code block is closed.',
    severity: 'error',
    profile: 'spec',
  },
  checkFile(doc, context) {
    for (const block of doc.codeBlocks) {
      if (!block.unterminated) continue;
      context.report({
        span: { start: block.span.start, end: doc.pointAt(block.span.start.offset + 3) },
        message: 'Code fence is never closed; the rest of the file is read as code',
        hint: 'close it with the same fence (at least as many backticks or tildes) on a line of its own',
      });
    }
  },
};

export default rule;
