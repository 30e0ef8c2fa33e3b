import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import type { CliSchema } from '../../scripts/schema/model.ts';
import { DEFINITIONS_FILE, OVERRIDES_FILE, SCHEMA_FILE, differences, generate } from '../../scripts/schema-gen/sync.ts';

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const sync = path.join(repoRoot, 'scripts/schema-gen/sync.ts');

describe('schema:sync', () => {
  let generated: Record<string, string>;
  beforeAll(() => {
    generated = generate();
  });

  it('regenerates exactly the committed files (deterministic, pretty-printed)', () => {
    expect(Object.keys(generated).sort()).toEqual([DEFINITIONS_FILE, SCHEMA_FILE].sort());
    for (const [file, text] of Object.entries(generated)) {
      expect(text).toBe(readFileSync(path.join(repoRoot, file), 'utf8'));
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
    expect(differences(generated)).toEqual([]);
  });

  it('records the package versions it read', () => {
    const schema = JSON.parse(generated[SCHEMA_FILE]) as CliSchema;
    const version = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
    expect(schema.source['@cargo-ai/api']).toBe('1.0.57');
    expect(schema.source['@cargo-ai/types']).toBe(version('@cargo-ai/types'));
    expect(JSON.parse(generated[DEFINITIONS_FILE]).source).toEqual(schema.source);
  });

  // Each of these runs the generator in a child process (the TypeScript checker over the whole client): slow on a busy machine.
  it('`--check` exits 0 on the committed schemas', async () => {
    const result = await execa(tsx, [sync, '--check'], { reject: false, cwd: repoRoot });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/match the installed @cargo-ai\/api/);
  }, 120_000);

  it('`--check` exits 1 and lists what differs when the committed schema drifted', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'schema-sync-'));
    try {
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
      mkdirSync(path.join(root, 'schemas'));
      cpSync(path.join(repoRoot, OVERRIDES_FILE), path.join(root, OVERRIDES_FILE));
      cpSync(path.join(repoRoot, DEFINITIONS_FILE), path.join(root, DEFINITIONS_FILE));
      const schema = JSON.parse(generated[SCHEMA_FILE]) as CliSchema;
      schema.commands = schema.commands.filter((command) => command.path.join(' ') !== 'orchestration run get');
      schema.commands.find((command) => command.path.join(' ') === 'orchestration run count')!.flags.pop();
      // Results and error reasons drift like flags do.
      const batchGet = schema.commands.find((command) => command.path.join(' ') === 'orchestration batch get')!;
      batchGet.result = { kind: 'none' };
      schema.commands.find((command) => command.path.join(' ') === 'orchestration play get')!.errorReasons = [];
      writeFileSync(path.join(root, SCHEMA_FILE), JSON.stringify(schema, null, 2));
      const result = await execa(tsx, [sync, '--check', '--root', root], { reject: false });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/schemas\/cli-schema\.json: command added: orchestration run get/);
      expect(result.stderr).toMatch(/schemas\/cli-schema\.json: command changed: orchestration run count/);
      expect(result.stderr).toMatch(/schemas\/cli-schema\.json: command changed: orchestration batch get/);
      expect(result.stderr).toMatch(/schemas\/cli-schema\.json: command changed: orchestration play get/);
      expect(result.stderr).toMatch(/Run `npm run schema:sync`/);
      expect(result.stderr).not.toMatch(/cli-json-definitions/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it('rejects unknown arguments with exit code 2', async () => {
    const result = await execa(tsx, [sync, '--chek'], { reject: false, cwd: repoRoot });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/unknown argument --chek/);
  }, 120_000);
});
