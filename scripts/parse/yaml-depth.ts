// How deeply a YAML block nests, measured before the yaml library reads it: its parser recurses once per level,
// so a few kilobytes of `[[[[...` would otherwise end in "Maximum call stack size exceeded". Frontmatter needs
// three or four levels; past MAX_YAML_DEPTH the block is refused with its own message.

export const MAX_YAML_DEPTH = 64;

/**
 * The offset where nesting first goes past `limit` levels (block indentation, compact `- ` entries and flow
 * brackets together), or undefined. It over-counts nothing a real frontmatter holds: brackets count only where
 * a flow collection can start or inside one, and the lines of a block scalar (`|`, `>`) are skipped.
 */
export function deepestNesting(raw: string, limit = MAX_YAML_DEPTH): number | undefined {
  const indents: number[] = [];
  let scalarIndent: number | undefined;
  let flow = 0;
  let offset = 0;
  for (const line of raw.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (scalarIndent !== undefined) {
      if (content === '' || indent > scalarIndent) continue;
      scalarIndent = undefined;
    }
    if (flow === 0) {
      if (content === '' || content.startsWith('#')) continue;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Compact entries (`- - a`, `- key:`) open a level each on the same line.
      let at = indent;
      while (/^[-?][ \t]/.test(line.slice(at))) {
        at += 2;
        while (line[at] === ' ' || line[at] === '\t') at++;
        indents.push(at);
      }
      if (indents.length > limit) return start + indent;
      if (/(?:^|[:\-][ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(content)) scalarIndent = indent;
    }
    const reached = scanFlow(line, flow, indents.length, limit);
    if (typeof reached === 'object') return start + reached.at;
    flow = reached;
  }
  return undefined;
}

/** Follows flow brackets along one line; returns the open depth at its end, or where it went past the limit. */
function scanFlow(line: string, depth: number, block: number, limit: number): number | { at: number } {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (depth === 0) {
      // Outside a flow collection a bracket opens one only where a value starts: `key: [`, `- {`, or the line's start.
      if ((char === '[' || char === '{') && /(?:^|[:\-?][ \t]+|^[ \t]+)$/.test(line.slice(0, index))) depth = 1;
      else if (char === '#' && (index === 0 || line[index - 1] === ' ')) return depth;
      if (depth > 0 && block + depth > limit) return { at: index };
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') {
      depth++;
      if (block + depth > limit) return { at: index };
    } else if (char === ']' || char === '}') depth--;
    else if (char === '#' && line[index - 1] === ' ') return depth;
  }
  return depth;
}
