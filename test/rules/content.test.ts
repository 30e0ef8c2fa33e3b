import bodySize from '../../scripts/rules/body-size.ts';
import codeFence from '../../scripts/rules/code-fence.ts';
import fileEncoding from '../../scripts/rules/file-encoding.ts';
import jsonBlock from '../../scripts/rules/json-block.ts';
import { describe, expect, it } from 'vitest';
import { lintCase, runRuleTests, skillMd } from '../rule-tester.ts';

runRuleTests(jsonBlock, {
  valid: [
    { name: 'strict JSON', files: { 'a/SKILL.md': skillMd('a', '# A\n\n```json\n{"a": [1, 2], "b": null}\n```\n') } },
    { name: 'elisions, bare and quoted', files: { 'a/SKILL.md': skillMd('a', '# A\n\n```json\n{"items": [{"id": 1}, ...], "more": "...", ...}\n```\n') } },
    { name: 'quoted and bare placeholders', files: { 'a/SKILL.md': skillMd('a', '# A\n\n```json\n{"uuid": "<uuid>", "limit": <limit>, "rest": "..."}\n```\n') } },
    { name: 'not a json block', files: { 'a/SKILL.md': skillMd('a', '# A\n\n```js\n{a: 1,}\n```\n') } },
    { name: 'jsonc: comments and trailing commas', files: { 'a/SKILL.md': skillMd('a', '# A\n\n```jsonc\n{\n  // the model\n  "a": 1,\n}\n```\n') } },
    { name: 'json5: unquoted keys, single quotes, a placeholder', files: { 'a/SKILL.md': skillMd('a', "# A\n\n```json5\n{a: 'x', b: <id>, c: 0x1F,}\n```\n") } },
  ],
  invalid: [
    {
      name: 'jsonc still has a syntax',
      files: { 'a/SKILL.md': skillMd('a', '# A\n\n```jsonc\n{"a" 1}\n```\n') },
      errors: [{ line: 13, column: 6, message: /Invalid JSONC/ }],
    },
    {
      name: 'json5 still has a syntax, at the right column',
      files: { 'a/SKILL.md': skillMd('a', "# A\n\n```json5\n{a: 'x',\n b: @}\n```\n") },
      errors: [{ line: 14, column: 5, message: /Invalid JSON5: invalid character '@'/ }],
    },
    {
      name: 'trailing comma, at the comma',
      files: { 'a/SKILL.md': skillMd('a', '# A\n\n```json\n{\n  "a": 1,\n}\n```\n') },
      errors: [{ line: 14, column: 9, endLine: 14, endColumn: 10, message: /Invalid JSON: trailing comma/ }],
    },
    {
      name: 'single quotes after a bare placeholder, column mapped back',
      files: { 'a/SKILL.md': skillMd('a', "# A\n\n```json\n{\"a\": <x>, 'b': 1}\n```\n") },
      errors: [{ line: 13, column: 12, endLine: 13, endColumn: 13, message: /Invalid JSON: keys need double quotes/ }],
    },
    {
      name: 'block indented in a list',
      files: { 'a/SKILL.md': skillMd('a', '# A\n\n- item\n\n  ```json\n  {"a" 1}\n  ```\n') },
      errors: [{ line: 15, column: 8, endLine: 15, endColumn: 9, message: /Invalid JSON/ }],
    },
    {
      name: 'block opened on the list item’s own line',
      files: { 'a/SKILL.md': skillMd('a', '# A\n\n1. ```json\n   {"a" 1}\n   ```\n') },
      errors: [{ line: 13, column: 9, endLine: 13, endColumn: 10, message: /Invalid JSON/ }],
    },
  ],
});

