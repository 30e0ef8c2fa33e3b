// Fenced json blocks parse; bare `<placeholder>` tokens count as values.
import type { Report, Rule } from '../core/rule.ts';
import { offsetInBlock, parseLooseJson } from '../parse/json.ts';

const rule: Rule = {
  meta: {
    id: 'json-block',
    description: 'Fenced `json` blocks are valid JSON (placeholders such as "<uuid>" or <uuid> allowed).',
    severity: 'error',
    profile: 'spec',
    fixable: true,
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
        ...trailingCommaFix(block.value, block.lineOffsets),
      });
    }
  },
};

/** A closing bracket after nothing but white space. */
const CLOSER_AHEAD = /\s*[}\]]/y;

/**
 * Deletes the commas that stand before a closing `}` or `]` (spaces and line breaks between), when that is
 * all that keeps the block from parsing: any other fault leaves the block as written.
 */
function trailingCommaFix(value: string, lineOffsets: number[]): Pick<Report, 'fix'> {
  const commas: number[] = [];
  let inString = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === ',') {
      CLOSER_AHEAD.lastIndex = i + 1;
      if (CLOSER_AHEAD.test(value)) commas.push(i);
    }
  }
  if (commas.length === 0) return {};
  let stripped = '';
  let at = 0;
  for (const comma of commas) {
    stripped += value.slice(at, comma);
    at = comma + 1;
  }
  if (!parseLooseJson(stripped + value.slice(at)).ok) return {};
  return {
    fix: commas.map((comma) => {
      const start = offsetInBlock(value, lineOffsets, comma);
      return { start, end: start + 1, text: '', replaces: ',' };
    }),
  };
}

export default rule;
