// Rule options are JSON Schemas with defaults: a config that sets one wrongly stops the run with one line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';
import { lint } from '../../scripts/engine/lint.ts';
import { formatRuleTable } from '../../scripts/report/rules.ts';
import { allRules } from '../../scripts/rules/index.ts';
import { skillMd, writeTree } from '../rule-tester.ts';

const long = { 'a/SKILL.md': skillMd('a', `# A\n\n${'Line.\n'.repeat(30)}`) };

function lintWith(config: unknown, files: Record<string, string> = long, name = 'skill-lint.config.json') {
  const root = writeTree({ ...files, [name]: typeof config === 'string' ? config : JSON.stringify(config) });
  return () => lint({ rules: allRules, paths: ['.'], cwd: root }).diagnostics.filter((d) => d.ruleId === 'body-size');
}

describe('rule options', () => {
  it('are read over their defaults, typed', () => {
    expect(lintWith({ rules: { 'body-size': ['warning', { maxLines: 10 }] } })().map((d) => d.message)).toEqual(['SKILL.md body has 32 lines (limit 10)']);
    expect(lintWith({ rules: { 'body-size': 'warning' } })()).toEqual([]);
  });

  it.each([
    [{ rules: { 'body-size': ['warning', { maxLines: 'many' }] } }, 'config skill-lint.config.json: rule body-size: option maxLines must be an integer, not "many"'],
    [{ rules: { 'body-size': ['warning', { maxLines: '100' }] } }, 'config skill-lint.config.json: rule body-size: option maxLines must be an integer, not "100"'],
    [{ rules: { 'body-size': ['warning', { maxLines: -1 }] } }, 'config skill-lint.config.json: rule body-size: option maxLines must be >= 1, not -1'],
    [{ rules: { 'body-size': ['warning', { maxLines: 1.5 }] } }, 'config skill-lint.config.json: rule body-size: option maxLines must be an integer, not 1.5'],
    [{ rules: { 'body-size': ['warning', { maxLine: 100 }] } }, 'config skill-lint.config.json: rule body-size has no option "maxLine" (options: maxLines, maxTokens)'],
    [{ rules: { 'code-fence': ['error', { depth: 1 }] } }, 'config skill-lint.config.json: rule code-fence has no option "depth" (it takes none)'],
    [{ rules: { 'body-size': ['warning', 500] } }, 'config skill-lint.config.json: rule body-size: options must be an object, not 500'],
    [{ rules: { 'body-size': ['warning', {}, 'extra'] } }, 'config skill-lint.config.json: rule body-size must be a severity or [severity, options], not ["warning",{},"extra"]'],
    [{ rules: { 'description-job': ['warning', { verbs: ['ship', 3] }] } }, 'config skill-lint.config.json: rule description-job: option verbs[1] must be a string, not 3'],
    [{ rules: { 'description-job': ['warning', { verbs: [''] }] } }, 'config skill-lint.config.json: rule description-job: option verbs[0] must NOT have fewer than 1 characters, not ""'],
    [{ rules: { 'description-collision': ['warning', { threshold: 0 }] } }, 'config skill-lint.config.json: rule description-collision: option threshold must be > 0, not 0'],
    [{ rulez: {} }, 'config skill-lint.config.json: unknown key "rulez" (known: profile, rules)'],
    [{ rules: [] }, 'config skill-lint.config.json: rules must be an object of rule ids, not []'],
    [{ rules: { 'no-such-rule': 'off' } }, 'config skill-lint.config.json: unknown rule "no-such-rule"'],
    [{ rules: { 'action-catalog': ['error', { catalog: 'missing.json' }] } }, /^config skill-lint.config.json: rule action-catalog: option catalog names "missing.json", but \/.*\/missing.json is not a file$/],
    ['{"rules": ', /^config .*skill-lint.config.json is not valid JSON: /],
  ])('refuses %j', (config, message) => {
    expect(lintWith(config)).toThrow(message);
  });

  it('a catalog that exists is accepted, relative to the skills root', () => {
    const files = { ...long, 'actions.json': JSON.stringify({ actions: [] }) };
    expect(lintWith({ rules: { 'action-catalog': ['error', { catalog: 'actions.json' }] } }, files)()).toEqual([]);
  });

  it('an invalid package.json is an error where the tool reads it, not a silent default', () => {
    expect(lintWith('{ "name": ', long, 'package.json')).toThrow(/^config .*package.json is not valid JSON: /);
    expect(lintWith({ name: 'x', 'skill-lint': { rulez: 1 } }, long, 'package.json')).toThrow('config package.json: unknown key "rulez" (known: profile, rules)');
    expect(lintWith({ name: 'x' }, long, 'package.json')()).toEqual([]);
  });

  it('the command exits 2 with one line naming the rule and the option', async () => {
    const root = writeTree({ ...long, 'skill-lint.config.json': JSON.stringify({ rules: { 'body-size': ['warning', { maxLines: 'many' }] } }) });
    const result = await execa('node', [path.join(repoRoot, 'scripts/bin/skill-lint.js'), 'check', '.'], { cwd: root, reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('skill-lint: config skill-lint.config.json: rule body-size: option maxLines must be an integer, not "many"');
    expect(result.stdout).toBe('');
  });
});

describe('the README', () => {
  it('has a configuration example the tool accepts', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const example = /### Configuration\n\n```json\n([^]*?)```/.exec(readme)![1];
    expect(lintWith(example)).not.toThrow();
  });

  it('documents every option of every rule in its rule table', () => {
    const table = formatRuleTable(allRules);
    for (const rule of allRules) {
      for (const [name, schema] of Object.entries(rule.meta.options ?? {})) {
        expect(schema.description.length, `${rule.meta.id}.${name}`).toBeGreaterThan(0);
        expect(table).toContain(`\`${name}\``);
      }
    }
  });
});
