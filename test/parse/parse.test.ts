import { describe, expect, it } from 'vitest';
import type { SkillFile } from '../../scripts/core/types.ts';
import { parseDocument } from '../../scripts/parse/document.ts';
import { parseDocJsonValue } from '../../scripts/parse/doc-json.ts';
import { virtualFile } from '../../scripts/load/files.ts';

const file = (text: string): SkillFile => virtualFile('/x/SKILL.md', text, 'SKILL.md');

describe('parseDocument', () => {
  it('keeps frontmatter values with the span of each key and value', () => {
    const doc = parseDocument(file('---\nname: a\nmetadata:\n  version: "1.0.0"\n---\n# T\n'));
    expect(doc.frontmatter.value).toEqual({ name: 'a', metadata: { version: '1.0.0' } });
    expect(doc.frontmatter.keySpans.get('name')?.start).toMatchObject({ line: 2, column: 1 });
    expect(doc.frontmatter.valueSpans.get('metadata.version')?.start).toMatchObject({ line: 4, column: 12 });
    expect(doc.headings).toEqual([expect.objectContaining({ depth: 1, text: 'T', anchor: 't' })]);
    expect(doc.bodyLines).toBe(1);
  });

  it('gives duplicate headings GitHub suffixes', () => {
    const doc = parseDocument(file('# Setup\n\n## Setup\n\n## Setup!\n'));
    expect(doc.headings.map((h) => h.anchor)).toEqual(['setup', 'setup-1', 'setup-2']);
  });

  it('maps each line of an indented code block to its document offset', () => {
    const text = '- item\n\n  ```bash\n  cargo-ai whoami\n    --help\n  ```\n';
    const doc = parseDocument(file(text));
    const [block] = doc.codeBlocks;
    expect(block.lang).toBe('bash');
    expect(block.value).toBe('cargo-ai whoami\n  --help');
    expect(text.slice(block.lineOffsets[0], block.lineOffsets[0] + 8)).toBe('cargo-ai');
    expect(text.slice(block.lineOffsets[1], block.lineOffsets[1] + 8)).toBe('  --help');
    expect(block.unterminated).toBe(false);
  });

  it('reads fences in block quotes and on list item lines, with either reader', () => {
    const text = '> ```bash\n> ls\n> ```\n\n1. ```sh\n   pwd\n   ```\n\n> ```\n> open\n\nafter\n';
    for (const reader of ['fast', 'remark'] as const) {
      const blocks = parseDocument(file(text), reader).codeBlocks;
      expect(blocks.map((block) => [block.value, block.unterminated]), reader).toEqual([
        ['ls', false],
        ['pwd', false],
        ['open', true],
      ]);
    }
  });

  it('positions inline code at its value', () => {
    const text = 'Run `` cargo-ai whoami `` now.';
    const doc = parseDocument(file(text));
    expect(doc.inlineCode[0].value).toBe('cargo-ai whoami');
    expect(text.slice(doc.inlineCode[0].valueOffset).startsWith('cargo-ai')).toBe(true);
  });

  it('reads disable comments for the next line', () => {
    const doc = parseDocument(file('# T\n\n<!-- skill-lint-disable-next-line link-target, link-anchor -->\n[x](missing.md)\n'));
    expect([...(doc.disabledLines.get(4) ?? [])]).toEqual(['link-target', 'link-anchor']);
  });

  it('survives CRLF, an empty file and an unterminated fence', () => {
    expect(parseDocument(file('---\r\nname: a\r\n---\r\n# T\r\n')).frontmatter.value).toEqual({ name: 'a' });
    expect(parseDocument(file('')).codeBlocks).toEqual([]);
    expect(parseDocument(file('```bash\nls\n')).codeBlocks[0].unterminated).toBe(true);
  });

  it('does not read a mid-document thematic break as frontmatter', () => {
    expect(parseDocument(file('# T\n---\nname: a\n---\n')).frontmatter.present).toBe(false);
  });
});

describe('parseDocJsonValue', () => {
  it('accepts quoted and bare placeholders', () => {
    expect(parseDocJsonValue('{"a": <n>, "b": "<uuid>"}')).toEqual({ ok: true, value: { a: '<n>', b: '<uuid>' } });
  });
  it('accepts elisions as the documentation language writes them', () => {
    expect(parseDocJsonValue('{"a": [1, ...], ...}')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseDocJsonValue('{"a": …}')).toEqual({ ok: true, value: { a: '...' } });
  });
  it('reports the offset of the first error in the original text', () => {
    const result = parseDocJsonValue('{"a": <n>, x}');
    expect(result).toMatchObject({ ok: false, offset: 11 });
  });
  it.each([
    ['{"a": [1, 2.5e3, -0, true, null], "b": {"c": "\\u00e9\\n"}}', true],
    ['  [ ]  ', true],
    ['{"__proto__": {"x": 1}}', true],
    ['{"a": 1,}', false],
    ['{"a": 1} // note', false],
    ["{'a': 1}", false],
    ['', false],
    ['[1 2]', false],
    ['{"a": "tab\there"}', false],
  ])('accepts %j exactly when it is JSON, with the value JSON.parse gives', (text, valid) => {
    const result = parseDocJsonValue(text);
    expect(result.ok).toBe(valid);
    if (valid) expect(result).toEqual({ ok: true, value: JSON.parse(text) });
  });
});

describe('grammar choice', () => {
  it('parses tables as GFM tables, with links inside cells at their positions', () => {
    const doc = parseDocument(virtualFile('/x/a.md', '| Skill | Use |\n|---|:--:|\n| [b](../b/SKILL.md) | `x` **y** |\n'));
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].rows.map((row) => row.map((cell) => cell.text))).toEqual([['Skill', 'Use'], ['b', 'x y']]);
    expect(doc.tables[0].rows[1][0]).toMatchObject({ inlineCode: [], span: { start: { line: 3, column: 1 } } });
    expect(doc.tables[0].rows[1][1]).toMatchObject({ inlineCode: ['x'] });
    expect(doc.links[0].inTable).toBe(true);
    expect(parseDocument(virtualFile('/x/a.md', '[b](../b/SKILL.md)\n')).links[0]).not.toHaveProperty('inTable');
    expect(doc.links[0]).toMatchObject({ url: '../b/SKILL.md', span: { start: { line: 3, column: 3 } } });
  });

  it('reads footnotes as footnotes, not as link definitions', () => {
    const doc = parseDocument(virtualFile('/x/a.md', 'Text[^note].\n\n[^note]: some words here\n'));
    expect(doc.links).toEqual([]);
  });

  it('finds the same links and code without tables', () => {
    const doc = parseDocument(virtualFile('/x/a.md', '# T\n\n[a](b.md)\n\n```bash\ncargo-ai whoami\n```\n'));
    expect(doc.links).toHaveLength(1);
    expect(doc.codeBlocks).toHaveLength(1);
  });
});
