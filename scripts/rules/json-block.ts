// Fenced json blocks parse; bare `<placeholder>` tokens count as values.
import type { Rule } from '../core/rule.ts';
import { offsetInBlock, parseLooseJson } from '../parse/json.ts';

const rule: Rule = {
  meta: {
    id: 'json-block',
    description: 'Fenced `json` blocks are valid JSON (placeholders such as "<uuid>" or <uuid> allowed).',
    severity: 'error',
    profile: 'spec',
  },
  checkFile(doc, context) {
    for (const block of doc.codeBlocks) {
      if (block.lang !== 'json' || block.unterminated) continue;
      const result = parseLooseJson(block.value);
      if (result.ok) continue;
      const start = offsetInBlock(block.value, block.lineOffsets, result.offset);
      context.report({
        span: { start: doc.pointAt(start), end: doc.pointAt(start + result.length) },
        message: `Invalid JSON: ${result.message}`,
        hint: 'write strict JSON: double-quoted keys and strings, no trailing commas or comments; use "..." for elided values',
      });
    }
  },
};

export default rule;
