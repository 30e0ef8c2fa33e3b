// The shipped skills themselves: they lint clean, their generated pages are fresh, and their examples
// cover the command tree of every capability domain.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { lint } from '../../scripts/engine/lint.ts';
import { repoRoot } from '../../scripts/core/paths.ts';
import { buildProject } from '../../scripts/engine/project.ts';
import { computeCoverage } from '../../scripts/commands/coverage.ts';
import { SKILL_DOMAINS, renderCommandsPage } from '../../scripts/commands/docs.ts';
import { allRules } from '../../scripts/rules/index.ts';

const skillsDir = path.join(repoRoot, 'skills');
const bin = path.join(repoRoot, 'scripts/bin/skill-lint.js');
const COVERAGE_BAR = 0.9;

describe('the skills package', () => {
  it('lints with zero errors and zero warnings under the house profile', () => {
    const { diagnostics, project } = lint({ rules: allRules, paths: [skillsDir], profile: 'cargo', cwd: repoRoot });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(project.skills.map((skill) => skill.name).sort()).toEqual(['cargo', 'cargo-gtm', ...Object.keys(SKILL_DOMAINS)].sort());
  });

  it(`shows at least ${COVERAGE_BAR * 100}% of the commands of every capability domain in a hand-written example`, () => {
    const project = buildProject([skillsDir]);
    const rows = computeCoverage(project.invocations, { domains: Object.values(SKILL_DOMAINS) });
    expect(rows.map((row) => row.domain).sort()).toEqual(Object.values(SKILL_DOMAINS).sort());
    for (const row of rows) {
      expect(row.shown / row.total, `${row.domain} lacks ${row.missing.join(', ')}`).toBeGreaterThanOrEqual(COVERAGE_BAR);
    }
  });

  it('has every generated commands.md page up to date', () => {
    for (const [skill, domain] of Object.entries(SKILL_DOMAINS)) {
      expect(readFileSync(path.join(skillsDir, skill, 'references', 'commands.md'), 'utf8'), skill).toBe(renderCommandsPage(domain));
    }
  });
});

describe('skill-lint docs --check', () => {
  it('exits 0 on the package and 1 with the stale page named after a hand edit', async () => {
    const fresh = await execa('node', [bin, 'docs', '--check'], { cwd: repoRoot, reject: false });
    expect(fresh.exitCode).toBe(0);
    const copy = mkdtempSync(path.join(tmpdir(), 'skill-docs-'));
    try {
      cpSync(path.join(skillsDir, 'cargo-billing'), path.join(copy, 'cargo-billing'), { recursive: true });
      const page = path.join(copy, 'cargo-billing', 'references', 'commands.md');
      writeFileSync(page, `${readFileSync(page, 'utf8')}\nA hand edit.\n`);
      const stale = await execa('node', [bin, 'docs', '--check', '--skills-root', copy], { cwd: repoRoot, reject: false });
      expect(stale.exitCode).toBe(1);
      expect(stale.stderr).toBe(`stale: ${page}`);
      const rewrite = await execa('node', [bin, 'docs', '--skills-root', copy], { cwd: repoRoot, reject: false });
      expect(rewrite.stdout).toBe(`wrote ${page}`);
      expect(readFileSync(page, 'utf8')).toBe(renderCommandsPage('billing'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
