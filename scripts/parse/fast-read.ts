// The one way the three fast readers (markdown, frontmatter, shell) answer: what they read, or why they leave
// the input to the reference parser (remark, the yaml library, mvdan-sh). The run's choice of readers and the
// count of fast reads and fallbacks live here too, one of each per thread.

/** A fast reader's answer: what it read, or the construct that sends the input to the reference parser. */
export type FastRead<T> = { read: T } | { fallback: string };

/** Thrown inside a reader where the input leaves its subset; caught once, in readFast. */
class OutsideSubset extends Error {}

/** Leaves the subset: the reader's answer becomes a fallback with this reason. */
export function outside(reason: string): never {
  throw new OutsideSubset(reason);
}

/** Runs a reader, turning a call to `outside` into its fallback. */
export function readFast<T>(read: () => T): FastRead<T> {
  try {
    return { read: read() };
  } catch (error) {
    if (error instanceof OutsideSubset) return { fallback: error.message };
    throw error;
  }
}

export const READERS = ['markdown', 'frontmatter', 'shell'] as const;
export type ReaderName = (typeof READERS)[number];

/** One reader's inputs: how many it read itself, and how many it left to the reference parser, by reason. */
export interface ReaderCounts {
  fast: number;
  fallbacks: Record<string, number>;
}
export type ReaderStats = Record<ReaderName, ReaderCounts>;

export function emptyStats(): ReaderStats {
  return { markdown: { fast: 0, fallbacks: {} }, frontmatter: { fast: 0, fallbacks: {} }, shell: { fast: 0, fallbacks: {} } };
}

let referenceOnly = false;
let stats = emptyStats();

/** With `on`, this thread parses with the reference parsers alone, as a check of the fast readers. */
export function useReferenceParsers(on: boolean): void {
  referenceOnly = on;
}

export function referenceParsersOnly(): boolean {
  return referenceOnly;
}

/** Counts one input a reader was asked to read. */
export function countRead(reader: ReaderName, answer: FastRead<unknown>): void {
  const counts = stats[reader];
  if ('read' in answer) counts.fast++;
  else counts.fallbacks[answer.fallback] = (counts.fallbacks[answer.fallback] ?? 0) + 1;
}

/** This thread's counts since the last call, which starts them again from zero. */
export function takeStats(): ReaderStats {
  const taken = stats;
  stats = emptyStats();
  return taken;
}

/** Adds `from` (another thread's counts) into `into`. */
export function addStats(into: ReaderStats, from: ReaderStats): void {
  for (const reader of READERS) {
    into[reader].fast += from[reader].fast;
    for (const [reason, count] of Object.entries(from[reader].fallbacks)) {
      into[reader].fallbacks[reason] = (into[reader].fallbacks[reason] ?? 0) + count;
    }
  }
}
