// `skill-lint new skill` and `new recipe`, run in a temporary copy of skills/ and the README: the package
// lints without errors afterwards (the house profile), the description rules warn until the description is
// written, and a taken or invalid name exits 2 with one line.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';

const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
const run = (args: string[]) => execa('node', [bin, ...args], { cwd: work, reject: false });
type Found = { file: string; line: number; column: number; ruleId: string; severity: string };

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'skill-lint-new-'));
  cpSync(path.join(repoRoot, 'skills'), path.join(work, 'skills'), { recursive: true });
  cpSync(path.join(repoRoot, 'README.md'), path.join(work, 'README.md'));
  cpSync(path.join(repoRoot, 'skill-lint.config.json'), path.join(work, 'skill-lint.config.json'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(work, file), 'utf8');

describe('new skill', () => {
  it('writes the skill, lists it in the router, and the package has no errors', async () => {
    const result = await run(['new', 'skill', 'cargo-reports']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'wrote skills/cargo-reports/SKILL.md',
      'wrote skills/cargo-reports/references/troubleshooting.md',
      'wrote skills/cargo-reports/references/response-shapes.md',
      'wrote skills/cargo/SKILL.md',
    ]);
    const skill = read('skills/cargo-reports/SKILL.md');
    const bundleVersion = /^ {2}version: "([^"]+)"$/m.exec(read('skills/cargo/SKILL.md'))![1];
    expect(skill).toContain(`\n  version: "${bundleVersion}"\n`);
    expect(skill).toContain('](references/troubleshooting.md)');
    expect(skill).toContain('](references/response-shapes.md)');
    expect(read('skills/cargo/SKILL.md')).toMatch(/\| \[cargo-workspace-management\]\(\.\.\/cargo-workspace-management\/SKILL\.md\) .*\n\| \[cargo-reports\]\(\.\.\/cargo-reports\/SKILL\.md\) \|/);

    const lint = await run(['check', 'skills', '--format', 'json']);
    expect(lint.exitCode).toBe(0);
    const found = JSON.parse(lint.stdout) as Found[];
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    // The description skeleton: the description rules point at it, as warnings, until it is written.
    const warnings = found.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    expect(warnings).toEqual(
      ['description-job', 'description-skip', 'description-triggers', 'description-vocabulary'].map((id) => `skills/cargo-reports/SKILL.md:3:14 ${id}`),
    );
  });

  it('refuses a taken or invalid name: exit 2, one line, nothing written', async () => {
    for (const [name, message] of [
      ['cargo-billing', /^skill-lint: skill `cargo-billing` already exists: /],
      ['Cargo_Reports', /^skill-lint: invalid skill name `Cargo_Reports`: use lower-case letters/],
      ['a--b', /^skill-lint: invalid skill name `a--b`/],
    ] as const) {
      const result = await run(['new', 'skill', name]);
      expect(result.exitCode, name).toBe(2);
      expect(result.stderr.split('\n'), name).toHaveLength(1);
      expect(result.stderr, name).toMatch(message);
    }
    expect(existsSync(path.join(work, 'skills/Cargo_Reports'))).toBe(false);
  });
});

describe('new recipe', () => {
  it('writes a cargo-gtm recipe listed in its table and the README, and the package has no errors', async () => {
    const result = await run(['new', 'recipe', 'churn-risk']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')).toEqual(['wrote skills/cargo-gtm/recipes/churn-risk.md', 'wrote skills/cargo-gtm/SKILL.md', 'wrote README.md']);
    expect(read('skills/cargo-gtm/SKILL.md')).toMatch(/\(recipes\/account-expansion\.md\) .*\n\| \[Churn risk\]\(recipes\/churn-risk\.md\) \|/);
    expect(read('README.md')).toMatch(/\(skills\/cargo-gtm\/recipes\/account-expansion\.md\)\n- \[Churn risk\]\(skills\/cargo-gtm\/recipes\/churn-risk\.md\)\n/);
    const lint = await run(['check', 'skills', '--format', 'json']);
    const found = JSON.parse(lint.stdout) as Found[];
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.filter((d) => d.file.includes('cargo-gtm'))).toEqual([]);
  });

  it('refuses a taken or invalid slug: exit 2, one line', async () => {
    for (const [slug, message] of [
      ['funding-watch', /^skill-lint: recipe `funding-watch` already exists: /],
      ['Churn Risk', /^skill-lint: invalid recipe name `Churn Risk`/],
    ] as const) {
      const result = await run(['new', 'recipe', slug]);
      expect(result.exitCode, slug).toBe(2);
      expect(result.stderr.split('\n'), slug).toHaveLength(1);
      expect(result.stderr, slug).toMatch(message);
    }
  });
});

describe('newSkill on other skills roots', () => {
  it('without a router: no router row, no prerequisites link, and a clean lint in the spec profile', async () => {
    const { newSkill } = await import('../../scripts/commands/scaffold.ts');
    const { lint } = await import('../../scripts/engine/lint.ts');
    const { allRules } = await import('../../scripts/rules/index.ts');
    const root = mkdtempSync(path.join(tmpdir(), 'skill-lint-new-bare-'));
    try {
      const { written } = newSkill(root, 'reports');
      expect(written.map((file) => path.relative(root, file))).toEqual(['reports/SKILL.md', 'reports/references/troubleshooting.md', 'reports/references/response-shapes.md']);
      expect(readFileSync(path.join(root, 'reports/SKILL.md'), 'utf8')).not.toContain('prerequisites');
      const found = lint({ paths: ['.'], cwd: root, rules: allRules, profile: 'spec' }).diagnostics;
      expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('quotes a router value that would not read back as plain YAML', async () => {
    const { newSkill } = await import('../../scripts/commands/scaffold.ts');
    const root = mkdtempSync(path.join(tmpdir(), 'skill-lint-new-quoted-'));
    try {
      cpSync(path.join(repoRoot, 'skills/cargo'), path.join(root, 'cargo'), { recursive: true });
      const router = path.join(root, 'cargo/SKILL.md');
      writeFileSync(router, readFileSync(router, 'utf8').replace(/^license: .*$/m, 'license: "Apache-2.0: see LICENSE"'));
      newSkill(root, 'reports');
      expect(readFileSync(path.join(root, 'reports/SKILL.md'), 'utf8')).toContain('\nlicense: "Apache-2.0: see LICENSE"\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
