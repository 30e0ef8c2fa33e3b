// `check --fix`: each repair before and after, the fixed text clean for the rule that asked for it, a second
// run changing nothing, and no repair where more than one was possible.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../scripts/core/rule.ts';
import { lintAndFix, writeAtomically } from '../../scripts/commands/fix.ts';
import { renderCommandsPage } from '../../scripts/commands/docs.ts';
import { commandRule } from '../../scripts/rules/command-rules.ts';
import jsonBlock from '../../scripts/rules/json-block.ts';
import linkAnchor from '../../scripts/rules/link-anchor.ts';
import nameMatchesFolder from '../../scripts/rules/name-matches-folder.ts';
import { allRules } from '../../scripts/rules/index.ts';
import { skillMd, writeTree } from '../rule-tester.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function fix(rule: Rule, files: Record<string, string>, dryRun = false) {
  const root = writeTree(files);
  roots.push(root);
  const run = () => lintAndFix({ paths: ['.'], cwd: root, rules: [rule], profile: 'cargo', dryRun });
  const first = await run();
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  return { root, first, read, again: run };
}

/** A SKILL.md of skill `a` with `body` after its frontmatter (9 lines). */
const page = (body: string) => skillMd('a', body);
/** The SKILL.md of folder `tools` with `name` in its frontmatter. */
const toolsNamed = (name: string) => skillMd('tools', undefined, { name });
const bash = (command: string) => page(`# A\n\n\`\`\`bash\n${command}\n\`\`\`\n`);

interface FixCase {
  name: string;
  rule: Rule;
  files: Record<string, string>;
  file: string;
  after: string;
  /** Repairs applied (default 1). */
  repairs?: number;
}

const repaired: FixCase[] = [
  {
    name: 'name set to the folder name',
    rule: nameMatchesFolder,
    files: { 'tools/SKILL.md': toolsNamed('tool') },
    file: 'tools/SKILL.md',
    after: skillMd('tools'),
  },
  {
    name: 'a quoted name set to the folder name',
    rule: nameMatchesFolder,
    files: { 'tools/SKILL.md': toolsNamed('"tool"') },
    file: 'tools/SKILL.md',
    after: skillMd('tools'),
  },
  {
    name: 'anchor on the same page with one close heading',
    rule: linkAnchor,
    files: { 'a/SKILL.md': page('# A\n\nSee [setup](#instalation).\n\n## Installation\n') },
    file: 'a/SKILL.md',
    after: page('# A\n\nSee [setup](#installation).\n\n## Installation\n'),
  },
  {
    name: 'anchor on another page',
    rule: linkAnchor,
    files: { 'a/SKILL.md': page('# A\n\nSee [usage](references/guide.md#usag).\n'), 'a/references/guide.md': '# Guide\n\n## Usage\n' },
    file: 'a/SKILL.md',
    after: page('# A\n\nSee [usage](references/guide.md#usage).\n'),
  },
  {
    name: 'flag with one nearest real flag',
    rule: commandRule('command-unknown-flag'),
    files: { 'a/SKILL.md': bash('cargo-ai segmentation segment update --uuid <uuid> --nme "New name"') },
    file: 'a/SKILL.md',
    after: bash('cargo-ai segmentation segment update --uuid <uuid> --name "New name"'),
  },
  {
    name: 'flag written with =value',
    rule: commandRule('command-unknown-flag'),
    files: { 'a/SKILL.md': bash('cargo-ai orchestration run count --workflow-uuid <uuid> --statusses=success') },
    file: 'a/SKILL.md',
    after: bash('cargo-ai orchestration run count --workflow-uuid <uuid> --statuses=success'),
  },
  {
    name: 'list member in the wrong case',
    rule: commandRule('command-flag-value'),
    files: { 'a/SKILL.md': bash('cargo-ai orchestration run count --workflow-uuid <uuid> --statuses Success,ERROR') },
    file: 'a/SKILL.md',
    after: bash('cargo-ai orchestration run count --workflow-uuid <uuid> --statuses success,error'),
    repairs: 2,
  },
  {
    name: 'enum value in the wrong case',
    rule: commandRule('command-flag-value'),
    files: { 'a/SKILL.md': bash('cargo-ai orchestration run download-outputs --workflow-uuid <uuid> --format JSON') },
    file: 'a/SKILL.md',
    after: bash('cargo-ai orchestration run download-outputs --workflow-uuid <uuid> --format json'),
  },
  {
    name: 'conjunction spelt the English way in filter JSON',
    rule: commandRule('command-json'),
    files: { 'a/SKILL.md': bash(`cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjunction":"and","groups":[]}'`) },
    file: 'a/SKILL.md',
    after: bash(`cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}'`),
  },
  {
    name: 'trailing commas in a fenced json block, in a list item',
    rule: jsonBlock,
    files: { 'a/SKILL.md': page('# A\n\n- Payload:\n\n  ```json\n  {\n    "a": [1, 2,],\n    "b": "x, ]",\n  }\n  ```\n') },
    file: 'a/SKILL.md',
    after: page('# A\n\n- Payload:\n\n  ```json\n  {\n    "a": [1, 2],\n    "b": "x, ]"\n  }\n  ```\n'),
  },
];

describe('each repair, before and after', () => {
  it.each(repaired)('$rule.meta.id: $name', async ({ rule, files, file, after, repairs = 1 }) => {
    expect(rule.meta.fixable).toBe(true);
    const { first, read, again } = await fix(rule, files);
    expect(read(file)).toBe(after);
    // The fixed text lints clean for that rule, and a second run has nothing left to change.
    expect(first.diagnostics.filter((d) => d.ruleId === rule.meta.id)).toEqual([]);
    expect(first.changes.map((change) => change.repairs)).toEqual([repairs]);
    const second = await again();
    expect(second.changes).toEqual([]);
    expect(read(file)).toBe(after);
  });
});

