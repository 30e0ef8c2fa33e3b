// Fenced json blocks parse as documentation JSON: strict JSON, where a bare `<placeholder>` stands for a value
// and `...` elides (scripts/parse/doc-json.ts).
import type { Rule } from '../core/rule.ts';
import { parseDocJsonValue } from '../parse/doc-json.ts';
import { offsetInBlock } from '../parse/positions.ts';

const rule: Rule = {
  meta: {
    id: 'json-block',
    description: 'Fenced `json` blocks are valid JSON (placeholders such as "<uuid>" or <uuid>, and `...` elisions, allowed).',
    severity: 'error',
    profile: 'spec',
  },
  checkFile(doc, context) {
    for (const block of doc.codeBlocks) {
      if (block.lang !== 'json' || block.unterminated) continue;
      const result = parseDocJsonValue(block.value);
      if (result.ok) continue;
      const start = offsetInBlock(block.value, block.lineOffsets, result.offset);
      context.report({
        span: { start: doc.pointAt(start), end: doc.pointAt(start + result.length) },
        message: `Invalid JSON: ${result.message}`,
        hint: 'write strict JSON: double-quoted keys and strings, no trailing commas or comments; elide with ...',
      });
    }
  },
};

export default rule;
