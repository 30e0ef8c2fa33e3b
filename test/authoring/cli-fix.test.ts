// `skill-lint check --fix` and `--fix-dry-run` as a user runs them, on a copy of the planted fixture.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { unifiedDiff } from '../../scripts/commands/unified-diff.ts';

const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
const run = (args: string[]) => execa('node', [bin, ...args], { cwd: work, reject: false });

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'skill-lint-fix-'));
  cpSync(path.join(repoRoot, 'test/fixtures/planted/skills'), path.join(work, 'skills'), { recursive: true });
  const off = Object.fromEntries(['description-job', 'description-triggers', 'description-skip', 'description-length', 'description-vocabulary', 'description-collision'].map((id) => [id, 'off']));
  writeFileSync(path.join(work, 'skill-lint.config.json'), JSON.stringify({ profile: 'cargo', rules: off }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const REPAIRED = ['defects/SKILL.md:2:7 name-matches-folder', 'defects/SKILL.md:15:8 json-block', 'examples/SKILL.md:16:52 command-unknown-flag', 'examples/SKILL.md:21:68 command-json'];

describe('check --fix-dry-run, then --fix', () => {
  it('prints the repairs as a unified diff and writes nothing', async () => {
    const before = readFileSync(path.join(work, 'skills/examples/SKILL.md'), 'utf8');
    const result = await run(['check', 'skills', '--fix-dry-run']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('--- a/skills/examples/SKILL.md\n+++ b/skills/examples/SKILL.md\n');
    expect(result.stdout).toContain('\n-cargo-ai segmentation segment update --uuid <uuid> --nme "New name"\n+cargo-ai segmentation segment update --uuid <uuid> --name "New name"\n');
    expect(result.stdout).toContain('\n-name: defect\n+name: defects\n');
    expect(result.stderr).toBe('4 repairs in 2 files (dry run: nothing written)');
    expect(readFileSync(path.join(work, 'skills/examples/SKILL.md'), 'utf8')).toBe(before);
  });

  it('refuses --fix with --fix-dry-run (exit 2, one line)', async () => {
    const result = await run(['check', 'skills', '--fix', '--fix-dry-run']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')[0]).toMatch(/cannot be used with/);
  });

  it('says in stylish output how many findings --fix can repair', async () => {
    expect((await run(['check', 'skills'])).stderr).toBe('4 of these can be repaired with `skill-lint check --fix`');
  });

  it('repairs, reports what remains, and a second run has nothing to do', async () => {
    const before = JSON.parse((await run(['check', 'skills', '--format', 'json'])).stdout) as { file: string; line: number; column: number; ruleId: string }[];
    const result = await run(['check', 'skills', '--fix', '--format', 'json']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('4 repairs in 2 files');
    const key = (d: { file: string; line: number; column: number; ruleId: string }) => `${d.file.replace(/^skills\//, '')}:${d.line}:${d.column} ${d.ruleId}`;
    const after = (JSON.parse(result.stdout) as typeof before).map(key);
    expect(after).toEqual(before.map(key).filter((entry) => !REPAIRED.includes(entry)));
    const again = await run(['check', 'skills', '--fix-dry-run']);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('0 repairs in 0 files (dry run: nothing written)');
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with three lines of context and diff(1) line ranges', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((line) => `${line}\n`).join('');
    const after = before.replace('b\n', 'B\n').replace('k\n', '');
    expect(unifiedDiff('x.md', before, after)).toBe(
      ['--- a/x.md', '+++ b/x.md', '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e', '@@ -8,5 +8,4 @@', ' h', ' i', ' j', '-k', ' l', ''].join('\n'),
    );
  });

  it('marks a missing final newline and prints nothing for equal texts', () => {
    expect(unifiedDiff('x.md', 'a\nb', 'a\nc')).toBe('--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    expect(unifiedDiff('x.md', 'same\n', 'same\n')).toBe('');
  });
});
