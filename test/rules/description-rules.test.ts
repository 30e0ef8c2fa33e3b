import { describe, expect, it } from 'vitest';
import descriptionCollision from '../../scripts/rules/description-collision.ts';
import descriptionJob from '../../scripts/rules/description-job.ts';
import descriptionLength from '../../scripts/rules/description-length.ts';
import descriptionSkip from '../../scripts/rules/description-skip.ts';
import descriptionTriggers from '../../scripts/rules/description-triggers.ts';
import descriptionVocabulary from '../../scripts/rules/description-vocabulary.ts';
import { lintCase, runRuleTests, skillMd } from '../rule-tester.ts';

// Three well-formed neighbours: a job sentence, four quoted requests, a skip clause, own words.
const GOOD: Record<string, string> = {
  'acme-billing':
    'Reports credits, invoices and the subscription plan of an account. Use when the user says "how many credits are left", "download the invoice", "what plan are we on", "upgrade the subscription". For failed runs use acme-analytics instead.',
  'acme-analytics':
    'Measures workflow runs: error rates, durations, failure counts and CSV exports of results. Use when the user says "error rate of my workflow", "export the results", "how many runs failed", "average run duration". For credit spend use acme-billing instead.',
  'acme-hosting':
    'Deploys hosted apps and workers, promotes deployments and sets environment variables and custom domains. Use when the user says "deploy my app", "promote to production", "set an env var", "add a custom domain". For workflow runs use acme-analytics instead.',
};

/** A package of skills; `descriptions` replaces or adds descriptions by skill name. */
function pack(descriptions: Record<string, string> = {}): Record<string, string> {
  const all = { ...GOOD, ...descriptions };
  return Object.fromEntries(
    Object.entries(all).map(([name, description]) => [`${name}/SKILL.md`, skillMd(name, undefined, { description: JSON.stringify(description) })]),
  );
}

// The description value starts on line 3, after `description: ` (column 14).
const AT_VALUE = { file: 'acme-billing/SKILL.md', line: 3, column: 14 };

