import { describe, expect, it } from 'vitest';
import actionCatalog from '../../scripts/rules/action-catalog.ts';
import actionConfig from '../../scripts/rules/action-config.ts';
import actionPrice, { parseCredits } from '../../scripts/rules/action-price.ts';
import recipeListed from '../../scripts/rules/recipe-listed.ts';
import { runRuleTests, skillMd } from '../rule-tester.ts';

const catalog = JSON.stringify({
  actions: [
    { integrationSlug: 'fullEnrich', actionSlug: 'enrichPerson', kind: 'connector', credits: 1.5, unit: 'call', source: 'test' },
    { integrationSlug: 'native', actionSlug: 'companyEnrich', kind: 'native', credits: 0.5, unit: 'call', source: 'test' },
  ],
});
const withCatalog = (body: string) => ({ 'actions.json': catalog, 'a/SKILL.md': skillMd('a', `# A\n\n${body}\n`) });
const options = { catalog: 'actions.json' };
const execute = (action: string) => `\`\`\`bash\ncargo-ai orchestration action execute --action '${action}' --data '{"email":"<email>"}'\n\`\`\``;

runRuleTests(actionCatalog, {
  valid: [
    { name: 'known connector action', options, files: withCatalog(execute('{"kind":"connector","integrationSlug":"fullEnrich","actionSlug":"enrichPerson","config":{}}')) },
    { name: 'known native action', options, files: withCatalog(execute('{"kind":"native","actionSlug":"companyEnrich","config":{}}')) },
    { name: 'placeholder slugs', options, files: withCatalog(execute('{"kind":"connector","integrationSlug":"<slug>","actionSlug":"<action-slug>","config":{}}')) },
    {
      name: 'an integration that does not exist is left to command-integration-slug',
      options,
      files: withCatalog(execute('{"kind":"connector","integrationSlug":"clearbitt","actionSlug":"company_enrich","config":{}}')),
    },
    { name: 'known action in a json block', options, files: withCatalog('```json\n{"nodes":[{"kind":"connector","integrationSlug":"fullEnrich","actionSlug":"enrichPerson","config":{}}]}\n```') },
  ],
  invalid: [
    {
      name: 'misspelt action slug, at the slug',
      options,
      files: withCatalog(execute('{"kind":"connector","integrationSlug":"fullEnrich","actionSlug":"enrichPersn","config":{}}')),
      errors: [{ line: 13, column: 114, endLine: 13, endColumn: 125, message: /`enrichPersn` of `fullEnrich` is not in the action catalog/, hint: /did you mean `enrichPerson`/ }],
    },
    {
      name: 'unknown action in a json block, at the slug',
      options,
      files: withCatalog('```json\n{\n  "kind": "native",\n  "actionSlug": "guessEmail",\n  "config": {}\n}\n```'),
      errors: [{ line: 15, column: 18, endLine: 15, endColumn: 28, message: /`guessEmail` of `native`/ }],
    },
    {
      name: 'a real integration whose action is not catalogued',
      options,
      files: withCatalog(execute('{"kind":"connector","integrationSlug":"hubspot","actionSlug":"createContact","config":{}}')),
      errors: [{ line: 13, column: 111, endLine: 13, endColumn: 124, message: /`createContact` of `hubspot` is not in the action catalog/, hint: /add it to schemas\/actions.json/ }],
    },
  ],
});

runRuleTests(actionConfig, {
  valid: [
    { name: 'empty config', files: withCatalog(execute('{"kind":"connector","integrationSlug":"fullEnrich","actionSlug":"enrichPerson","config":{}}')) },
    { name: 'node graphs may map inputs in config', files: withCatalog('```json\n[{"kind":"connector","integrationSlug":"fullEnrich","actionSlug":"enrichPerson","config":{"email":"{{nodes.start.email}}"}}]\n```') },
  ],
  invalid: [
    {
      name: 'inputs in config of action execute',
      files: withCatalog(execute('{"kind":"connector","integrationSlug":"fullEnrich","actionSlug":"enrichPerson","config":{"email":"a@b.c"}}')),
      errors: [{ line: 13, column: 48, endLine: 13, endColumn: 156, message: /inputs in `config` \(email\)/, hint: /--data/ }],
    },
    {
      name: 'inputs in config of execute-batch',
      files: withCatalog("```bash\ncargo-ai orchestration action execute-batch --action '{\"kind\":\"native\",\"actionSlug\":\"companyEnrich\",\"config\":{\"domain\":\"x.com\"}}' --records '[]'\n```"),
      errors: [{ line: 13, column: 54, endLine: 13, endColumn: 130, hint: /--records/ }],
    },
  ],
});

const priceTable = (credits: string) => `| Integration | Action | Credits per call |\n|---|---|---|\n| \`fullEnrich\` | \`enrichPerson\` | ${credits} |`;

runRuleTests(actionPrice, {
  valid: [
    { name: 'price equals the catalog', options, files: withCatalog(priceTable('1.5')) },
    { name: 'price with a unit', options, files: withCatalog(priceTable('1.5 credits')) },
    { name: 'table without a credits column', options, files: withCatalog('| Action | Use |\n|---|---|\n| `enrichPerson` | emails |') },
  ],
  invalid: [
    { name: 'price differs', options, files: withCatalog(priceTable('2')), errors: [{ line: 14, column: 33, endLine: 14, endColumn: 38, message: /quoted at 2 credits; the catalog says 1.5/ }] },
    {
      name: 'priced action missing from the catalog',
      options,
      files: withCatalog('| Action | Credits |\n|---|---|\n| `unknownAction` | 3 |'),
      errors: [{ line: 14, column: 1, endLine: 14, endColumn: 19, message: /`unknownAction` is not in the action catalog/ }],
    },
  ],
});

describe('parseCredits', () => {
  it('reads prices and declines to guess', () => {
    expect(parseCredits('1.5')).toBe(1.5);
    expect(parseCredits('~2 credits')).toBe(2);
    expect(parseCredits('0.5 / call')).toBe(0.5);
    expect(parseCredits('free')).toBe(0);
    expect(parseCredits('varies')).toBeUndefined();
  });
});

const gtm = (table: string) => skillMd('cargo-gtm', `# GTM\n\n${table}\n`);

runRuleTests(recipeListed, {
  valid: [
    {
      name: 'recipe in the table and the README',
      files: { 'skills/cargo-gtm/SKILL.md': gtm('| Recipe |\n|---|\n| [TAM](recipes/tam.md) |'), 'skills/cargo-gtm/recipes/tam.md': '# TAM\n', 'README.md': '- [TAM](skills/cargo-gtm/recipes/tam.md)\n' },
      paths: ['skills'],
    },
  ],
  invalid: [
    {
      name: 'recipe linked outside a table and missing from the README',
      files: { 'skills/cargo-gtm/SKILL.md': gtm('See [TAM](recipes/tam.md).'), 'skills/cargo-gtm/recipes/tam.md': '# TAM\n', 'README.md': '# Readme\n' },
      paths: ['skills'],
      errors: [
        { file: 'skills/cargo-gtm/recipes/tam.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: /not listed in the recipe table/ },
        { file: 'skills/cargo-gtm/recipes/tam.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: /not listed in the README/ },
      ],
    },
  ],
});
