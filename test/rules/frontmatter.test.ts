import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../scripts/core/types.ts';
import frontmatterSchema, { isSkillMd } from '../../scripts/rules/frontmatter-schema.ts';
import frontmatterSyntax from '../../scripts/rules/frontmatter-syntax.ts';
import nameMatchesFolder from '../../scripts/rules/name-matches-folder.ts';
import { schemaPath } from '../../scripts/core/paths.ts';
import { lintCase, runRuleTests, skillMd } from '../rule-tester.ts';

runRuleTests(frontmatterSyntax, {
  valid: [
    { name: 'well-formed frontmatter', files: { 'a/SKILL.md': skillMd('a') } },
    { name: 'reference page without frontmatter', files: { 'a/SKILL.md': skillMd('a'), 'a/references/x.md': '# X\n' } },
    { name: 'CRLF line endings', files: { 'a/SKILL.md': skillMd('a').replace(/\n/g, '\r\n') } },
  ],
  invalid: [
    { name: 'SKILL.md without frontmatter', files: { 'a/SKILL.md': '# A\n' }, errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: /no frontmatter/ }] },
    { name: 'empty SKILL.md', files: { 'a/SKILL.md': '' }, errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: /no frontmatter/ }] },
    {
      name: 'unterminated block',
      files: { 'a/SKILL.md': '---\nname: a\ndescription: x\n# A\n' },
      errors: [{ line: 1, column: 1, message: /never closed/ }],
    },
    {
      name: 'invalid YAML, at the YAML error position',
      files: { 'a/SKILL.md': '---\nname: a\ndescription: [unclosed\n---\n' },
      errors: [{ line: 4, column: 1, message: /Invalid YAML/ }],
    },
    {
      name: 'duplicate key',
      files: { 'a/SKILL.md': '---\nname: a\ndescription: x\nname: b\n---\n' },
      errors: [{ line: 4, column: 1, message: /Duplicate key/ }],
    },
    {
      name: 'a list instead of a mapping',
      files: { 'a/SKILL.md': '---\n- name\n- description\n---\n' },
      errors: [{ line: 2, column: 1, endLine: 4, endColumn: 1, message: /mapping/ }],
    },
    {
      name: 'alias bomb',
      files: {
        'a/SKILL.md': ['---', 'a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]', 'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]', '---', ''].join('\n'),
      },
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4, message: /Invalid YAML/ }],
    },
  ],
});

describe('frontmatter fields of real clients', () => {
  const spec = (fields: Record<string, string>) =>
    lintCase(frontmatterSchema, { name: 'client', profile: 'spec', files: { 'a/SKILL.md': skillMd('a', undefined, { license: undefined, compatibility: undefined, metadata: undefined, ...fields }) } });

  it('in spec, a field a client documents is a warning naming the client, at its key', async () => {
    const found = await spec({ 'user-invocable': 'false', when_to_use: 'When the user asks for a PDF.', model: 'haiku' });
    expect(found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      '4:1 warning `user-invocable` is not in the Agent Skills specification; Claude Code and GitHub Copilot read it',
      '5:1 warning `when_to_use` is not in the Agent Skills specification; Claude Code reads it',
      '6:1 warning `model` is not in the Agent Skills specification; Claude Code reads it',
    ]);
  });

  it('allowed-tools as a YAML list is a warning; a value of the wrong type stays an error', async () => {
    const list = await spec({ 'allowed-tools': '\n  - Read\n  - Bash' });
    expect(list).toMatchObject([{ line: 4, column: 1, severity: 'warning', message: /as a YAML list is read by Claude Code/, hint: /allowed-tools: Read Bash/ }]);
    const wrongType = await spec({ 'disable-model-invocation': '"yes"' });
    expect(wrongType).toMatchObject([{ line: 4, column: 27, severity: 'error', message: /must be a boolean, as Claude Code and GitHub Copilot read it/ }]);
  });

  it('a field no client documents is still an error, and the house profile allows none of them', async () => {
    expect(await spec({ colour: 'blue' })).toMatchObject([{ severity: 'error', message: /`colour` is not a frontmatter field/ }]);
    const house = await lintCase(frontmatterSchema, { name: 'house', files: { 'a/SKILL.md': skillMd('a', undefined, { model: 'haiku' }) } });
    expect(house).toMatchObject([{ severity: 'error', message: /`model` is not a frontmatter field/ }]);
  });

  it('the data names only clients and types', () => {
    const data = JSON.parse(readFileSync(schemaPath('client-frontmatter-fields.json'), 'utf8'));
    for (const field of Object.values(data.fields) as { clients: string[]; type: string }[]) {
      expect(field.clients.length).toBeGreaterThan(0);
      expect(['string', 'boolean', 'object']).toContain(field.type);
    }
  });
});

