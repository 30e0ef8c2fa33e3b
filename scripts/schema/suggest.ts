// Nearest valid spellings for a mistyped word (`conjunction` → `conjonction`, `workspace-management` →
// `workspaceManagement`, `getDdl` → `get-ddl`).
import { distance } from 'fastest-levenshtein';

/** Case and separators do not count: `workspace-management`, `workspaceManagement` and `WORKSPACE_MANAGEMENT` meet. */
function fold(word: string): string {
  return word.toLowerCase().replace(/[-_]/g, '');
}

/** Candidates close to `word`, best first (at most `limit`); empty when nothing is close. */
export function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const folded = fold(word);
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = fold(candidate);
    if (other === folded) {
      scored.push({ candidate, score: 0 });
      continue;
    }
    const score = distance(folded, other);
    const allowed = Math.max(1, Math.floor(Math.max(folded.length, other.length) / 3));
    // `--workflow` for `--workflow-uuid`, `descending` for `desc`: one is the start of the other.
    const prefix = Math.min(folded.length, other.length) >= 3 && (other.startsWith(folded) || folded.startsWith(other));
    if (score <= allowed || prefix) scored.push({ candidate, score: score + 0.5 });
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

/** "did you mean `a`?" / "did you mean `a` or `b`?"; undefined when there is nothing to suggest. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const found = nearest(word, candidates);
  if (found.length === 0) return undefined;
  const quoted = found.map((candidate) => `\`${candidate}\``);
  return `did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`}?`;
}