/**
 * `offered`: the rule offers a repair that cannot apply (link-anchor sees no text, so its edit says what it
 * replaces, and a link written with a title does not hold that there).
 */
const ambiguous: (Omit<FixCase, 'after'> & { still: RegExp; offered?: true })[] = [
  {
    name: 'folder name the specification does not allow',
    rule: nameMatchesFolder,
    files: { 'My_Tools/SKILL.md': skillMd('My_Tools', undefined, { name: 'my-tools' }) },
    file: 'My_Tools/SKILL.md',
    still: /differs from its folder/,
  },
  {
    name: 'two headings as close as each other',
    rule: linkAnchor,
    files: { 'a/SKILL.md': page('# A\n\nSee [it](#step-3).\n\n## Step 1\n\n## Step 2\n') },
    file: 'a/SKILL.md',
    still: /does not match any heading/,
  },
  {
    name: 'anchor link with a title',
    rule: linkAnchor,
    files: { 'a/SKILL.md': page('# A\n\nSee [setup](#instalation "Install").\n\n## Installation\n') },
    file: 'a/SKILL.md',
    still: /does not match any heading/,
    offered: true,
  },
  {
    name: 'flag as close to two real flags',
    rule: commandRule('command-unknown-flag'),
    files: { 'a/SKILL.md': bash('cargo-ai orchestration batch list --parent-nod-uuid <uuid>') },
    file: 'a/SKILL.md',
    still: /did you mean `--parent-node-uuid`, `--parent-run-uuid`/,
  },
  {
    name: 'a misspelt list member (not only its case)',
    rule: commandRule('command-flag-value'),
    files: { 'a/SKILL.md': bash('cargo-ai orchestration run count --workflow-uuid <uuid> --statuses sucess') },
    file: 'a/SKILL.md',
    still: /did you mean `success`/,
  },
  {
    name: 'misspelt key beside the right one',
    rule: commandRule('command-json'),
    files: { 'a/SKILL.md': bash(`cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","conjunction":"or","groups":[]}'`) },
    file: 'a/SKILL.md',
    still: /unknown key `conjunction`/,
  },
  {
    name: 'json block with a comment as well as a trailing comma',
    rule: jsonBlock,
    files: { 'a/SKILL.md': page('# A\n\n```json\n{"a": 1, // one\n}\n```\n') },
    file: 'a/SKILL.md',
    still: /Invalid JSON/,
  },
];

describe('no repair when it is not the only one', () => {
  it.each(ambiguous)('$rule.meta.id: $name', async ({ rule, files, file, still, offered }) => {
    const { first, read } = await fix(rule, files);
    expect(read(file)).toBe(files[file]);
    expect(first.changes).toEqual([]);
    const found = first.diagnostics.filter((d) => d.ruleId === rule.meta.id);
    expect(found.map((d) => `${d.message} ${d.hint ?? ''}`).join('\n')).toMatch(still);
    expect(found.every((d) => d.fix === undefined)).toBe(!offered);
  });
});

describe('generated command references', () => {
  it('rewrites a stale references/commands.md of a capability skill, and only then', async () => {
    const body = '# Billing\n\nSee [the commands](references/commands.md).\n';
    const { first, read, again } = await fix(allRules[0], {
      'cargo-billing/SKILL.md': skillMd('cargo-billing', body),
      'cargo-billing/references/commands.md': '# stale\n',
    });
    expect(read('cargo-billing/references/commands.md')).toBe(renderCommandsPage('billing'));
    expect(first.changes.map((change) => change.displayPath)).toEqual([path.join('cargo-billing', 'references', 'commands.md')]);
    expect((await again()).changes).toEqual([]);
  });
});

describe('dry run, atomic writes', () => {
  it('--fix-dry-run computes the change and writes nothing', async () => {
    const files = { 'tools/SKILL.md': toolsNamed('tool') };
    const { first, read } = await fix(nameMatchesFolder, files, true);
    expect(read('tools/SKILL.md')).toBe(files['tools/SKILL.md']);
    expect(first.changes).toHaveLength(1);
    expect(first.changes[0].after).toBe(skillMd('tools'));
    // The report is the lint before any repair.
    expect(first.diagnostics.map((d) => d.ruleId)).toEqual(['name-matches-folder']);
  });

  it('keeps a byte-order mark and repairs the text after it', async () => {
    const { read } = await fix(nameMatchesFolder, { 'tools/SKILL.md': `\uFEFF${toolsNamed('tool')}` });
    expect(read('tools/SKILL.md')).toBe(`\uFEFF${skillMd('tools')}`);
  });

  it('replaces a file by renaming a complete copy over it, leaving nothing beside it', () => {
    const root = writeTree({ 'page.md': 'old\n' });
    roots.push(root);
    const file = path.join(root, 'page.md');
    const before = statSync(file);
    writeFileSync(file, 'old\n', { mode: 0o640 });
    writeAtomically(file, 'new\n');
    const after = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(before.mode & 0o777);
    expect(readdirSync(root)).toEqual(['page.md']);
  });
});

describe('the README', () => {
  it('lists exactly the rules that can repair what they find', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Repairs (`--fix`)'), readme.indexOf('Profiles: `spec` rules apply'));
    const listed = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual(allRules.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id).sort());
  });
});
