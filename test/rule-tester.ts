// ESLint-style rule tests: cases a rule must accept and cases it must flag, at an exact position.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../scripts/core/rule.ts';
import type { Diagnostic } from '../scripts/core/types.ts';
import type { Profile } from '../scripts/load/config.ts';
import { lint } from '../scripts/engine/lint.ts';

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

export function lintCase(rule: Rule | Rule[], testCase: Case): Diagnostic[] {
  const root = writeTree(testCase.files);
  try {
    const rules = Array.isArray(rule) ? rule : [rule];
    const configRules = Object.fromEntries(
      rules.map((r) => [r.meta.id, { setting: r.meta.severity, options: testCase.options ?? {} }]),
    );
    writeFileSync(path.join(root, 'skill-lint.config.json'), JSON.stringify({ rules: Object.fromEntries(Object.entries(configRules).map(([id, c]) => [id, [c.setting, c.options]])) }));
    return lint({ paths: testCase.paths ?? ['.'], cwd: root, rules, profile: testCase.profile ?? 'cargo' }).diagnostics;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function runRuleTests(rule: Rule, cases: { valid: Case[]; invalid: (Case & { errors: Expected[] })[] }): void {
  describe(rule.meta.id, () => {
    for (const testCase of cases.valid) {
      it(`accepts: ${testCase.name}`, () => {
        expect(lintCase(rule, testCase).map(brief)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      it(`flags: ${testCase.name}`, () => {
        const found = lintCase(rule, testCase);
        expect(found.map((d) => ({ file: d.file, line: d.line, column: d.column }))).toEqual(
          testCase.errors.map((e) => ({ file: e.file ?? found[0]?.file, line: e.line, column: e.column })),
        );
        testCase.errors.forEach((e, index) => {
          expect(found[index].ruleId).toBe(rule.meta.id);
          if (e.message) expect(found[index].message).toMatch(e.message);
          if (e.hint) expect(found[index].hint ?? '').toMatch(e.hint);
        });
      });
    }
  });
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
