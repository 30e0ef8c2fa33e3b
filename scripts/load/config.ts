// Reads rule configuration: `skill-lint.config.json`, or the `skill-lint` key of package.json. Only the shape
// is checked here; each rule's options are validated against its schema where the rules are known (engine).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../core/types.ts';
import { UsageError } from './files.ts';

export type Profile = 'spec' | 'cargo';
export type RuleSetting = Severity | 'off';

export interface Config {
  /** The file the config came from, for messages and for paths relative to it; absent without a config file. */
  file?: string;
  profile?: Profile;
  rules: Record<string, { setting: RuleSetting; options: Record<string, unknown> }>;
}

const SETTINGS = new Set(['error', 'warning', 'off']);
const KEYS = ['profile', 'rules'];

export function loadConfig(cwd: string, explicitPath?: string): Config {
  const file = explicitPath !== undefined ? path.resolve(cwd, explicitPath) : findConfig(cwd);
  if (!file) return { rules: {} };
  const raw = readJson(file);
  const own = path.basename(file) === 'package.json' ? (raw as Record<string, unknown>)['skill-lint'] ?? {} : raw;
  return normalize(own, path.relative(cwd, file) || file);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UsageError(`cannot read config ${file}: ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** skill-lint.config.json, else a package.json with a `skill-lint` key; a package.json that cannot be read is an error, not a silent default. */
function findConfig(cwd: string): string | undefined {
  const own = path.join(cwd, 'skill-lint.config.json');
  if (existsSync(own)) return own;
  const pkg = path.join(cwd, 'package.json');
  if (!existsSync(pkg)) return undefined;
  const manifest = readJson(pkg);
  return typeof manifest === 'object' && manifest !== null && 'skill-lint' in manifest ? pkg : undefined;
}

function normalize(raw: unknown, file: string): Config {
  if (!isObject(raw)) throw new UsageError(`config ${file} must be a JSON object`);
  const unknown = Object.keys(raw).find((key) => !KEYS.includes(key));
  if (unknown !== undefined) throw new UsageError(`config ${file}: unknown key ${JSON.stringify(unknown)} (known: ${KEYS.join(', ')})`);
  const { profile, rules = {} } = raw as { profile?: unknown; rules?: unknown };
  if (profile !== undefined && profile !== 'spec' && profile !== 'cargo') {
    throw new UsageError(`config ${file}: profile must be "spec" or "cargo", not ${JSON.stringify(profile)}`);
  }
  if (!isObject(rules)) throw new UsageError(`config ${file}: rules must be an object of rule ids, not ${JSON.stringify(rules)}`);
  const config: Config = { file, profile, rules: {} };
  for (const [id, value] of Object.entries(rules)) {
    if (Array.isArray(value) && (value.length < 1 || value.length > 2)) {
      throw new UsageError(`config ${file}: rule ${id} must be a severity or [severity, options], not ${JSON.stringify(value)}`);
    }
    const [setting, options = {}] = Array.isArray(value) ? value : [value];
    if (typeof setting !== 'string' || !SETTINGS.has(setting)) {
      throw new UsageError(`config ${file}: rule ${id} must be "error", "warning" or "off", not ${JSON.stringify(setting)}`);
    }
    if (!isObject(options)) throw new UsageError(`config ${file}: rule ${id}: options must be an object, not ${JSON.stringify(options)}`);
    config.rules[id] = { setting: setting as RuleSetting, options };
  }
  return config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
