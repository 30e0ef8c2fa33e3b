// Generates the validators of every JSON flag schema and of the frontmatter schema ahead of time, as two
// CommonJS modules for the bundle build (scripts/bin/bundle.js; see precompiled.ts): the frontmatter's goes
// inside the bundle, the flags' into a file beside it, loaded only by a run that checks a JSON flag.
// Compiling them when a run first needs them costs more than half a second on this package, in every thread.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ajv } from 'ajv';
import * as standalone from 'ajv/dist/standalone/index.js';
import { schemaPath } from '../core/paths.ts';
import { FRONTMATTER_REFS, frontmatterAjv } from '../schema/frontmatter-validators.ts';
import { loadCliSchema } from '../schema/index.ts';
import { JsonChecker, validatorKey } from '../schema/json-check.ts';
import { DEFINITIONS_ID, type DefinitionsFile } from '../schema/model.ts';

// ajv's standalone module is CommonJS: its function is the default export at run time, whatever the loader.
const standaloneCode = (standalone as unknown as { default: (ajv: Ajv, refs: Record<string, string>) => string }).default;

/** The flag validators' module: `precompiled`, each validator under its schema's key. */
export function flagValidatorsModule(dir = path.dirname(schemaPath('cli-schema.json'))): string {
  const definitions = JSON.parse(readFileSync(path.join(dir, DEFINITIONS_ID), 'utf8')) as DefinitionsFile;
  const { ajv, prepare } = new JsonChecker(() => definitions, undefined, true).forGeneration();
  const names: Record<string, string> = {};
  const keys: string[] = [];
  for (const command of loadCliSchema(dir).commands) {
    for (const flag of command.flags) {
      if (!flag.schema || keys.includes(validatorKey(flag.schema))) continue;
      ajv.addSchema(prepare(flag.schema), `flag-${keys.length}`);
      names[`flag${keys.length}`] = `flag-${keys.length}`;
      keys.push(validatorKey(flag.schema));
    }
  }
  const table = keys.map((key, index) => `  ${JSON.stringify(key)}: flags.flag${index},`).join('\n');
  return [`const flags = ${inOwnScope(standaloneCode(ajv, names))};`, `exports.precompiled = {\n${table}\n};`, ''].join('\n');
}

/** The frontmatter validators' module: `frontmatter`, the frontmatter schema's validator for each profile. */
export function frontmatterValidatorsModule(): string {
  return `exports.frontmatter = ${inOwnScope(standaloneCode(frontmatterAjv({ code: { source: true } }), FRONTMATTER_REFS))};\n`;
}

/**
 * A standalone module's code as an expression giving its exports: each module declares its own helpers,
 * so two of them only share a file each in a scope of its own.
 */
function inOwnScope(code: string): string {
  return `(function (exports) {\n${code}\nreturn exports;\n})({})`;
}
