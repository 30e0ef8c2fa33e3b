// Flag validators generated ahead of time (for the bundle) must judge every JSON value exactly as the ones
// compiled during a run: same verdict, same problems, same positions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaPath } from '../../scripts/paths.ts';
import { loadCliSchema } from '../../scripts/schema/index.ts';
import { JsonChecker, validatorKey } from '../../scripts/schema/json-check.ts';
import { DEFINITIONS_ID, type DefinitionsFile, type JsonSchema } from '../../scripts/schema/model.ts';
import { precompiledModule } from '../../scripts/schema/precompile.ts';

const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-precompile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SAMPLES = ['{}', '[]', '"<value>"', '"..."', '1', 'null', 'true', '"text"', '[{}]', '{"kind":"x"}', '{"unknownKey":1}', '[1,"a",{}]', '{"conjonction":"and","groups":[]}'];

describe('precompiled flag validators', () => {
  it('give the same results as validators compiled during the run, for every JSON flag schema', () => {
    const file = path.join(work, 'validators.cjs');
    writeFileSync(file, precompiledModule());
    const { precompiled } = createRequire(import.meta.url)(file) as { precompiled: Record<string, ValidateFunction> };
    const definitions = JSON.parse(readFileSync(path.join(path.dirname(schemaPath('cli-schema.json')), DEFINITIONS_ID), 'utf8')) as DefinitionsFile;
    const ahead = new JsonChecker(definitions, () => precompiled);
    const during = new JsonChecker(definitions);
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
});
