// Generates the validators of every JSON flag schema and of the frontmatter schema ahead of time, as CommonJS
// modules for the bundle build (scripts/bin/bundle.js; see precompiled.ts): the frontmatter's goes inside the
// bundle, the flags' into files beside it (all of them in one, and each alone), loaded only by a run that
// checks a JSON flag.
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
import { validatorFileName } from '../schema/precompiled.ts';

// ajv's standalone module is CommonJS: its function is the default export at run time, whatever the loader.
const standaloneCode = (standalone as unknown as { default: (ajv: Ajv, refs: Record<string, string>) => string }).default;
const DEFAULT_DIR = path.dirname(schemaPath('cli-schema.json'));

/**
 * The flag validators' modules, from one ajv instance: `all`, exporting `precompiled`, each validator under its
 * schema's key; and `alone`, each validator in a module of its own exporting `validate`, by the file name
 * precompiled.ts looks it up under (a run that needs one or two loads only theirs).
 */
export function flagValidatorModules(dir = DEFAULT_DIR): { all: string; alone: Record<string, string> } {
  const { ajv, keys } = flagSchemas(dir);
  const names = Object.fromEntries(keys.map((_, index) => [`flag${index}`, `flag-${index}`]));
  const table = keys.map((key, index) => `  ${JSON.stringify(key)}: flags.flag${index},`).join('\n');
  const all = [`const flags = ${inOwnScope(standaloneCode(ajv, names))};`, `exports.precompiled = {\n${table}\n};`, ''].join('\n');
  const alone: Record<string, string> = {};
  keys.forEach((key, index) => {
    const name = validatorFileName(key);
    if (name in alone) throw new Error(`two flag schemas share the validator file name ${name}`);
    alone[name] = standaloneCode(ajv, { validate: `flag-${index}` });
  });
  return { all, alone };
}

/** An ajv instance holding every distinct flag schema, prepared, as `flag-<index>` by their keys' order. */
function flagSchemas(dir: string): { ajv: Ajv; keys: string[] } {
  const definitions = JSON.parse(readFileSync(path.join(dir, DEFINITIONS_ID), 'utf8')) as DefinitionsFile;
  const { ajv, prepare } = new JsonChecker(() => definitions, undefined, true).forGeneration();
  const keys: string[] = [];
  for (const command of loadCliSchema(dir).commands) {
    for (const flag of command.flags) {
      if (!flag.schema) continue;
      const key = validatorKey(flag.schema);
      if (keys.includes(key)) continue;
      ajv.addSchema(prepare(flag.schema), `flag-${keys.length}`);
      keys.push(key);
    }
  }
  return { ajv, keys };
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
