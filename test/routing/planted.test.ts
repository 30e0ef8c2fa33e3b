// A description that steals a neighbour's requests must be caught twice: by the collision rule
// (statically, from the words) and by the evaluation (behaviourally, from the requests it wins).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../scripts/engine/lint.ts';
import { evaluateCases } from '../../scripts/commands/route/evaluate.ts';
import { descriptionRules } from '../../scripts/rules/index.ts';
import descriptionCollision from '../../scripts/rules/description-collision.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(repo, 'test/fixtures/routing/skills');
const casesFile = path.join(repo, 'test/routing/cases.jsonl');

// cargo-billing keeps its own job but claims cargo-analytics's results, error rates and exports.
const STEALER =
  'Answers money questions and everything about runs: remaining credits, invoices, run results downloaded as CSV or JSON, error rates, failure counts, durations and segment exports. ' +
  'Use when the user says "how many credits are left", "download run results", "error rate of my workflow", "export the segment", "how many runs failed". For connectors use cargo-connection instead.';

const work = mkdtempSync(path.join(tmpdir(), 'routing-planted-'));
const planted = path.join(work, 'skills');
cpSync(fixture, planted, { recursive: true });
const billingMd = path.join(planted, 'cargo-billing/SKILL.md');
writeFileSync(billingMd, readFileSync(billingMd, 'utf8').replace(/^description: .*$/m, `description: ${JSON.stringify(STEALER)}`));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function findings(root: string) {
  return lint({ paths: [root], cwd: work, rules: [descriptionCollision], profile: 'spec' }).diagnostics;
}

describe('a planted description that steals requests', () => {
  it('the clean fixture passes every description rule', () => {
    const clean = lint({ paths: [fixture], cwd: repo, rules: descriptionRules, profile: 'spec' }).diagnostics;
    expect(clean.map((d) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`)).toEqual([]);
  });

  it('is reported by description-collision on both skills, with the shared terms', () => {
    const found = findings(planted);
    expect(found.map((d) => d.file)).toEqual(['skills/cargo-analytics/SKILL.md', 'skills/cargo-billing/SKILL.md']);
    expect(found[0].message).toMatch(/collides with `cargo-billing` \(overlap 0\.\d\d ≥ 0\.2\); shared terms: .*\berror\b/);
    expect(found[1].message).toMatch(/collides with `cargo-analytics`.*shared terms: .*\bdownloads?\b/);
    expect(found.every((d) => d.line === 3 && d.column === 14)).toBe(true);
  });

  it('is caught by the evaluation: cargo-analytics requests now go to cargo-billing', () => {
    const before = evaluateCases({ skillsRoot: fixture, casesFile });
    const after = evaluateCases({ skillsRoot: planted, casesFile });
    const stolen = (e: typeof before) => e.misses.filter((m) => m.expect === 'cargo-analytics' && m.winner === 'cargo-billing');
    expect(stolen(after).length).toBeGreaterThanOrEqual(stolen(before).length + 2);
    expect(after.perSkill['cargo-analytics'].top1).toBeLessThanOrEqual(before.perSkill['cargo-analytics'].top1 - 2);
    expect(after.top1).toBeLessThan(before.top1);
  });
});