describe('json-block in the spec profile', () => {
  const page = (code: string) => ({ 'a/SKILL.md': skillMd('a', `# A\n\n\`\`\`json\n${code}\n\`\`\`\n`) });
  const found = (code: string, profile: 'spec' | 'cargo' = 'spec') => lintCase(jsonBlock, { name: 'x', profile, files: page(code) });

  it('a comment or a fragment in a json fence is a warning that says which', async () => {
    const cases: [string, RegExp, number, number][] = [
      ['{\n  // the model\n  "model": "x"\n}', /comments or trailing commas/, 14, 3],
      ['"messages": [\n  ...history,\n  {"role": "user"}\n]', /fragment/, 13, 11],
      ['"ttl": "5m"  // the default\n"ttl": "1h"', /several JSON values/, 13, 6],
      ['"model": "x",\n"max_tokens": 1024', /fragment/, 13, 8],
      ['{"type": "start"}\n{"type": "delta", "text": "a {"}', /several JSON values/, 14, 1],
      ['// a/package.json\n{ "name": "a" }\n\n// b/package.json\n{ "name": "b" }', /several JSON values/, 13, 1],
    ];
    for (const [code, message, line, column] of cases) {
      const [finding, ...rest] = await found(code);
      expect(rest, code).toEqual([]);
      expect(finding, code).toMatchObject({ severity: 'warning', line, column });
      expect(finding.message).toMatch(message);
      expect(finding.hint).toMatch(/jsonc/);
    }
  });

  it('an elision is documentation JSON in both profiles: no finding', async () => {
    for (const profile of ['spec', 'cargo'] as const) {
      expect(await found('{\n  "model": "x",\n  ...\n}', profile)).toEqual([]);
      expect(await found('[1, 2, \u2026]', profile)).toEqual([]);
    }
  });

  it('a block no reading makes sense of stays an error, and the house profile keeps every one an error', async () => {
    expect(await found('{"a" 1}')).toMatchObject([{ severity: 'error', message: /Invalid JSON/ }]);
    expect(await found('{\n  // the model\n  "model": "x"\n}', 'cargo')).toMatchObject([{ severity: 'error', line: 14, column: 3 }]);
  });
});

runRuleTests(codeFence, {
  valid: [
    { name: 'closed fence', files: { 'a/SKILL.md': skillMd('a', '# A\n\n```bash\nls\n```\n') } },
    { name: 'four backticks closed by four', files: { 'a/SKILL.md': skillMd('a', '# A\n\n````md\n```\n````\n') } },
    { name: 'closed inside a block quote', files: { 'a/SKILL.md': skillMd('a', '# A\n\n> Note:\n> ```bash\n> ls\n> ```\n') } },
    { name: 'closed inside a nested block quote', files: { 'a/SKILL.md': skillMd('a', '# A\n\n> > ```bash\n> > ls\n> > ```\n') } },
  ],
  invalid: [
    {
      name: 'left open inside a block quote, which ends it',
      files: { 'a/SKILL.md': skillMd('a', '# A\n\n> ```bash\n> ls\n\nAfter the quote.\n') },
      errors: [{ line: 12, column: 3, endLine: 12, endColumn: 6, message: /never closed/ }],
    },
    { name: 'never closed', files: { 'a/SKILL.md': skillMd('a', '# A\n\n```bash\nls\n') }, errors: [{ line: 12, column: 1, endLine: 12, endColumn: 4, message: /never closed/ }] },
    {
      name: 'four backticks closed by three',
      files: { 'a/SKILL.md': skillMd('a', '# A\n\n````bash\nls\n```\n') },
      errors: [{ line: 12, column: 1, endLine: 12, endColumn: 4, message: /never closed/ }],
    },
  ],
});

runRuleTests(fileEncoding, {
  valid: [{ name: 'UTF-8 with a byte-order mark', files: { 'a/SKILL.md': `\uFEFF${skillMd('a')}` } }],
  invalid: [
    { name: 'binary file named .md', files: { 'a/SKILL.md': skillMd('a'), 'a/references/x.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]) }, errors: [{ file: 'a/references/x.md', line: 1, column: 1, endLine: 1, endColumn: 1 }] },
    { name: 'invalid UTF-8', files: { 'a/SKILL.md': Buffer.concat([Buffer.from(skillMd('a')), Buffer.from([0xc3, 0x28])]) }, errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: /not UTF-8/ }] },
  ],
});

runRuleTests(bodySize, {
  valid: [
    { name: 'short body', files: { 'a/SKILL.md': skillMd('a') } },
    { name: 'long reference pages are fine', files: { 'a/SKILL.md': skillMd('a', '# A\n\n[r](references/r.md)\n'), 'a/references/r.md': 'x\n'.repeat(900) } },
    { name: 'raised limit', options: { maxLines: 1000, maxTokens: 100000 }, files: { 'a/SKILL.md': skillMd('a', 'line\n'.repeat(600)) } },
  ],
  invalid: [
    { name: 'over 500 lines', files: { 'a/SKILL.md': skillMd('a', 'line\n'.repeat(600)) }, errors: [{ line: 9, column: 4, endLine: 9, endColumn: 4, message: /600 lines \(limit 500\)/ }] },
    { name: 'over the token budget', files: { 'a/SKILL.md': skillMd('a', `${'word '.repeat(5000)}\n`) }, errors: [{ line: 9, column: 4, endLine: 9, endColumn: 4, message: /tokens \(limit 5000\)/ }] },
  ],
});
