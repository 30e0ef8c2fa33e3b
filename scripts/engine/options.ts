// Checks a config's rule settings against the rules of the run: every rule id known, every option declared by
// the rule and valid under its JSON Schema (ajv). A mistake stops the run with one line naming rule and option,
// rather than switching a rule off or leaving it on its defaults without a word.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import type { Rule } from '../core/rule.ts';
import type { Config } from '../load/config.ts';
import { UsageError } from '../load/files.ts';

export function validateConfig(config: Config, rules: Rule[]): void {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  let ajv: Ajv | undefined;
  for (const [id, { options }] of Object.entries(config.rules)) {
    const rule = byId.get(id);
    if (!rule) throw new UsageError(`${where(config)}unknown rule ${JSON.stringify(id)}`);
    const names = Object.keys(options);
    if (names.length === 0) continue;
    const schemas = rule.meta.options ?? {};
    const stray = names.find((name) => !Object.hasOwn(schemas, name));
    if (stray !== undefined) {
      const known = Object.keys(schemas);
      throw new UsageError(`${where(config)}rule ${id} has no option ${JSON.stringify(stray)} (${known.length ? `options: ${known.join(', ')}` : 'it takes none'})`);
    }
    // Compiled only when a config sets options: most runs never build a validator.
    ajv ??= optionsAjv();
    const validate = ajv.compile({ type: 'object', properties: schemas });
    if (!validate(options)) throw new UsageError(`${where(config)}rule ${id}: ${describeError(validate.errors![0], options)}`);
  }
}

/** Options naming a file (relative to the skills root) must name one that exists. */
export function checkOptionFiles(config: Config, rules: Rule[], root: string): void {
  for (const rule of rules) {
    const options = config.rules[rule.meta.id];
    if (!options || options.setting === 'off') continue;
    for (const [name, schema] of Object.entries(rule.meta.options ?? {})) {
      const value = options.options[name];
      if (!schema.existingFile || typeof value !== 'string') continue;
      const file = path.resolve(root, value);
      if (!existsSync(file) || !statSync(file).isFile()) {
        throw new UsageError(`${where(config)}rule ${rule.meta.id}: option ${name} names ${JSON.stringify(value)}, but ${file} is not a file`);
      }
    }
  }
}

function optionsAjv(): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: true });
  // An annotation, checked by checkOptionFiles once the skills root is known.
  ajv.addKeyword({ keyword: 'existingFile', schemaType: 'boolean' });
  return ajv;
}

function describeError(error: ErrorObject, options: Record<string, unknown>): string {
  const [name = '', ...inside] = error.instancePath.split('/').slice(1);
  const option = `${name}${inside.map((index) => `[${index}]`).join('')}`;
  const value = JSON.stringify(inside.reduce<unknown>((at, index) => (at as Record<string, unknown>)[index], options[name]));
  const { params } = error;
  switch (error.keyword) {
    case 'type':
      return `option ${option} must be ${article(String(params.type))}, not ${value}`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return `option ${option} must be ${params.comparison} ${params.limit}, not ${value}`;
    default:
      return `option ${option} ${error.message}, not ${value}`;
  }
}

function article(type: string): string {
  return type === 'integer' || type === 'array' ? `an ${type}` : `a ${type}`;
}

function where(config: Config): string {
  return config.file ? `config ${config.file}: ` : '';
}
