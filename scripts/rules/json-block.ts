// Fenced JSON blocks parse as documentation JSON: bare `<placeholder>` tokens count as values, `...` elides. `jsonc` and `json5` fences are read in
// their dialect. Other repositories write documentation JSON (comments, `...` elisions, fragments) in plain
// `json` fences: in the spec profile that is a warning, and only a block that no reading makes sense of is an
// error; the house profile wants strict JSON.
import type { Report, Rule } from '../core/rule.ts';
import { type JsonDialect, documentationJson, parseLooseJson } from '../parse/json-dialects.ts';
import { offsetInBlock } from '../parse/positions.ts';

const DIALECTS: Record<string, JsonDialect> = { json: 'json', jsonc: 'jsonc', json5: 'json5' };
const WHY: Record<NonNullable<ReturnType<typeof documentationJson>>, string> = {
  comments: 'comments or trailing commas',
  elision: 'a `...` elision',
  fragment: 'a fragment, not a whole JSON value',
  sequence: 'several JSON values one after the other',
};

const rule: Rule = {
  meta: {
    id: 'json-block',
    description:
      'Fenced `json` blocks are valid JSON, `jsonc` and `json5` blocks valid in their dialect (placeholders such as "<uuid>" or <uuid>, and `...` elisions, allowed); in spec, a `json` block with comments, a fragment or several values is a warning.',
    severity: 'error',
    profile: 'spec',
    fixable: true,
  },
  checkFile(doc, context) {
    for (const block of doc.codeBlocks) {
      const dialect = DIALECTS[block.lang];
      if (!dialect || block.unterminated) continue;
      const result = parseLooseJson(block.value, dialect);
      if (result.ok) continue;
      const start = offsetInBlock(block.value, block.lineOffsets, result.offset);
      const span = { start: doc.pointAt(start), end: doc.pointAt(start + result.length) };
      const documentation = dialect === 'json' && context.profile === 'spec' ? documentationJson(block.value) : undefined;
      if (documentation) {
        context.report({
          span,
          severity: 'warning',
          message: `\`json\` block is not strict JSON: it holds ${WHY[documentation]}`,
          hint: 'tag the fence `jsonc` (comments, trailing commas), `json5` or `jsonl`, or write one whole value',
        });
        continue;
      }
      context.report({
        span,
        message: `Invalid ${dialect === 'json' ? 'JSON' : dialect.toUpperCase()}: ${result.message}`,
        hint:
          dialect === 'json'
            ? 'write strict JSON: double-quoted keys and strings, no trailing commas or comments; elide with ...'
            : `fix the ${dialect.toUpperCase()} syntax at this point`,
        ...(dialect === 'json' ? trailingCommaFix(block.value, block.lineOffsets) : {}),
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
