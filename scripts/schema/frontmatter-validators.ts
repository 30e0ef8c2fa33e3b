// The validators of schemas/skill-frontmatter.schema.json, one per profile: generated ahead of time into the
// bundle (precompile.ts), or compiled when a run first needs them from the sources.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { schemaPath } from '../core/paths.ts';
import { precompiledFrontmatter } from './precompiled.ts';

export const FRONTMATTER_SCHEMA_FILE = 'skill-frontmatter.schema.json';
const FRONTMATTER_SCHEMA_ID = `https://cargo-skills.local/schemas/${FRONTMATTER_SCHEMA_FILE}`;

export interface FrontmatterValidators {
  spec: ValidateFunction;
  cargo: ValidateFunction;
}

/** Where each profile's schema sits in the frontmatter schema, by profile. */
export const FRONTMATTER_REFS: Record<keyof FrontmatterValidators, string> = {
  spec: `${FRONTMATTER_SCHEMA_ID}#/definitions/spec`,
  cargo: `${FRONTMATTER_SCHEMA_ID}#/definitions/cargo`,
};

/** An ajv instance holding the frontmatter schema, with the options both ways of validating share. */
export function frontmatterAjv(options: { code?: { source: boolean } } = {}): Ajv {
  // The schema's validity is checked by a test (test/rules/frontmatter.test.ts), not on every run.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, ...options });
  ajv.addSchema(JSON.parse(readFileSync(schemaPath(FRONTMATTER_SCHEMA_FILE), 'utf8')));
  return ajv;
}

let validators: FrontmatterValidators | undefined;

export function frontmatterValidators(): FrontmatterValidators {
  if (validators) return validators;
  const ahead = precompiledFrontmatter();
  if (ahead) return (validators = ahead);
  const ajv = frontmatterAjv();
  validators = { spec: ajv.getSchema(FRONTMATTER_REFS.spec)!, cargo: ajv.getSchema(FRONTMATTER_REFS.cargo)! };
  return validators;
}