runRuleTests(descriptionJob, {
  valid: [
    { name: 'verb-led first sentences', files: pack() },
    { name: 'a verb in the third person anywhere in the sentence', files: pack({ 'acme-billing': 'This skill tracks credit balances. Use when the user says "a b".' }) },
    { name: 'extra verb from options', options: { verbs: ['bill'] }, files: pack({ 'acme-billing': 'Bills the account monthly. More.' }) },
    { name: 'a "Use when" opening, as other linters recommend', files: pack({ 'acme-billing': 'Use when the user says "show credits", "download invoice". Reports credits.' }) },
    { name: 'a "When" opening', files: pack({ 'acme-billing': 'When the user asks about invoices or credits.' }) },
  ],
  invalid: [
    {
      name: 'a topic, not a job',
      files: pack({ 'acme-billing': 'Router and overview for the Acme CLI skills. Use when the user says "x y".' }),
      errors: [{ ...AT_VALUE, message: /states no job: "Router and overview/, hint: /verb phrase/ }],
    },
    {
      name: 'too short to state a job',
      files: pack({ 'acme-billing': 'Billing. Use when the user says "show credits".' }),
      errors: [{ ...AT_VALUE, message: /states no job: "Billing\."/ }],
    },
    {
      name: 'key span when the description is an empty block',
      files: { 'acme-billing/SKILL.md': '---\nname: acme-billing\ndescription: ""\n---\n# A\n' },
      errors: [{ file: 'acme-billing/SKILL.md', line: 3, column: 14, message: /states no job/ }],
    },
  ],
});

runRuleTests(descriptionTriggers, {
  valid: [
    { name: 'four quoted requests', files: pack() },
    { name: 'curly quotes count', files: pack({ 'acme-billing': 'Reports credits. Use when the user says “show my credits”, “download an invoice”, “plan details please”, “usage this month”.' }) },
    { name: 'lower minimum from options', options: { minTriggers: 1 }, files: pack({ 'acme-billing': 'Reports credits. Use when the user says "show my credits".' }) },
  ],
  invalid: [
    {
      name: 'three phrases only',
      files: pack({ 'acme-billing': 'Reports credits. Use when the user says "show my credits", "download an invoice", "plan details".' }),
      errors: [{ ...AT_VALUE, message: /quotes 3 trigger phrases, fewer than 4/, hint: /double quotes/ }],
    },
    {
      name: 'one-word and duplicate phrases are not counted',
      files: pack({ 'acme-billing': 'Reports credits. Use when the user says "credits", "invoice", "show my credits", "Show my credits", "plan details".' }),
      errors: [{ ...AT_VALUE, message: /quotes 2 trigger phrases, fewer than 4 \(2 shorter than 2 words not counted\)/ }],
    },
    {
      name: 'multi-line folded description, at the value',
      files: {
        ...pack(),
        'acme-billing/SKILL.md': '---\nname: acme-billing\ndescription: >\n  Reports credits and invoices.\n  No phrases here.\n---\n# A\n',
      },
      errors: [{ ...AT_VALUE, message: /quotes 0 trigger phrases/ }],
    },
  ],
});

runRuleTests(descriptionSkip, {
  valid: [
    { name: 'each names a neighbour', files: pack() },
    { name: 'a single skill needs no neighbour', files: { 'solo/SKILL.md': skillMd('solo') } },
    { name: 'backquoted name before "instead"', files: pack({ 'acme-billing': 'Reports credits. Failed runs belong to `acme-analytics` instead.' }) },
    { name: '"load ... skill"', files: pack({ 'acme-billing': 'Reports credits. For run failures load the acme-analytics skill.' }) },
  ],
  invalid: [
    {
      name: 'no skip clause',
      files: pack({ 'acme-billing': 'Reports credits. Use when the user says "show my credits".' }),
      errors: [{ ...AT_VALUE, message: /never says when to load another skill/, hint: /use acme-analytics instead|use acme-hosting instead/ }],
    },
    {
      name: 'mentioning a neighbour is not redirecting to it',
      files: pack({ 'acme-billing': 'Reports credits, including those spent by acme-analytics exports.' }),
      errors: [{ ...AT_VALUE, message: /never says/ }],
    },
    {
      name: 'a skill outside the package does not count',
      files: pack({ 'acme-billing': 'Reports credits. For runs use acme-metrics instead.' }),
      errors: [{ ...AT_VALUE, message: /never says/ }],
    },
  ],
});

runRuleTests(descriptionLength, {
  valid: [
    { name: 'short descriptions', files: pack() },
    { name: 'exactly 1024 characters', files: pack({ 'acme-billing': 'Reports credits. ' + 'x'.repeat(1007) }) },
    { name: '1024 astral characters are 1024, not 2048', files: pack({ 'acme-billing': '💳'.repeat(1024) }) },
    { name: 'over the specification limit: frontmatter-schema reports it, not this rule too', options: { max: 300 }, files: pack({ 'acme-billing': 'Reports credits. ' + 'x'.repeat(1008) }) },
  ],
  invalid: [
    {
      name: 'lower limit from options',
      options: { max: 300 },
      files: pack({ 'acme-billing': 'Reports credits. ' + 'x'.repeat(300) }),
      errors: [{ ...AT_VALUE, message: /317 characters long, over the limit of 300/, hint: /cut 17 characters/ }],
    },
  ],
});

runRuleTests(descriptionVocabulary, {
  valid: [
    { name: 'each description owns its words', files: pack() },
    { name: 'a single skill is not compared', files: { 'solo/SKILL.md': skillMd('solo') } },
  ],
  invalid: [
    {
      name: 'built only from the neighbours\' words',
      files: pack({
        'acme-billing':
          'Measures workflow runs and deployments. Use when the user says "error rate", "deploy my app". For failure counts use acme-analytics instead.',
      }),
      errors: [{ ...AT_VALUE, message: /has 0 distinctive terms, fewer than 5/, hint: /nouns and verbs only this skill owns/ }],
    },
    {
      name: 'skip-clause words do not count as own vocabulary',
      files: pack({
        'acme-billing': 'Measures workflow runs. For ledgers, invoices, receipts, refunds and taxes use acme-analytics instead.',
      }),
      errors: [{ ...AT_VALUE, message: /has 0 distinctive terms/ }],
    },
    {
      name: 'higher minimum from options lists what there is',
      options: { minTerms: 40 },
      files: pack(),
      errors: [
        { file: 'acme-analytics/SKILL.md', line: 3, column: 14, message: /distinctive terms, fewer than 40 \(.*\bdurations\b/ },
        { file: 'acme-billing/SKILL.md', line: 3, column: 14, message: /fewer than 40 \((?!.*\binvoic\b).*\binvoices\b/ },
        { file: 'acme-hosting/SKILL.md', line: 3, column: 14, message: /fewer than 40 \(.*domain/ },
      ],
    },
  ],
});

// Copies acme-analytics's distinguishing words into acme-billing: the requests would go either way.
const STEALER =
  'Reports credits, and measures workflow runs: error rates, durations, failure counts and CSV exports of results. Use when the user says "error rate of my workflow", "how many runs failed", "show credits", "export the results". For domains use acme-hosting instead.';

runRuleTests(descriptionCollision, {
  valid: [
    { name: 'neighbours with their own vocabulary', files: pack() },
    { name: 'a single skill', files: { 'solo/SKILL.md': skillMd('solo') } },
    { name: 'a higher threshold tolerates the overlap', options: { threshold: 0.9 }, files: pack({ 'acme-billing': STEALER }) },
  ],
  invalid: [
    {
      name: 'a description that copies a neighbour is reported on both',
      files: pack({ 'acme-billing': STEALER }),
      errors: [
        { file: 'acme-analytics/SKILL.md', line: 3, column: 14, message: /collides with `acme-billing` \(overlap 0\.\d\d ≥ 0\.2\); shared terms: .*error/, hint: /use acme-billing instead/ },
        { ...AT_VALUE, message: /collides with `acme-analytics`.*shared terms: (?!.*\b(?:durat|rat|fail|count)\b).*\bdurations\b/ },
      ],
    },
  ],
});

describe('description-collision on a package generated from one template', () => {
  // The probe that found the quadratic output: every pair was reported, twice.
  const templated = (count: number) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => {
        const name = `synthetic-${String(i).padStart(3, '0')}`;
        const description = `Synthetic skill ${i + 10} for speed runs. Use when measuring; skip otherwise.`;
        return [`${name}/SKILL.md`, skillMd(name, undefined, { description: JSON.stringify(description) })];
      }),
    );

  it('reports each skill once, naming its closest neighbours and counting the cluster', async () => {
    const found = await lintCase(descriptionCollision, { name: 'templated', files: templated(40) });
    expect(found).toHaveLength(40);
    expect(new Set(found.map((d) => d.file)).size).toBe(40);
    expect(found.every((d) => d.line === 3 && d.column === 14)).toBe(true);
    const first = found.find((d) => d.file === 'synthetic-000/SKILL.md')!;
    expect(first.message).toMatch(
      /^Description of `synthetic-000` collides with 39 other descriptions \(overlap ≥ 0\.2\), closest `synthetic-001` \(0\.\d\d\), `synthetic-002` \(0\.\d\d\), `synthetic-003` \(0\.\d\d\) and 36 more; shared terms with `synthetic-001`: /,
    );
    expect(first.hint).toMatch(/own job and words/);
  });

  it('names the words as written, never their stems', async () => {
    const [first] = await lintCase(descriptionCollision, { name: 'templated', files: templated(3) });
    const shared = first.message.split('shared terms with `synthetic-001`: ')[1].split(', ');
    expect(shared.sort()).toEqual(['measuring', 'otherwise', 'runs', 'skill', 'skip', 'speed', 'synthetic']);
  });

  it('a skill that collides with one other keeps the pair message', async () => {
    const found = await lintCase(descriptionCollision, { name: 'pair', files: pack({ 'acme-billing': STEALER }) });
    expect(found.map((d) => d.message)).toEqual([expect.stringMatching(/collides with `acme-billing` \(/), expect.stringMatching(/collides with `acme-analytics` \(/)]);
  });
});

describe('description rule options', () => {
  it('a wrong option type stops the run with a usage error naming the rule and the option', async () => {
    await expect(lintCase(descriptionTriggers, { name: 'bad option', options: { minTriggers: 'four' }, files: pack() })).rejects.toThrow(
      'rule description-triggers: option minTriggers must be an integer, not "four"',
    );
  });

  it('description rules are warnings; the routing discipline of quoted triggers and skip clauses is the house profile\'s', () => {
    for (const rule of [descriptionJob, descriptionLength, descriptionVocabulary, descriptionCollision]) {
      expect(rule.meta).toMatchObject({ severity: 'warning', profile: 'spec' });
    }
    for (const rule of [descriptionTriggers, descriptionSkip]) expect(rule.meta).toMatchObject({ severity: 'warning', profile: 'cargo' });
  });

  it('in the spec profile, a package without quoted triggers or skip clauses gets no finding for them', async () => {
    const bare = pack({ 'acme-billing': 'Reports credits and invoices.', 'acme-analytics': 'Measures workflow runs and error rates.' });
    expect(await lintCase([descriptionTriggers, descriptionSkip], { name: 'spec', profile: 'spec', files: bare })).toEqual([]);
    expect((await lintCase([descriptionTriggers, descriptionSkip], { name: 'cargo', files: bare })).length).toBeGreaterThan(0);
  });

  it('messages show words as written, never stems', async () => {
    const found = await lintCase(descriptionVocabulary, { name: 'words', options: { minTerms: 40 }, files: pack() });
    const listed = found.map((d) => /\((.*)\)/.exec(d.message)![1].split(', ')).flat();
    for (const word of listed) expect(GOOD['acme-billing'] + GOOD['acme-analytics'] + GOOD['acme-hosting']).toMatch(new RegExp(`\\b${word}\\b`, 'i'));
  });
});
