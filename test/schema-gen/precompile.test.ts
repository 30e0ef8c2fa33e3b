// Flag validators generated ahead of time (for the bundle) must judge every JSON value exactly as the ones
// compiled during a run: same verdict, same problems, same positions.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, schemaPath } from '../../scripts/core/paths.ts';
import { loadCliSchema } from '../../scripts/schema/index.ts';
import { FRONTMATTER_REFS, frontmatterAjv } from '../../scripts/schema/frontmatter-validators.ts';
import { JsonChecker, validatorKey } from '../../scripts/schema/json-check.ts';
import { DEFINITIONS_ID, type DefinitionsFile, type JsonSchema } from '../../scripts/schema/model.ts';
import { flagValidatorModules, frontmatterValidatorsModule } from '../../scripts/schema-gen/precompile.ts';
import { validatorFileName } from '../../scripts/schema/precompiled.ts';

// Inside the repository, so that the generated code's requires of ajv's runtime helpers resolve as in the bundle.
const cache = path.join(repoRoot, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(path.join(cache, 'skill-lint-precompile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SAMPLES = ['{}', '[]', '"<value>"', '"..."', '1', 'null', 'true', '"text"', '[{}]', '{"kind":"x"}', '{"unknownKey":1}', '[1,"a",{}]', '{"conjonction":"and","groups":[]}'];

describe('precompiled flag validators', () => {
  it('give the same results as validators compiled during the run, for every JSON flag schema', () => {
    const file = path.join(work, 'validators.cjs');
    writeFileSync(file, flagValidatorModules().all);
    const { precompiled } = createRequire(import.meta.url)(file) as { precompiled: Record<string, ValidateFunction> };
    const definitions = JSON.parse(readFileSync(path.join(path.dirname(schemaPath('cli-schema.json')), DEFINITIONS_ID), 'utf8')) as DefinitionsFile;
    const ahead = new JsonChecker(() => definitions, (key) => precompiled[key]);
    const during = new JsonChecker(() => definitions);
    const schemas = new Map<string, JsonSchema>();
    for (const command of loadCliSchema().commands) for (const flag of command.flags) if (flag.schema) schemas.set(validatorKey(flag.schema), flag.schema);
    expect(Object.keys(precompiled).sort()).toEqual([...schemas.keys()].sort());
    let rejected = 0;
    for (const [key, schema] of schemas) {
      expect(ahead.validator(schema)).toBe(precompiled[key]);
      for (const sample of SAMPLES) {
        const expected = during.check(schema, sample);
        expect(ahead.check(schema, sample), `${key} on ${sample}`).toEqual(expected);
        if (!expected.ok) rejected++;
      }
    }
    // Most samples fit few schemas: the comparison covers the problems explained, not only the verdicts.
    expect(rejected).toBeGreaterThan(schemas.size * 5);
  });

  it('each alone, under the file name a run looks it up by, give the same results too', () => {
    const modules = flagValidatorModules().alone;
    const definitions = JSON.parse(readFileSync(path.join(path.dirname(schemaPath('cli-schema.json')), DEFINITIONS_ID), 'utf8')) as DefinitionsFile;
    const schemas = new Map<string, JsonSchema>();
    for (const command of loadCliSchema().commands) for (const flag of command.flags) if (flag.schema) schemas.set(validatorKey(flag.schema), flag.schema);
    expect(Object.keys(modules).sort()).toEqual([...schemas.keys()].map(validatorFileName).sort());
    const alone = (key: string): ValidateFunction => {
      const file = path.join(work, validatorFileName(key));
      writeFileSync(file, modules[validatorFileName(key)]);
      return (createRequire(import.meta.url)(file) as { validate: ValidateFunction }).validate;
    };
    const ahead = new JsonChecker(() => definitions, alone);
    const during = new JsonChecker(() => definitions);
    for (const [key, schema] of schemas) {
      for (const sample of SAMPLES) expect(ahead.check(schema, sample), `${key} on ${sample}`).toEqual(during.check(schema, sample));
    }
  });

  it('name a file by a hash of the key, the same for the same key and apart for keys one character apart', () => {
    const key = '{"type":"object","properties":{"a":{"type":"string"}}}';
    expect(validatorFileName(key)).toMatch(/^flag-validator-[0-9a-z]+-[0-9a-z]+\.cjs$/);
    expect(validatorFileName(key)).toBe(validatorFileName(JSON.stringify(JSON.parse(key))));
    expect(validatorFileName(key.replace('"a"', '"b"'))).not.toBe(validatorFileName(key));
  });
});

describe('precompiled frontmatter validators', () => {
  const valid = {
    name: 'cargo-storage',
    description: 'Reads models.',
    license: 'MIT',
    compatibility: 'Requires @cargo-ai/cli (npm) and a Cargo account.',
    metadata: { author: 'team', version: '1.0.0' },
  };
  const FRONTMATTERS: unknown[] = [
    valid,
    {},
    [],
    'text',
    { ...valid, name: 'Cargo_Storage' },
    { ...valid, name: 'données-été' },
    { ...valid, name: 'a--b' },
    { ...valid, name: '' },
    { ...valid, description: 'x'.repeat(1025) },
    { ...valid, compatibility: 'Requires a Cargo account.' },
    { ...valid, metadata: { author: '', version: '1.0' } },
    { ...valid, metadata: { author: 'team', version: 2 } },
    { ...valid, extra: true, 'allowed-tools': 1 },
    { name: 'only-spec', description: 'Spec fields alone.' },
  ];

  it('give the same verdicts and errors as validators compiled during the run, in both profiles', () => {
    const file = path.join(work, 'frontmatter-validators.cjs');
    writeFileSync(file, frontmatterValidatorsModule());
    const { frontmatter } = createRequire(import.meta.url)(file) as { frontmatter: Record<'spec' | 'cargo', ValidateFunction> };
    const ajv = frontmatterAjv();
    let rejected = 0;
    for (const profile of ['spec', 'cargo'] as const) {
      const during = ajv.getSchema(FRONTMATTER_REFS[profile])!;
      for (const value of FRONTMATTERS) {
        const verdict = during(value);
        expect(frontmatter[profile](value), `${profile} on ${JSON.stringify(value)}`).toBe(verdict);
        expect(frontmatter[profile].errors ?? null).toEqual(during.errors ?? null);
        if (!verdict) rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(FRONTMATTERS.length);
  });
});
