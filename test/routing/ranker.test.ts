import { describe, expect, it } from 'vitest';
import { buildIndex, queryTerms, rankSkills } from '../../scripts/commands/route/ranker.ts';
import fc from 'fast-check';
import { collisions, forEachPairAtLeast, sharedTerms, weightedJaccard, type Neighbour } from '../../scripts/extract/description.ts';
import { SkillNames, sentences, skipClauses, stem, terms, triggerPhrases, withoutSkipClauses } from '../../scripts/extract/text.ts';

describe('text analysis', () => {
  it('stems inflections onto one term and keeps user apart from use', () => {
    expect(['runs', 'running', 'run'].map(stem)).toEqual(['run', 'run', 'run']);
    expect(['pricing', 'price', 'prices'].map(stem)).toEqual(['pric', 'pric', 'pric']);
    expect(['created', 'creates', 'creating'].map(stem)).toEqual(['creat', 'creat', 'creat']);
    expect(['queries', 'query'].map(stem)).toEqual(['query', 'query']);
    expect(stem('billing')).toBe('bill');
    expect(stem('user')).not.toBe(stem('use'));
    expect(stem('status')).toBe('status');
  });

  it('drops stop words and folds apostrophes', () => {
    expect(terms("I don't know how many credits are left")).toEqual(['know', 'many', 'credit', 'left']);
  });

  it('finds straight and curly quoted phrases', () => {
    expect(triggerPhrases('Use when the user says "deploy my app", “add a domain”, "".')).toEqual(['deploy my app', 'add a domain']);
  });

  it('splits sentences without breaking version numbers or hosts', () => {
    expect(sentences('Deploys apps to x.cargo.app and v1.2 workers. Use it often! Really?')).toEqual([
      'Deploys apps to x.cargo.app and v1.2 workers.',
      'Use it often!',
      'Really?',
    ]);
  });

  it('recognises skip clauses by a redirecting verb or "instead", not by a bare mention', () => {
    const text = 'Runs the cargo-ai CLI. For invoices use cargo-billing; error rates belong to `cargo-analytics` instead. See also cargo-hosting docs.';
    const clauses = skipClauses(text, ['cargo-ai', 'cargo-billing', 'cargo-analytics', 'cargo-hosting']);
    expect(clauses.map((c) => c.targets)).toEqual([['cargo-billing'], ['cargo-analytics'], ['cargo-hosting']]);
    expect(withoutSkipClauses(text, ['cargo-billing', 'cargo-analytics', 'cargo-hosting']).trim()).toBe('Runs the cargo-ai CLI.');
  });
});

describe('skill names in text', () => {
  const names = new SkillNames(['cargo', 'cargo-billing', 'Cargo-Hosting', 'my.skill', 'cargo-billing']);

  it('finds the names written as whole words, in the order given, without the one excepted', () => {
    expect(names.wordsIn('Use CARGO-billing or cargo-hosting; not cargo-billing-extra or xcargo.')).toEqual(['cargo-billing', 'Cargo-Hosting', 'my.skill']);
    expect(names.wordsIn('see cargo, then cargo-billing', 'cargo')).toEqual(['cargo-billing', 'my.skill']);
    expect(names.wordsIn('nothing here')).toEqual(['my.skill']);
  });

  it('gives skip clauses the same targets as the plain list of names', () => {
    const text = 'For invoices use cargo-billing. Prefer my.skill for the rest; cargo is the CLI.';
    const all = ['cargo', 'cargo-billing', 'Cargo-Hosting', 'my.skill'];
    expect(skipClauses(text, names, 'cargo').map((c) => c.targets)).toEqual([['cargo-billing'], ['my.skill']]);
    expect(skipClauses(text, names, 'cargo')).toEqual(skipClauses(text, all.filter((n) => n !== 'cargo')));
    expect(skipClauses(text, names, 'cargo-billing').map((c) => c.targets)).toEqual([['my.skill']]);
  });
});

