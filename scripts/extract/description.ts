// What the description rules share: where a description is, and the
// package-level vocabulary measures (distinctive terms, weighted top terms, overlap).
import type { Span, Skill } from '../core/types.ts';
import { SkillNames, stripBoilerplate, terms, withoutSkipClauses } from './text.ts';

export function descriptionOf(skill: Skill): string | undefined {
  const value = skill.doc.frontmatter.value as { description?: unknown } | undefined;
  return typeof value?.description === 'string' ? value.description : undefined;
}

/** The description's value, else its key, else the frontmatter block: where a finding points. */
export function descriptionSpan(skill: Skill): Span {
  const { frontmatter } = skill.doc;
  const at = frontmatter.valueSpans.get('description') ?? frontmatter.keySpans.get('description') ?? frontmatter.span;
  if (at) return at;
  const start = skill.doc.pointAt(0);
  return { start, end: start };
}

export interface DescribedSkill {
  skill: Skill;
  description: string;
}

export function describedSkills(skills: Skill[]): DescribedSkill[] {
  return skills.flatMap((skill) => {
    const description = descriptionOf(skill);
    return description === undefined ? [] : [{ skill, description }];
  });
}

/**
 * The terms a description uses about its own job: boilerplate ("use when the user says") and skip
 * clauses (which are written in a neighbour's words) left out, so neither counts as shared vocabulary.
 */
export function ownTerms(description: string, names: SkillNames, self: string): string[] {
  return terms(stripBoilerplate(withoutSkipClauses(description, names, self))).filter((term) => term.length > 1);
}

function termLists(entries: { name: string; description: string }[]): Map<string, string[]> {
  const names = new SkillNames(entries.map((entry) => entry.name));
  return new Map(entries.map((entry) => [entry.name, ownTerms(entry.description, names, entry.name)]));
}

/** Per skill: the terms of its description that no other description of the package uses, sorted. */
export function distinctiveTerms(entries: { name: string; description: string }[]): Map<string, string[]> {
  const lists = termLists(entries);
  const owners = new Map<string, number>();
  for (const list of lists.values()) for (const term of new Set(list)) owners.set(term, (owners.get(term) ?? 0) + 1);
  return new Map([...lists].map(([name, list]) => [name, [...new Set(list)].filter((t) => owners.get(t) === 1).sort()]));
}

/**
 * Per skill: its `top` heaviest terms by tf × idf (idf = ln(1 + N/df), never zero, so a two-skill package
 * still compares), normalised to sum 1. These are the words that make the description recognisable.
 */
export function topTerms(entries: { name: string; description: string }[], top: number): Map<string, Map<string, number>> {
  const lists = termLists(entries);
  const df = new Map<string, number>();
  for (const list of lists.values()) for (const term of new Set(list)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = lists.size;
  const result = new Map<string, Map<string, number>>();
  for (const [name, list] of lists) {
    const tf = new Map<string, number>();
    for (const term of list) tf.set(term, (tf.get(term) ?? 0) + 1);
    const weighted = [...tf]
      .map(([term, count]) => [term, count * Math.log(1 + n / df.get(term)!)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, top);
    const total = weighted.reduce((sum, [, w]) => sum + w, 0) || 1;
    result.set(name, new Map(weighted.map(([term, w]) => [term, w / total])));
  }
  return result;
}

/**
 * Weighted Jaccard of two term vectors: Σ min / Σ max over the union of their terms. Since
 * min(x, y) + max(x, y) = x + y, Σ max is the two sums less Σ min: one pass over `a`, no union built.
 */
export function weightedJaccard(a: Map<string, number>, b: Map<string, number>): number {
  let min = 0;
  let sum = 0;
  for (const [term, x] of a) {
    sum += x;
    const y = b.get(term);
    if (y !== undefined) min += Math.min(x, y);
  }
  for (const y of b.values()) sum += y;
  const max = sum - min;
  return max === 0 ? 0 : min / max;
}

export interface ScoredPair {
  /** Indexes into the vectors, first < second. */
  first: number;
  second: number;
  score: number;
}

/**
 * Every pair of `vectors` whose weighted Jaccard reaches `threshold`, in index order, without comparing all
 * n² pairs (two thousand skills took 0.76 s that way). A pair reaches t only if its shared weight m = Σ min
 * is at least t·(Σa + Σb − m), so at least t·Σa (Σb ≥ m): a vector's rarest terms, taken until the weight
 * left is below that, must include one the other vector holds. Only the holders of those terms are
 * compared, and the terms every description uses, being the most common, are rarely among them.
 */
export function pairsAtLeast(vectors: Map<string, number>[], threshold: number): ScoredPair[] {
  const pairs: ScoredPair[] = [];
  const consider = (first: number, second: number) => {
    const score = weightedJaccard(vectors[first], vectors[second]);
    if (score >= threshold) pairs.push({ first, second, score });
  };
  if (threshold <= 0) {
    // Every pair reaches a threshold of zero, those sharing nothing too.
    for (let first = 0; first < vectors.length; first++) for (let second = first + 1; second < vectors.length; second++) consider(first, second);
    return pairs;
  }
  const holders = new Map<string, number[]>();
  vectors.forEach((vector, index) => {
    for (const term of vector.keys()) {
      const holding = holders.get(term);
      if (holding) holding.push(index);
      else holders.set(term, [index]);
    }
  });
  const rarestFirst = (a: [string, number], b: [string, number]) => holders.get(a[0])!.length - holders.get(b[0])!.length || (a[0] < b[0] ? -1 : 1);
  // met[j] is first + 1 once vector j is a candidate in this round: a marker that needs no reset.
  const met = new Int32Array(vectors.length);
  const candidates: number[] = [];
  for (let first = 0; first < vectors.length; first++) {
    let left = 0;
    for (const weight of vectors[first].values()) left += weight;
    // Lowered a little: rounding in `left` must not end the probe one term early.
    const needed = threshold * left - 1e-9;
    for (const [term, weight] of [...vectors[first]].sort(rarestFirst)) {
      if (left < needed) break;
      left -= weight;
      for (const second of holders.get(term)!) {
        if (second > first && met[second] !== first + 1) {
          met[second] = first + 1;
          candidates.push(second);
        }
      }
    }
    candidates.sort((a, b) => a - b);
    for (const second of candidates) consider(first, second);
    candidates.length = 0;
  }
  return pairs;
}

/** The terms two vectors share, heaviest shared weight first. */
export function sharedTerms(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...a.keys()]
    .filter((term) => b.has(term))
    .sort((s, t) => Math.min(b.get(t)!, a.get(t)!) - Math.min(b.get(s)!, a.get(s)!) || (s < t ? -1 : 1));
}
