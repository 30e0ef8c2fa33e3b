// ESLint-style rule tests: cases a rule must accept and cases it must flag, at an exact position (start, and
// end where the case gives it), run through the same engine path as the CLI.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../scripts/core/rule.ts';
import type { Diagnostic } from '../scripts/core/types.ts';
import type { Profile } from '../scripts/load/config.ts';
import { lintParallel } from '../scripts/engine/lint.ts';

export interface Case {
  name: string;
  /** Files relative to a temporary skills root; a value `{ symlink: target }` makes a symbolic link. */
  files: Record<string, string | Buffer | { symlink: string }>;
  options?: Record<string, unknown>;
  /** Default `cargo`: every rule runs. */
  profile?: Profile;
  /** Paths to lint, relative to the temporary root (default: the root itself). */
  paths?: string[];
}

export interface Expected {
  file?: string;
  line: number;
  column: number;
  /** Where the finding ends; checked when given. */
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  hint?: string | RegExp;
}

export function writeTree(files: Case['files']): string {
  const root = mkdtempSync(path.join(tmpdir(), 'skill-lint-'));
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) symlinkSync(content.symlink, full);
    else writeFileSync(full, content);
  }
  return root;
}

/** How a case runs: on this thread alone, as the CLI does below 2,000 files, or with its files left to a worker thread. */
export type Threads = 1 | 2;

/** Lints a case through the CLI's engine path (lintParallel), with the case's options in a config file. */
export async function lintCase(rule: Rule | Rule[], testCase: Case, threads: Threads = 1): Promise<Diagnostic[]> {
  const root = writeTree(testCase.files);
  try {
    const rules = Array.isArray(rule) ? rule : [rule];
    const config = { rules: Object.fromEntries(rules.map((r) => [r.meta.id, [r.meta.severity, testCase.options ?? {}]])) };
    writeFileSync(path.join(root, 'skill-lint.config.json'), JSON.stringify(config));
    const run = { paths: testCase.paths ?? ['.'], cwd: root, rules, profile: testCase.profile ?? 'cargo', threads, leaveFilesToWorkers: threads > 1 };
    return (await lintParallel(run)).diagnostics;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * A worker thread costs one to two seconds to start (it loads and compiles the whole linter), so by default
 * the first invalid case of each rule also runs with its files left to a worker thread, whose findings must
 * equal the single-thread run's; RULE_TESTER_THREADS=all runs every case there too.
 */
const threadedCases = process.env.RULE_TESTER_THREADS === 'all' ? Infinity : 1;

export function runRuleTests(rule: Rule, cases: { valid: Case[]; invalid: (Case & { errors: Expected[] })[] }): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((testCase, index) => {
      it(`accepts: ${testCase.name}`, async () => {
        expect((await lintCase(rule, testCase)).map(brief)).toEqual([]);
        if (index < threadedCases - 1) expect((await lintCase(rule, testCase, 2)).map(brief)).toEqual([]);
      });
    });
    cases.invalid.forEach((testCase, index) => {
      it(`flags: ${testCase.name}`, async () => {
        const found = await lintCase(rule, testCase);
        const position = (d: Expected) => ({ file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn });
        expect(found.map((d, at) => position({ ...d, ...ends(d, testCase.errors[at]) }))).toEqual(
          testCase.errors.map((e) => position({ ...e, file: e.file ?? found[0]?.file })),
        );
        testCase.errors.forEach((e, at) => {
          expect(found[at].ruleId).toBe(rule.meta.id);
          if (e.message) expect(found[at].message).toMatch(e.message);
          if (e.hint) expect(found[at].hint ?? '').toMatch(e.hint);
        });
        if (index < threadedCases) expect(await lintCase(rule, testCase, 2)).toEqual(found);
      });
    });
  });
}

/** The end of a finding, where the expectation names one. */
function ends(found: Diagnostic, expected: Expected | undefined): Pick<Expected, 'endLine' | 'endColumn'> {
  return { endLine: expected?.endLine === undefined ? undefined : found.endLine, endColumn: expected?.endColumn === undefined ? undefined : found.endColumn };
}

function brief(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`;
}

/** A SKILL.md with valid house-profile frontmatter; `fields` replace a line (undefined removes it), `metadata` is raw YAML. */
export function skillMd(name: string, body = '# Title\n\nText.\n', fields: Record<string, string | undefined> = {}): string {
  const values: Record<string, string | undefined> = {
    name,
    description: `Does ${name} things. Use when the user says "one", "two", "three", "four".`,
    license: 'MIT',
    compatibility: 'Requires @cargo-ai/cli (npm) and a Cargo account.',
    metadata: '\n  author: test\n  version: "1.0.0"',
    ...fields,
  };
  const lines = Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}:${value!.startsWith('\n') ? '' : ' '}${value}`);
  return ['---', ...lines, '---', body].join('\n');
}
