// Applying rule repairs to a text. A repair is a group of edits that stands or falls whole; repairs that
// overlap one already taken wait for the next pass (the fixer lints again after writing).
import type { TextEdit } from './types.ts';

export interface AppliedFixes {
  text: string;
  /** How many repairs were applied. */
  applied: number;
  /** Repairs left out: overlapping another, or their range no longer holding the text they replace. */
  skipped: number;
}

/** Applies each repair whose edits all hold and overlap no repair taken before it, in the order given. */
export function applyFixes(text: string, fixes: TextEdit[][]): AppliedFixes {
  const taken: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const fix of fixes) {
    const fits = fix.every(
      (edit) =>
        edit.start >= 0 &&
        edit.end >= edit.start &&
        edit.end <= text.length &&
        (edit.replaces === undefined || text.slice(edit.start, edit.end) === edit.replaces) &&
        !taken.some((other) => overlaps(edit, other)) &&
        !fix.some((mine) => mine !== edit && overlaps(edit, mine)),
    );
    if (!fits || fix.length === 0) {
      skipped++;
      continue;
    }
    taken.push(...fix);
    applied++;
  }
  taken.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of taken) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { text: out + text.slice(at), applied, skipped };
}

/** Two edits touch the same text; two insertions at one point count as overlapping, since their order is unknown. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
