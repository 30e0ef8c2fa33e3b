// What the description rules share: where a description is, and the
// package-level vocabulary measures (distinctive terms, weighted top terms, overlap).
import type { Span, Skill } from '../core/types.ts';
import { SkillNames, stripBoilerplate, termWords, terms, withoutSkipClauses } from './text.ts';

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

/**
 * Per term of `ownTerms`, the first word of the description it was stemmed from, for messages: the terms
 * are stems ("execut"), which no author wrote.
 */
export function ownWords(description: string, names: SkillNames, self: string): Map<string, string> {
  const written = new Map<string, string>();
  for (const { term, word } of termWords(stripBoilerplate(withoutSkipClauses(description, names, self)))) {
    if (term.length > 1 && !written.has(term)) written.set(term, word);
  }
  return written;
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

/**
 * Calls `visit` for every pair of `vectors` whose weighted Jaccard reaches `threshold`, first < second, in
 * index order, without comparing all n² pairs (two thousand skills took 0.76 s that way). A pair reaches t
 * only if its shared weight m = Σ min is at least t·(Σa + Σb − m), so at least t·Σa (Σb ≥ m): a vector's
 * rarest terms, taken until the weight left is below that, must include one the other vector holds. Only
 * the holders of those terms are compared, and the terms every description uses, being the most common,
 * are rarely among them. Pairs are visited, not collected: a package of near-alike vectors has n² of them.
 */
export function forEachPairAtLeast(vectors: Map<string, number>[], threshold: number, visit: (first: number, second: number, score: number) => void): void {
  const consider = (first: number, second: number) => {
    const score = weightedJaccard(vectors[first], vectors[second]);
    if (score >= threshold) visit(first, second, score);
  };
  if (threshold <= 0) {
    // Every pair reaches a threshold of zero, those sharing nothing too.
    for (let first = 0; first < vectors.length; first++) for (let second = first + 1; second < vectors.length; second++) consider(first, second);
    return;
  }
  const holders = termHolders(vectors);
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
}

function termHolders(vectors: Map<string, number>[]): Map<string, number[]> {
  const holders = new Map<string, number[]>();
  vectors.forEach((vector, index) => {
    for (const term of vector.keys()) {
      const holding = holders.get(term);
      if (holding) holding.push(index);
      else holders.set(term, [index]);
    }
  });
  return holders;
}

export interface Neighbour {
  index: number;
  score: number;
}

export interface Collisions {
  /** How many other vectors reach the threshold with this one. */
  count: number;
  /** The `keep` closest of them: highest overlap first, then lowest index. */
  closest: Neighbour[];
}

const byCloseness = (a: Neighbour, b: Neighbour) => b.score - a.score || a.index - b.index;

/**
 * Per vector, how many others reach `threshold` with it and which are closest, in time that stays near
 * linear when the vectors are alike, as generated descriptions are ("Synthetic skill 17 for ...").
 *
 * A term only one vector holds never adds to an overlap, so two vectors with the same shared terms at the
 * same weights and the same weight of private terms (topTerms makes every vector weigh 1, so that follows)
 * overlap each other by the same score as any other pair of that group, and every member overlaps another
 * group's members as the two groups' first members do (to rounding: the private weight is compared to 1e-9). Vectors are therefore grouped by
 * their shared part (exact duplicates and templates differing in private words fall together), groups
 * are compared once (forEachPairAtLeast over one vector per group), and each vector's answer is read off
 * its group: a thousand copies of one template cost one comparison, not half a million.
 */
export function collisions(vectors: Map<string, number>[], threshold: number, keep: number): Collisions[] {
  const holders = termHolders(vectors);
  const groupOf = new Map<string, number>();
  const members: number[][] = [];
  for (let index = 0; index < vectors.length; index++) {
    let privateWeight = 0;
    const shared: string[] = [];
    for (const [term, weight] of vectors[index]) {
      if (holders.get(term)!.length > 1) shared.push(`${term}\u0000${weight}`);
      else privateWeight += weight;
    }
    const key = `${Math.round(privateWeight * 1e9)}\u0000${shared.sort().join('\u0000')}`;
    let group = groupOf.get(key);
    if (group === undefined) {
      group = members.length;
      groupOf.set(key, group);
      members.push([]);
    }
    members[group].push(index);
  }
  // Within a group every pair scores alike; the first two members stand for all.
  const inner = members.map((list) => (list.length > 1 ? weightedJaccard(vectors[list[0]], vectors[list[1]]) : -1));
  const others = members.map((list, group) => (inner[group] >= threshold ? list.length - 1 : 0));
  // Per group, its `keep` closest other groups (a group brings at least one neighbour each).
  const nearGroups: Neighbour[][] = members.map(() => []);
  const remember = (group: number, other: number, score: number) => {
    const near = nearGroups[group];
    others[group] += members[other].length;
    near.push({ index: other, score });
    if (near.length > keep) {
      near.sort((a, b) => b.score - a.score || members[a.index][0] - members[b.index][0]);
      near.length = keep;
    }
  };
  forEachPairAtLeast(members.map((list) => vectors[list[0]]), threshold, (first, second, score) => {
    remember(first, second, score);
    remember(second, first, score);
  });
  const result: Collisions[] = new Array(vectors.length);
  members.forEach((list, group) => {
    const fromGroups = nearGroups[group].flatMap(({ index, score }) => members[index].slice(0, keep).map((member) => ({ index: member, score })));
    for (const self of list) {
      const candidates = [...fromGroups];
      if (inner[group] >= threshold) {
        for (const member of list.slice(0, keep + 1)) if (member !== self) candidates.push({ index: member, score: inner[group] });
      }
      result[self] = { count: others[group], closest: candidates.sort(byCloseness).slice(0, keep) };
    }
  });
  return result;
}

/** The terms two vectors share, heaviest shared weight first. */
export function sharedTerms(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...a.keys()]
    .filter((term) => b.has(term))
    .sort((s, t) => Math.min(b.get(t)!, a.get(t)!) - Math.min(b.get(s)!, a.get(s)!) || (s < t ? -1 : 1));
}
