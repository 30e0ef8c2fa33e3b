// The README is the user's manual: its rule table and command table must match the tool.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { formatRuleTable } from '../../scripts/report/rules.ts';
import { allRules } from '../../scripts/rules/index.ts';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('holds the rule table the rule metadata gives (skill-lint rules --format markdown), with every rule', () => {
    const start = readme.indexOf('| Rule | Severity | Profile |');
    expect(readme.slice(start, readme.indexOf('\n\n', start) + 1)).toBe(formatRuleTable(allRules));
    const rows = [...readme.matchAll(/^\| <a id="rule-[a-z-]+"><\/a>`([a-z-]+)` \| (error|warning) \| (spec|cargo) \|/gm)].map((match) => `${match[1]} ${match[2]} ${match[3]}`);
    expect(rows.sort()).toEqual(allRules.map((rule) => `${rule.meta.id} ${rule.meta.severity} ${rule.meta.profile}`).sort());
  });

  it('documents every command the CLI has', async () => {
    const { stdout } = await execa('node', [path.join(repoRoot, 'scripts/bin/skill-lint.js'), '--help']);
    const commands = [...stdout.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]).filter((name) => name !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const command of commands) expect(readme, command).toMatch(new RegExp(`^\\| \`${command}[ \`]`, 'm'));
  });
});
