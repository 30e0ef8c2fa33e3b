// A deterministic, offline BM25F ranker over skill descriptions: which skill would a lexical router
// pick for a request? Fields: the skill name, its quoted trigger phrases, and the description.
import { PHRASE_SYNONYMS, SYNONYMS } from './synonyms.ts';
import { SkillNames, stem, stripBoilerplate, terms, termsWithBigrams, triggerPhrases, withoutSkipClauses } from '../../extract/text.ts';

export interface SkillText {
  name: string;
  description: string;
}

type Field = 'name' | 'triggers' | 'description';

export interface RankerOptions {
  /** Per-field weight: a term in the name says more than one in the prose. */
  weights: Record<Field, number>;
  /** Per-field length normalisation (BM25 `b`). */
  b: Record<Field, number>;
  /** Term-frequency saturation (BM25 `k1`). */
  k1: number;
  /** Weight of a term that entered the query through the synonym table rather than the user's words. */
  synonymWeight: number;
}

export const DEFAULT_RANKER_OPTIONS: RankerOptions = {
  weights: { name: 3, triggers: 2, description: 1 },
  b: { name: 0, triggers: 0.5, description: 0.75 },
  k1: 1.2,
  synonymWeight: 0.5,
};

interface IndexedSkill {
  name: string;
  /** Content terms of each trigger phrase, to tell when a test request is a copy of one. */
  triggerTerms: Set<string>[];
  tf: Record<Field, Map<string, number>>;
  length: Record<Field, number>;
}

export interface RoutingIndex {
  skills: IndexedSkill[];
  /** Number of skills whose text holds each term (any field). */
  df: Map<string, number>;
  averageLength: Record<Field, number>;
  options: RankerOptions;
}

export interface TermContribution {
  term: string;
  contribution: number;
}

export interface Ranked {
  skill: string;
  score: number;
  /** The query terms that scored, largest first. */
  terms: TermContribution[];
}

const FIELDS: Field[] = ['name', 'triggers', 'description'];

function counts(list: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const term of list) map.set(term, (map.get(term) ?? 0) + 1);
  return map;
}

/**
 * The terms of each field. Skip clauses ("for invoices use cargo-billing") are left out: they are
 * written in the neighbour's vocabulary, and counting them would send the neighbour's requests here.
 */
export function fieldTerms(skill: SkillText, names: SkillNames): Record<Field, string[]> {
  const own = withoutSkipClauses(skill.description, names, skill.name);
  return {
    name: terms(skill.name.replace(/-/g, ' ')),
    triggers: triggerPhrases(own).flatMap((phrase) => termsWithBigrams(phrase)),
    description: termsWithBigrams(stripBoilerplate(own)),
  };
}

export function buildIndex(skills: SkillText[], options: Partial<RankerOptions> = {}): RoutingIndex {
  const merged: RankerOptions = { ...DEFAULT_RANKER_OPTIONS, ...options };
  const names = new SkillNames(skills.map((skill) => skill.name));
  const indexed: IndexedSkill[] = skills.map((skill) => {
    const fields = fieldTerms(skill, names);
    return {
      name: skill.name,
      triggerTerms: triggerPhrases(skill.description).map((phrase) => new Set(terms(phrase))),
      tf: { name: counts(fields.name), triggers: counts(fields.triggers), description: counts(fields.description) },
      length: { name: fields.name.length, triggers: fields.triggers.length, description: fields.description.length },
    };
  });
  const df = new Map<string, number>();
  for (const skill of indexed) {
    const seen = new Set(FIELDS.flatMap((field) => [...skill.tf[field].keys()]));
    for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const averageLength = Object.fromEntries(
    FIELDS.map((field) => [field, indexed.reduce((sum, s) => sum + s.length[field], 0) / Math.max(indexed.length, 1)]),
  ) as Record<Field, number>;
  return { skills: indexed, df, averageLength, options: merged };
}

/** Query terms with their weight: the user's own words at 1, synonym expansions at `synonymWeight`. */
export function queryTerms(request: string, synonymWeight = DEFAULT_RANKER_OPTIONS.synonymWeight): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  for (const term of termsWithBigrams(request)) add(term, 1);
  const lower = request.toLowerCase().replace(/['\u2019]/g, '');
  for (const word of lower.match(/[a-z0-9]+/g) ?? []) {
    for (const synonym of SYNONYMS[word] ?? []) add(stem(synonym), synonymWeight);
  }
  const spaced = ` ${(lower.match(/[a-z0-9]+/g) ?? []).join(' ')} `;
  for (const [phrase, synonyms] of Object.entries(PHRASE_SYNONYMS)) {
    if (spaced.includes(` ${phrase} `)) for (const synonym of synonyms) add(stem(synonym), synonymWeight);
  }
  return weights;
}

function idf(index: RoutingIndex, term: string): number {
  const n = index.skills.length;
  const df = index.df.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function rankSkills(index: RoutingIndex, request: string): Ranked[] {
  const { options } = index;
  const query = queryTerms(request, options.synonymWeight);
  const ranked = index.skills.map((skill): Ranked => {
    const contributions: TermContribution[] = [];
    for (const [term, queryWeight] of query) {
      if (!index.df.has(term)) continue;
      let weightedTf = 0;
      for (const field of FIELDS) {
        const tf = skill.tf[field].get(term) ?? 0;
        if (tf === 0) continue;
        const average = index.averageLength[field] || 1;
        const norm = 1 - options.b[field] + options.b[field] * (skill.length[field] / average);
        weightedTf += (options.weights[field] * tf) / norm;
      }
      if (weightedTf === 0) continue;
      const contribution = queryWeight * idf(index, term) * (weightedTf / (options.k1 + weightedTf));
      contributions.push({ term, contribution });
    }
    contributions.sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : 1));
    return { skill: skill.name, score: contributions.reduce((sum, c) => sum + c.contribution, 0), terms: contributions };
  });
  return ranked.sort((a, b) => b.score - a.score || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
}