describe('weighted Jaccard overlap', () => {
  const a = new Map([['run', 0.5], ['batch', 0.3], ['node', 0.2]]);
  const b = new Map([['run', 0.4], ['segment', 0.6]]);

  it('is Σ min over Σ max of the two vectors, symmetric, 1 for equal and 0 for disjoint vectors', () => {
    // Σ min = 0.4 (run); Σ max = 0.5 + 0.3 + 0.2 + 0.6 = 1.6.
    expect(weightedJaccard(a, b)).toBeCloseTo(0.25, 10);
    expect(weightedJaccard(b, a)).toBeCloseTo(0.25, 10);
    expect(weightedJaccard(a, a)).toBeCloseTo(1, 10);
    expect(weightedJaccard(a, new Map([['other', 1]]))).toBe(0);
    expect(weightedJaccard(new Map(), new Map())).toBe(0);
  });

  const pairsAtLeast = (vectors: Map<string, number>[], threshold: number) => {
    const pairs: { first: number; second: number; score: number }[] = [];
    forEachPairAtLeast(vectors, threshold, (first, second, score) => pairs.push({ first, second, score }));
    return pairs;
  };

  it('finds the pairs at or above a threshold as comparing every pair would, in index order', () => {
    const everyPair = (vectors: Map<string, number>[], threshold: number) =>
      vectors.flatMap((_, first) =>
        vectors.slice(first + 1).flatMap((__, offset) => {
          const second = first + 1 + offset;
          const score = weightedJaccard(vectors[first], vectors[second]);
          return score >= threshold ? [{ first, second, score }] : [];
        }),
      );
    // Few terms, so pairs share some; equal vectors and empty ones sit exactly on thresholds 1 and 0.
    const vector = fc.dictionary(fc.constantFrom('run', 'node', 'batch', 'credit', 'segment', 'model'), fc.double({ min: 0.01, max: 1, noNaN: true }), { maxKeys: 4 });
    const vectors = fc.array(vector, { maxLength: 12 }).chain((list) => fc.constantFrom(list, [...list, ...list.slice(0, 2)]));
    const threshold = fc.oneof(fc.constantFrom(0, 0.2, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(vectors, threshold, (records, at) => {
        const maps = records.map((record) => new Map(Object.entries(record)));
        expect(pairsAtLeast(maps, at)).toEqual(everyPair(maps, at));
      }),
      { numRuns: 500, seed: 20261123 },
    );
    // Disjoint vectors overlap by 0, which reaches a threshold of 0 only.
    const disjoint = [new Map([['a', 1]]), new Map([['b', 1]])];
    expect(pairsAtLeast(disjoint, 0)).toEqual([{ first: 0, second: 1, score: 0 }]);
    expect(pairsAtLeast(disjoint, 0.01)).toEqual([]);
  });

  it('counts and ranks each vector\'s collisions as comparing every pair would, duplicates and templates grouped', () => {
    const everyPair = (vectors: Map<string, number>[], threshold: number, keep: number) =>
      vectors.map((vector, index) => {
        const all: Neighbour[] = vectors.flatMap((other, at) => (at === index ? [] : [{ index: at, score: weightedJaccard(vector, other) }])).filter((n) => n.score >= threshold);
        return { count: all.length, closest: all.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, keep) };
      });
    const term = fc.constantFrom('run', 'node', 'batch', 'credit', 'segment', 'model');
    const vector = fc.dictionary(term, fc.double({ min: 0.01, max: 1, noNaN: true }), { maxKeys: 4 });
    // A template: shared terms at fixed weights plus one private word per copy, at one weight, as numbered
    // generated descriptions give.
    const template = fc.record({ shared: vector, copies: fc.integer({ min: 1, max: 6 }), privateWeight: fc.double({ min: 0.01, max: 1, noNaN: true }) });
    const copiesOf = ({ shared, copies, privateWeight }: { shared: Record<string, number>; copies: number; privateWeight: number }) =>
      Array.from({ length: copies }, () => ({ ...shared, own: privateWeight }));
    const vectors = fc.array(fc.oneof(vector.map((v) => [v]), template.map(copiesOf)), { maxLength: 8 });
    const threshold = fc.oneof(fc.constantFrom(0, 0.2, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(vectors, threshold, fc.integer({ min: 1, max: 4 }), (records, at, keep) => {
        // Each copy's private word is its own: `own` becomes `own<index>`.
        const maps = records.flat().map((record, index) => new Map(Object.entries(record).map(([t, w]) => [t === 'own' ? `own${index}` : t, w])));
        const found = collisions(maps, at, keep);
        const expected = everyPair(maps, at, keep);
        expect(found.map((c) => c.count)).toEqual(expected.map((c) => c.count));
        expect(found.map((c) => c.closest.map((n) => n.index))).toEqual(expected.map((c) => c.closest.map((n) => n.index)));
        found.forEach((c, i) => c.closest.forEach((n, j) => expect(n.score).toBeCloseTo(expected[i].closest[j].score, 9)));
      }),
      { numRuns: 500, seed: 20261205 },
    );
  });

  it('counts a thousand copies of one template as one cluster', () => {
    const copies = Array.from({ length: 1000 }, (_, i) => new Map([['synthetic', 0.3], ['speed', 0.3], [`n${i}`, 0.4]]));
    const found = collisions(copies, 0.2, 3);
    expect(found.every((c) => c.count === 999)).toBe(true);
    // Σ min = 0.6 over Σ max = 1 + 1 − 0.6.
    expect(found[500].closest.map((n) => n.index)).toEqual([0, 1, 2]);
    expect(found[500].closest[0].score).toBeCloseTo(0.6 / 1.4, 12);
  });

  it('lists the shared terms, heaviest shared weight first', () => {
    const c = new Map([['node', 0.5], ['run', 0.1], ['batch', 0.4]]);
    expect(sharedTerms(a, c)).toEqual(['batch', 'node', 'run']);
    expect(sharedTerms(a, b)).toEqual(['run']);
  });
});

describe('rankSkills', () => {
  const skills = [
    { name: 'acme-billing', description: 'Reports credits, invoices and the subscription. Use when the user says "credits left", "download invoice". For run failures use acme-analytics instead.' },
    { name: 'acme-analytics', description: 'Measures runs: error rates and failures, exports results. Use when the user says "error rate", "export results". For invoices use acme-billing instead.' },
    { name: 'acme-hosting', description: 'Deploys apps and workers with custom domains. Use when the user says "deploy my app", "add a domain".' },
  ];
  const index = buildIndex(skills);

  it('ranks the skill that owns the words first, with the deciding terms', () => {
    const [first, second] = rankSkills(index, 'what is the error rate of my runs?');
    expect(first.skill).toBe('acme-analytics');
    expect(first.score).toBeGreaterThan(second.score);
    expect(first.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['error', 'rat', 'error_rat', 'run']));
    expect(first.terms[0].contribution).toBeGreaterThanOrEqual(first.terms.at(-1)!.contribution);
    expect(first.score).toBeCloseTo(first.terms.reduce((sum, t) => sum + t.contribution, 0), 10);
  });

  it('ignores a neighbour\'s vocabulary written in a skip clause', () => {
    const ranking = rankSkills(index, 'invoices');
    expect(ranking[0].skill).toBe('acme-billing');
    expect(ranking.find((r) => r.skill === 'acme-analytics')!.score).toBe(0);
  });

  it('expands everyday words through the synonym table at reduced weight', () => {
    expect(queryTerms('our budget', 0.5).get('credit')).toBe(0.5);
    expect(rankSkills(index, 'are we over budget')[0].skill).toBe('acme-billing');
    expect(rankSkills(index, 'ship my website')[0].skill).toBe('acme-hosting');
  });

  it('expands multi-word expressions only as whole words', () => {
    expect(queryTerms('sign in with a key').get('login')).toBe(0.5);
    expect(queryTerms('design interfaces').has('login')).toBe(false);
    expect(queryTerms('how much').get('cost')).toBe(0.5);
  });

  it('is deterministic: equal scores sort by name, every skill is listed', () => {
    const ranking = rankSkills(index, 'zebra');
    expect(ranking.map((r) => r.skill)).toEqual(['acme-analytics', 'acme-billing', 'acme-hosting']);
    expect(ranking.every((r) => r.score === 0 && r.terms.length === 0)).toBe(true);
    expect(rankSkills(index, 'deploy my app')).toEqual(rankSkills(buildIndex(skills), 'deploy my app'));
  });

  it('copes with an empty request and an empty index', () => {
    expect(rankSkills(index, '').every((r) => r.score === 0)).toBe(true);
    expect(rankSkills(buildIndex([]), 'anything')).toEqual([]);
  });
});