runRuleTests(frontmatterSchema, {
  valid: [
    { name: 'house profile complete', files: { 'a/SKILL.md': skillMd('a') } },
    {
      name: 'spec profile needs only name and description',
      profile: 'spec',
      files: { 'a/SKILL.md': skillMd('a', undefined, { license: undefined, compatibility: undefined, metadata: undefined }) },
    },
    { name: 'allowed-tools is a spec field', files: { 'a/SKILL.md': skillMd('a', undefined, { 'allowed-tools': 'Bash(cargo-ai:*)' }) } },
    { name: 'description of exactly 1024 characters', files: { 'a/SKILL.md': skillMd('a', undefined, { description: 'x'.repeat(1024) }) } },
  ],
  invalid: [
    {
      name: 'upper-case name',
      files: { 'Bad/SKILL.md': skillMd('Bad') },
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 10, message: /`name` has an invalid format/, hint: /lowercase/ }],
    },
    { name: 'double hyphen in name', files: { 'a--b/SKILL.md': skillMd('a--b') }, errors: [{ line: 2, column: 7, endLine: 2, endColumn: 11, message: /invalid format/ }] },
    { name: 'leading hyphen in name', files: { '-a/SKILL.md': skillMd('-a') }, errors: [{ line: 2, column: 7, endLine: 2, endColumn: 9, message: /invalid format/ }] },
    { name: 'name over 64 characters', files: { [`${'a'.repeat(65)}/SKILL.md`]: skillMd('a'.repeat(65)) }, errors: [{ line: 2, column: 7, endLine: 2, endColumn: 72, message: /longer than 64/ }] },
    {
      name: 'description over 1024 characters',
      files: { 'a/SKILL.md': skillMd('a', undefined, { description: 'x'.repeat(1025) }) },
      errors: [{ line: 3, column: 14, endLine: 3, endColumn: 1039, message: /longer than 1024/ }],
    },
    {
      name: 'missing description',
      files: { 'a/SKILL.md': skillMd('a', undefined, { description: undefined }) },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 4, message: /missing `description`/ }],
    },
    {
      name: 'field outside the specification',
      files: { 'a/SKILL.md': skillMd('a', undefined, { version: '1.0.0' }) },
      errors: [{ line: 9, column: 1, endLine: 9, endColumn: 8, message: /`version` is not a frontmatter field/ }],
    },
    {
      name: 'metadata value that is not a string',
      files: { 'a/SKILL.md': skillMd('a', undefined, { metadata: '\n  author: test\n  version: "1.0.0"\n  stars: 5' }) },
      errors: [{ line: 9, column: 10, endLine: 9, endColumn: 11, message: /`metadata.stars` must be a string/ }],
    },
    {
      name: 'compatibility over 500 characters',
      profile: 'spec',
      files: { 'a/SKILL.md': skillMd('a', undefined, { compatibility: `"Requires @cargo-ai/cli ${'x'.repeat(500)}"` }) },
      errors: [{ line: 5, column: 16, endLine: 5, endColumn: 541, message: /longer than 500/ }],
    },
    {
      name: 'house profile: version not semver',
      files: { 'a/SKILL.md': skillMd('a', undefined, { metadata: '\n  author: test\n  version: "1.0"' }) },
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 17, message: /`metadata.version` has an invalid format/, hint: /MAJOR.MINOR.PATCH/ }],
    },
    {
      name: 'house profile: missing author',
      files: { 'a/SKILL.md': skillMd('a', undefined, { metadata: '\n  version: "1.0.0"' }) },
      errors: [{ line: 6, column: 1, endLine: 6, endColumn: 9, message: /missing `metadata.author`/ }],
    },
    {
      name: 'house profile: compatibility without @cargo-ai/cli',
      files: { 'a/SKILL.md': skillMd('a', undefined, { compatibility: 'Needs a computer.' }) },
      errors: [{ line: 5, column: 16, endLine: 5, endColumn: 33, message: /`compatibility` has an invalid format/ }],
    },
  ],
});

runRuleTests(nameMatchesFolder, {
  valid: [{ name: 'name equals folder', files: { 'alpha/SKILL.md': skillMd('alpha') } }],
  invalid: [
    {
      name: 'name differs from folder',
      files: { 'alpha/SKILL.md': skillMd('beta') },
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 11, message: /`beta` differs from its folder `alpha`/, hint: /name: alpha/ }],
    },
  ],
});

describe('the frontmatter schema', () => {
  it('is valid draft-07 (the rule compiles it without checking)', () => {
    const schema = JSON.parse(readFileSync(schemaPath('skill-frontmatter.schema.json'), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema({ ...schema, $schema: undefined })).toBe(true);
    expect(ajv.validateSchema({ ...schema, $schema: undefined, properties: { name: { type: 'nonsense' } } })).toBe(false);
  });
});

describe('isSkillMd', () => {
  const named = (file: string) => isSkillMd({ file: { path: file } } as Document);

  it('is true of a file named exactly SKILL.md, in any folder', () => {
    expect(['SKILL.md', '/skills/a/SKILL.md', 'C:\\skills\\a\\SKILL.md'].map(named)).toEqual([true, true, true]);
  });

  it('is false of other names that contain or end like it', () => {
    expect(['/a/MY-SKILL.md', '/a/SKILL.md.bak', '/a/skill.md', '/a/SKILL.md/x.md', 'xSKILL.md'].map(named)).toEqual([false, false, false, false, false]);
  });
});
