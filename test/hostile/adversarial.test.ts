// Files crafted to crash, hang or mislead a linter: each gives diagnostics or passes, never a crash.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../scripts/engine/lint.ts';
import { MAX_PARSE_BYTES } from '../../scripts/load/files.ts';
import { skillMd } from '../rule-tester.ts';
import { allRules } from '../../scripts/rules/index.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'skill-lint-hostile-'));
  roots.push(root);
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
  }
  return root;
}

// Description rules grade wording, which these files do not try to get right.
const run = (root: string) => lint({ rules: allRules, paths: ['.'], cwd: root }).diagnostics.filter((d) => !d.ruleId.startsWith('description-'));
const ids = (root: string) => run(root).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);

describe('hostile input', () => {
  it('rejects a YAML alias bomb with a diagnostic', () => {
    const bomb = ['---', 'name: a', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [index, letter] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const previous = index === 0 ? 'a' : ['b', 'c', 'd', 'e', 'f', 'g', 'h'][index - 1];
      bomb.push(`${letter}: &${letter} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const root = tree({ 'a/SKILL.md': `${bomb.join('\n')}\n---\n# A\n` });
    expect(run(root).map((d) => d.ruleId)).toEqual(['frontmatter-syntax']);
    expect(run(root)[0].message).toMatch(/alias|Invalid YAML/i);
  });

  it('rejects deeply nested YAML with a diagnostic', () => {
    const root = tree({ 'a/SKILL.md': `---\nname: a\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n# A\n` });
    const [finding, ...rest] = run(root);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'frontmatter-syntax', file: 'a/SKILL.md', line: 3 });
  });

  it('reports a 20 MB markdown file without parsing it', () => {
    const paragraph = 'Plain prose with a [link](https://example.com) and `cargo-ai whoami` inline.\n\n';
    const root = tree({
      'a/SKILL.md': skillMd('a', '# A\n\n[big](references/big.md)\n'),
      'a/references/big.md': paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length)),
    });
    expect(run(root).map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual(['a/references/big.md file-encoding File is 20.0 MB; files over 1 MB are not parsed']);
  });

  it('parses a file of exactly the limit, and refuses one byte more', () => {
    const body = (size: number) => `\`\`\`text\n${'x'.repeat(size - 13)}\n\`\`\`\n`;
    const root = tree({
      'a/SKILL.md': skillMd('a', '# A\n\n[at](references/at.md) [over](references/over.md)\n'),
      'a/references/at.md': body(MAX_PARSE_BYTES),
      'a/references/over.md': body(MAX_PARSE_BYTES + 1),
    });
    expect(ids(root)).toEqual(['a/references/over.md:1:1 file-encoding']);
  }, 60_000);

  it('checks ten thousand links on one page, each at its own position', () => {
    const links = Array.from({ length: 10_000 }, (_, i) => `[l${i}](missing-${i}.md)`).join('\n');
    const found = run(tree({ 'a/SKILL.md': skillMd('a', `# A\n\n${links}\n`) }));
    expect(found.filter((d) => d.ruleId === 'link-target')).toHaveLength(10_000);
    expect(found.at(-1)).toMatchObject({ line: 10_011, column: 1 });
  }, 60_000);

  it('extracts a command of ten thousand continuation lines', () => {
    const lines = ['cargo-ai orchestration run list \\', ...Array.from({ length: 10_000 }, () => '  --limit 1 \\'), '  --offset 0'];
    const root = tree({ 'a/SKILL.md': skillMd('a', `# A\n\n\`\`\`bash\n${lines.join('\n')}\n\`\`\`\n`) });
    const result = lint({ rules: allRules, paths: ['.'], cwd: root });
    const invocations = [...result.project.invocations.values()].flat();
    expect(invocations).toHaveLength(1);
    expect(invocations[0].args.length).toBeGreaterThan(20_000);
    expect(invocations[0].args.at(-1)?.span.start).toMatchObject({ line: 10_014, column: 12 });
  }, 60_000);

  it('reports invalid UTF-8 and NUL bytes instead of parsing them', () => {
    const root = tree({
      'a/SKILL.md': skillMd('a', '# A\n\n[x](references/x.md) [y](references/y.md)\n'),
      'a/references/x.md': Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]),
      'a/references/y.md': Buffer.from('# Y\n\u0000\n'),
    });
    expect(ids(root)).toEqual(['a/references/x.md:1:1 file-encoding', 'a/references/y.md:1:1 file-encoding']);
  });

  it('reports a symlink loop and a symlink out of the tree without following them', () => {
    const root = tree({ 'a/SKILL.md': skillMd('a') });
    symlinkSync('loop', path.join(root, 'a/loop'));
    mkdirSync(path.join(root, 'a/references'));
    symlinkSync('/etc', path.join(root, 'a/references/etc'));
    expect(ids(root)).toEqual(['a/loop:1:1 symlink', 'a/references/etc:1:1 symlink']);
  });

  it('survives deep nesting in markdown', () => {
    const root = tree({ 'a/SKILL.md': skillMd('a', `# A\n\n${'>'.repeat(20_000)} deep\n\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`) });
    expect(() => run(root)).not.toThrow();
  }, 60_000);

  it('handles CRLF, a byte-order mark, an empty file and an unterminated fence', () => {
    const root = tree({
      'a/SKILL.md': `\uFEFF${skillMd('a', '# A\r\n\r\n[r](references/r.md) [e](references/e.md) [f](references/f.md)\r\n').replace(/\n/g, '\r\n')}`,
      'a/references/r.md': '# R\r\n\r\n```bash\r\ncargo-ai whoami\r\n```\r\n',
      'a/references/e.md': '',
      'a/references/f.md': '# F\n\n```bash\ncargo-ai whoami\n',
    });
    expect(ids(root)).toEqual(['a/references/f.md:3:1 code-fence']);
  });
});
