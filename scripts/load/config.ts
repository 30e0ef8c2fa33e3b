// Reads rule configuration: `skill-lint.config.json`, or the `skill-lint` key of package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../core/types.ts';
import { UsageError } from './files.ts';

export type Profile = 'spec' | 'cargo';
export type RuleSetting = Severity | 'off';

export interface Config {
  profile?: Profile;
  rules: Record<string, { setting: RuleSetting; options: Record<string, unknown> }>;
}

const SETTINGS = new Set(['error', 'warning', 'off']);

export function loadConfig(cwd: string, explicitPath?: string): Config {
  const file = explicitPath ? path.resolve(cwd, explicitPath) : findConfig(cwd);
  if (!file) return { rules: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read config ${file}: ${(error as Error).message}`);
  }
  if (path.basename(file) === 'package.json') raw = (raw as Record<string, unknown>)['skill-lint'] ?? {};
  return normalize(raw, file);
}

function findConfig(cwd: string): string | undefined {
  const own = path.join(cwd, 'skill-lint.config.json');
  if (existsSync(own)) return own;
  const pkg = path.join(cwd, 'package.json');
  if (!existsSync(pkg)) return undefined;
  try {
    return 'skill-lint' in JSON.parse(readFileSync(pkg, 'utf8')) ? pkg : undefined;
  } catch {
    return undefined;
  }
}

function normalize(raw: unknown, file: string): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`config ${file} must be a JSON object`);
  }
  const { profile, rules = {} } = raw as { profile?: unknown; rules?: unknown };
  if (profile !== undefined && profile !== 'spec' && profile !== 'cargo') {
    throw new UsageError(`config ${file}: profile must be "spec" or "cargo", not ${JSON.stringify(profile)}`);
  }
  const config: Config = { profile, rules: {} };
  for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
    const [setting, options = {}] = Array.isArray(value) ? value : [value];
    if (typeof setting !== 'string' || !SETTINGS.has(setting)) {
      throw new UsageError(`config ${file}: rule ${id} must be "error", "warning" or "off", not ${JSON.stringify(setting)}`);
    }
    config.rules[id] = { setting: setting as RuleSetting, options: options as Record<string, unknown> };
  }
  return config;
}
