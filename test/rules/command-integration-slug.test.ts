import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot, schemaPath } from '../../scripts/core/paths.ts';
import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-integration-slug');
import { integrationSlugs } from '../../scripts/schema/integrations.ts';
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const typo = `cargo-ai orchestration action execute --action '{"kind":"connector","integrationSlug":"clearbitt","actionSlug":"company_enrich","config":{}}' --data '{"domain":"acme.com"}'`;
const short = `cargo-ai orchestration action execute-batch --action '{"kind":"connector","integrationSlug":"apollo","actionSlug":"enrich","config":{}}' --records '[{"domain":"acme.com"}]'`;
// The key written with an escape is the same key once parsed.
const escapedKey = `cargo-ai orchestration action execute --action '{"kind":"connector","integration\\u0053lug":"clearbitt","actionSlug":"company_enrich","config":{}}' --data '{"domain":"acme.com"}'`;
const inNodes = `cargo-ai orchestration run create --data '{"domain":"acme.com"}' --nodes '[{"slug":"enrich","kind":"connector","integrationSlug":"hubspott","actionSlug":"x","config":{}}]'`;

runRuleTests(rule, {
  valid: [
    block('catalog slug', `cargo-ai orchestration action execute --action '{"kind":"connector","integrationSlug":"clearbit","actionSlug":"company_enrich","config":{}}' --data '{"domain":"acme.com"}'`),
    block('placeholder slug', `cargo-ai orchestration action execute --action '{"kind":"connector","integrationSlug":"<integration-slug>","actionSlug":"<action-slug>","config":{}}' --data '{}'`),
    block('tool action has no slug', `cargo-ai orchestration action execute --action '{"kind":"tool","toolUuid":"<uuid>","config":{}}' --data '{"domain":"acme.com"}'`),
  ],
  invalid: [
    flags('misspelt slug', typo, at(typo, 'clearbitt', { message: /`clearbitt` is not an integration slug/, hint: /`clearbit`/ })),
    flags('slug without its suffix', short, at(short, 'apollo', { hint: /`apolloio`/ })),
    flags('slug inside a node list', inNodes, at(inNodes, 'hubspott', { hint: /`hubspot`/ })),
    flags('slug under a key written with an escape', escapedKey, at(escapedKey, 'clearbitt', { message: /`clearbitt` is not an integration slug/ })),
  ],
});

it('the copied catalog equals the shared one and lists every slug once', () => {
  const copy = readFileSync(schemaPath('integrations.json'), 'utf8');
  const shared = path.join(repoRoot, '..', 'shared', 'data', 'integrations.json');
  if (existsSync(shared)) expect(JSON.parse(copy)).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
  const catalog = JSON.parse(copy) as { count: number; integrations: unknown[] };
  expect(integrationSlugs().size).toBe(catalog.count);
  expect(catalog.integrations).toHaveLength(catalog.count);
});
