// Fenced json blocks parse; bare `<placeholder>` tokens count as values.
import type { Rule } from '../core/rule.ts';
import { parseLooseJson } from '../parse/json.ts';

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

/** Maps an offset inside a block's value to a document offset, line by line (blocks in lists are indented). */
export function offsetInBlock(value: string, lineOffsets: number[], offset: number): number {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < value.length; i++) {
    if (value[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return (lineOffsets[line] ?? lineOffsets[lineOffsets.length - 1] ?? 0) + (offset - lineStart);
}

export default rule;
