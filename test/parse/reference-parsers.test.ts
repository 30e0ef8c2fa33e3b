// `--reference-parsers` runs remark, the yaml library and mvdan-sh on every file: its output must be the
// default's, on this package and on the test fixtures. `--stats` says what each fast reader did.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { lintParallel } from '../../scripts/engine/lint.ts';
import { allRules } from '../../scripts/rules/index.ts';

const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
const run = (args: string[], cwd = repoRoot) => execa('node', [bin, ...args], { cwd, reject: false });

const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-reference-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--reference-parsers', () => {
  it('gives the default output of check and extract on this package', async () => {
    for (const command of [['check', 'skills', '--format', 'json'], ['extract', 'skills']]) {
      const fast = await run(command);
      const reference = await run([...command, '--reference-parsers']);
      expect(reference.exitCode, command.join(' ')).toBe(fast.exitCode);
      expect(reference.stdout, command.join(' ')).toBe(fast.stdout);
      if (command[0] === 'extract') expect(JSON.parse(reference.stdout).length).toBeGreaterThan(100);
    }
  }, 300_000);

  it.each(['package', 'planted', 'routing'])('gives the default diagnostics on the %s fixture, worker threads included', async (fixture) => {
    const paths = [path.join(repoRoot, 'test/fixtures', fixture, 'skills')];
    const fast = await lintParallel({ rules: allRules, paths, cwd: repoRoot });
    for (const threads of [1, 2]) {
      const reference = await lintParallel({ rules: allRules, paths, cwd: repoRoot, threads, referenceParsers: true });
      expect(reference.diagnostics).toEqual(fast.diagnostics);
      // No fast reader ran, on any thread.
      for (const counts of Object.values(reference.readerStats)) expect(counts).toEqual({ fast: 0, fallbacks: {} });
    }
  }, 120_000);
});

describe('--stats', () => {
  it('counts the files read and, per reader, the fast reads and each fallback with its reason', async () => {
    const skill = path.join(work, 'skills/demo');
    mkdirSync(skill, { recursive: true });
    writeFileSync(path.join(skill, 'SKILL.md'), '---\nname: demo\ndescription: Demo skill.\n---\n# Demo\n\n```bash\ncargo-ai storage model list\n```\n\nSee [x](references/a.md).\n');
    mkdirSync(path.join(skill, 'references'));
    writeFileSync(path.join(skill, 'references/a.md'), '---\ntags:\n  - a\n---\nSee [the skill][home].\n\n[home]: ../SKILL.md\n  "Home"\n\n```bash\nf() { cargo-ai storage model list; }\n```\n');
    const result = await run(['check', 'skills', '--format', 'json', '--stats'], work);
    // The report stays on stdout, machine-readable; the figures go to stderr.
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr.split('\n')).toEqual([
      'files read: 2',
      'markdown: 2 files, 1 read fast, 1 by remark (50.0% fast)',
      '  1 a link reference definition that may have its title on the next line',
      'frontmatter: 2 frontmatter blocks, 1 read fast, 1 by the yaml library (50.0% fast)',
      '  1 a line other than `key: value` or `key:`',
      'shell: 2 distinct shell texts, 1 read fast, 1 by mvdan-sh (50.0% fast)',
      '  1 ( in a word',
    ]);
    const reference = await run(['check', 'skills', '--format', 'json', '--stats', '--reference-parsers'], work);
    expect(reference.stdout).toBe(result.stdout);
    expect(reference.stderr).toMatch(/^files read: 2\nmarkdown: all files by remark \(--reference-parsers\)\n/);
  }, 120_000);
});
