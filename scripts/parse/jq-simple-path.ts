// Reads the simplest jq filters, plain paths (`.release.actions`, `.runs[0].uuid`, `.["odd key"]`, `.`), into
// their steps. Anything else (pipes, `select`, constructions) is not a plain path: undefined.

/** A key, or an array index. */
export type SimplePathStep = string | number;

// `.key`, `."key"`, `[0]`, `["key"]`, and `.[0]` / `.["key"]` at the start (jq 1.6 refuses `.a.[0]`).
const STEP = /\.(?:([A-Za-z_][A-Za-z0-9_]*)|"((?:[^"\\]|\\.)*)")|\[(?:(\d+)|"((?:[^"\\]|\\.)*)")\]/y;

export function readSimplePath(filter: string): SimplePathStep[] | undefined {
  const text = filter.trim();
  if (text === '.') return [];
  if (!text.startsWith('.')) return undefined;
  const steps: SimplePathStep[] = [];
  // A leading `.[` indexes the input itself.
  let at = text.startsWith('.[') ? 1 : 0;
  while (at < text.length) {
    STEP.lastIndex = at;
    const match = STEP.exec(text);
    if (!match) return undefined;
    const [, name, quoted, index, bracketKey] = match;
    if (name !== undefined) steps.push(name);
    else if (index !== undefined) steps.push(Number(index));
    else steps.push(JSON.parse(`"${quoted ?? bracketKey}"`) as string);
    at = STEP.lastIndex;
  }
  return steps;
}
