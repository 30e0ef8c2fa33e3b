// The overrides file is small, commented and honest: every seed it cites exists and mentions what the entry adds.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { readApi } from '../../scripts/schema-gen/api.ts';
import { applyOverrides, loadOverrides } from '../../scripts/schema-gen/overrides.ts';
import { OVERRIDES_FILE } from '../../scripts/schema-gen/sync.ts';

const SEEDS = path.join(repoRoot, '..', 'shared', 'seeds');
const overrides = loadOverrides(path.join(repoRoot, OVERRIDES_FILE));

/** Lines cited by `seeds/<file>:<a>[-<b>]` sources, joined; undefined for non-seed sources. */
function cited(source: string): string | undefined {
  const match = /seeds\/([^:\s]+):(\d+)(?:-(\d+))?/.exec(source);
  if (!match) return undefined;
  const lines = readFileSync(path.join(SEEDS, match[1]), 'utf8').split(/\r?\n/);
  const first = Number(match[2]);
  const last = Number(match[3] ?? match[2]);
  expect(last).toBeGreaterThanOrEqual(first);
  expect(last).toBeLessThanOrEqual(lines.length);
  return lines.slice(first - 1, last).join('\n');
}

describe.skipIf(!existsSync(SEEDS))('cli-overrides sources', () => {
  it('every entry has a source: a seed line, the design notes or the client code', () => {
    const sources = [
      ...overrides.globalFlags.map((flag) => flag.source),
      ...overrides.commands.map((command) => command.source),
      ...Object.values(overrides.flags).flatMap((flags) => flags.map((flag) => flag.source)),
      ...Object.values(overrides.positionals).flatMap((list) => list.map((entry) => entry.source)),
      ...overrides.seedConflicts.map((conflict) => conflict.source),
      ...Object.values(overrides.results).map((result) => result.source),
    ];
    for (const source of sources) expect(source).toMatch(/^(?:seeds\/\d{3}_[0-9a-f]{16}\.txt:\d+(?:-\d+)?|design notes: |api: `[\w.]+` )/);
  });

  it('cited seed lines mention the flag or command they justify', () => {
    for (const flag of overrides.globalFlags) {
      const text = cited(flag.source);
      if (text !== undefined) expect(text).toContain(`--${flag.name}`);
    }
    for (const command of overrides.commands) {
      const text = cited(command.source);
      if (text !== undefined) expect(text).toContain(command.path[command.path.length - 1]);
      for (const flag of command.flags ?? []) if (text !== undefined) expect(text).toContain(`--${flag.name}`);
    }
    for (const flags of Object.values(overrides.flags)) {
      for (const flag of flags) {
        const text = cited(flag.source);
        if (text !== undefined && !flag.remove) expect(text).toContain(`--${flag.name}`);
      }
    }
    for (const [command, entries] of Object.entries(overrides.positionals)) {
      for (const entry of entries) {
        const text = cited(entry.source);
        if (text !== undefined) expect(text).toContain(command.split(' ').slice(1).join(' '));
      }
    }
  });

  it('seed conflicts cite the start of a cargo-ai command', () => {
    for (const conflict of overrides.seedConflicts) expect(cited(conflict.source)).toMatch(/^cargo-ai /);
  });
});

describe('applying overrides', () => {
  const api = readApi(repoRoot);
  const { commands } = applyOverrides(api.commands, overrides);
  const find = (name: string) => commands.find((command) => command.path.join(' ') === name)!;

  it('turns payload fields into positionals', () => {
    expect(find('orchestration query execute').positionals).toEqual([expect.objectContaining({ name: 'sql', field: 'query', required: true })]);
    expect(find('orchestration query execute').flags.map((flag) => flag.name)).not.toContain('query');
    expect(find('orchestration template get').positionals.map((p) => p.name)).toEqual(['slug']);
  });

  it('adds CLI-only commands and flags, replaces and removes flags', () => {
    expect(find('login').flags.map((flag) => `${flag.name}:${flag.type}`)).toEqual(['oauth:switch', 'token:string', 'workspace-uuid:string']);
    expect(find('orchestration batch create').flags.find((flag) => flag.name === 'wait-until-finished')?.type).toBe('switch');
    expect(find('content file upload').flags.find((flag) => flag.name === 'file')).toMatchObject({ type: 'string', required: true, field: 'file' });
    expect(find('hosting deployment create').flags.map((flag) => flag.name)).toEqual(['app-uuid', 'source', 'worker-uuid']);
  });

  it('refuses an override of a command or field that does not exist', () => {
    expect(() => applyOverrides(api.commands, { ...overrides, positionals: { 'orchestration run nope': [{ field: 'x', name: 'x', source: 'design notes: test' }] } })).toThrow(/no command `orchestration run nope`/);
    expect(() => applyOverrides(api.commands, { ...overrides, flags: { 'orchestration run get': [{ name: 'nope', remove: true, source: 'design notes: test' }] } })).toThrow(/no flag `--nope` to remove/);
    expect(() => applyOverrides(api.commands, { ...overrides, results: { whoami: { kind: 'unknown', source: 'design notes: test' } } })).toThrow(/no API command `whoami`/);
  });

  it('replaces the result of the commands whose answer the types cannot tell', () => {
    const upload = commands.find((command) => command.path.join(' ') === 'workspaceManagement file upload');
    expect(upload?.result).toEqual({ kind: 'unknown', source: overrides.results['workspaceManagement file upload'].source });
    expect(api.commands.find((command) => command.path.join(' ') === 'workspaceManagement file upload')?.result).toEqual({ kind: 'none' });
  });
});
