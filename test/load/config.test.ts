import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../scripts/engine/lint.ts';
import { UsageError } from '../../scripts/load/files.ts';
import { skillMd, writeTree } from '../rule-tester.ts';
import { allRules } from '../../scripts/rules/index.ts';

const broken = { 'a/SKILL.md': skillMd('a', '# A\n\n[x](missing.md)\n\n<!-- skill-lint-disable-next-line -->\n[y](gone.md)\n\n<!-- skill-lint-disable-next-line link-anchor -->\n[z](also-gone.md)\n') };
const ruleIds = (root: string) => lint({ rules: allRules, paths: ['.'], cwd: root }).diagnostics.filter((d) => !d.ruleId.startsWith('description-')).map((d) => `${d.line} ${d.ruleId} ${d.severity}`);

describe('configuration', () => {
  it('disable comments silence the next line only, for the rules they name', () => {
    expect(ruleIds(writeTree(broken))).toEqual(['12 link-target error', '18 link-target error']);
  });

  it('a config file changes severities and turns rules off', () => {
    const root = writeTree(broken);
    writeFileSync(path.join(root, 'skill-lint.config.json'), JSON.stringify({ rules: { 'link-target': 'warning' } }));
    expect(ruleIds(root)).toEqual(['12 link-target warning', '18 link-target warning']);
    writeFileSync(path.join(root, 'skill-lint.config.json'), JSON.stringify({ rules: { 'link-target': 'off' } }));
    expect(ruleIds(root)).toEqual([]);
  });

  it('reads the "skill-lint" key of package.json', () => {
    const root = writeTree({ ...broken, 'package.json': JSON.stringify({ name: 'x', 'skill-lint': { rules: { 'link-target': 'off' } } }) });
    expect(ruleIds(root)).toEqual([]);
  });

  it('refuses unknown rules and settings with a usage error', () => {
    const root = writeTree(broken);
    writeFileSync(path.join(root, 'skill-lint.config.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    expect(() => lint({ rules: allRules, paths: ['.'], cwd: root })).toThrow(UsageError);
    writeFileSync(path.join(root, 'skill-lint.config.json'), JSON.stringify({ rules: { 'link-target': 'loud' } }));
    expect(() => lint({ rules: allRules, paths: ['.'], cwd: root })).toThrow(/"error", "warning" or "off"/);
  });
});
