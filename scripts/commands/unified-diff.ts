// Unified diffs of whole files (what `check --fix-dry-run` prints), from a longest-common-subsequence of lines.
// Repairs touch a few lines of a page, so the common head and tail are set aside first and the table covers
// only the lines between.

const CONTEXT = 3;

type Line = { kind: ' ' | '-' | '+'; text: string };

/** `--- a/<name>` / `+++ b/<name>` and its hunks; '' when the texts are equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const lines = diffLines(splitLines(before), splitLines(after));
  const out = [`--- a/${name}\n`, `+++ b/${name}\n`];
  for (const hunk of hunks(lines)) out.push(hunk);
  return out.join('');
}

/** Lines with their ends kept, so a missing final newline shows as such. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffLines(a: string[], b: string[]): Line[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const rows = middleA.length + 1;
  const columns = middleB.length + 1;
  // common[i * columns + j]: length of the longest common subsequence of middleA[i..] and middleB[j..].
  const common = new Uint32Array(rows * columns);
  for (let i = middleA.length - 1; i >= 0; i--) {
    for (let j = middleB.length - 1; j >= 0; j--) {
      common[i * columns + j] = middleA[i] === middleB[j] ? common[(i + 1) * columns + j + 1] + 1 : Math.max(common[(i + 1) * columns + j], common[i * columns + j + 1]);
    }
  }
  const middle: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < middleA.length || j < middleB.length) {
    if (i < middleA.length && j < middleB.length && middleA[i] === middleB[j]) {
      middle.push({ kind: ' ', text: middleA[i++] });
      j++;
    } else if (j < middleB.length && (i === middleA.length || common[i * columns + j + 1] >= common[(i + 1) * columns + j])) {
      middle.push({ kind: '+', text: middleB[j++] });
    } else middle.push({ kind: '-', text: middleA[i++] });
  }
  // Removals before additions within a run of changes, as diff(1) prints them.
  const ordered: Line[] = [];
  for (let at = 0; at < middle.length; ) {
    if (middle[at].kind === ' ') {
      ordered.push(middle[at++]);
      continue;
    }
    let end = at;
    while (end < middle.length && middle[end].kind !== ' ') end++;
    const run = middle.slice(at, end);
    ordered.push(...run.filter((line) => line.kind === '-'), ...run.filter((line) => line.kind === '+'));
    at = end;
  }
  return [...a.slice(0, head).map((text) => ({ kind: ' ' as const, text })), ...ordered, ...a.slice(a.length - tail).map((text) => ({ kind: ' ' as const, text }))];
}

/** Groups changed lines with CONTEXT lines around them into `@@ -l,n +l,n @@` hunks. */
function hunks(lines: Line[]): string[] {
  const changed = lines.map((line, index) => (line.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out: string[] = [];
  let at = 0;
  while (at < changed.length) {
    const start = Math.max(0, changed[at] - CONTEXT);
    let last = changed[at];
    while (at + 1 < changed.length && changed[at + 1] - last <= 2 * CONTEXT) last = changed[++at];
    at++;
    const end = Math.min(lines.length, last + CONTEXT + 1);
    let oldStart = 1;
    let newStart = 1;
    for (const line of lines.slice(0, start)) {
      if (line.kind !== '+') oldStart++;
      if (line.kind !== '-') newStart++;
    }
    const body = lines.slice(start, end);
    const oldCount = body.filter((line) => line.kind !== '+').length;
    const newCount = body.filter((line) => line.kind !== '-').length;
    const range = (from: number, count: number) => `${count === 0 ? from - 1 : from}${count === 1 ? '' : `,${count}`}`;
    let text = `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    for (const line of body) text += `${line.kind}${line.text}${line.text.endsWith('\n') ? '' : '\n\\ No newline at end of file\n'}`;
    out.push(text);
  }
  return out;
}
