import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RoutingInputError, evaluateCases, formatEvaluation, loadSkillTexts, readCases, routeCommand } from '../../scripts/commands/route/evaluate.ts';

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'route-'));
  roots.push(root);
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
  }
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const SKILLS = {
  'skills/acme-billing/SKILL.md': '---\nname: acme-billing\ndescription: Reports credits and invoices. Use when the user says "credits left", "download the invoice".\n---\n',
  'skills/acme-hosting/SKILL.md': '---\nname: acme-hosting\ndescription: >\n  Deploys apps and workers with custom domains.\n  Use when the user says "deploy my app".\n---\n',
};

describe('loadSkillTexts', () => {
  it('reads every skill folder, folded YAML included, sorted by folder', () => {
    const root = tree(SKILLS);
    const { skills, problems } = loadSkillTexts(path.join(root, 'skills'));
    expect(skills.map((s) => s.name)).toEqual(['acme-billing', 'acme-hosting']);
    expect(skills[1].description).toBe('Deploys apps and workers with custom domains. Use when the user says "deploy my app".\n');
    expect(problems).toEqual([]);
  });

  it('lists unusable SKILL.md files instead of failing', () => {
    const root = tree({
      ...SKILLS,
      'skills/broken/SKILL.md': '---\ndescription: [unclosed\n---\n',
      'skills/bare/SKILL.md': '# no frontmatter\n',
      'skills/empty/SKILL.md': '---\nname: empty\n---\n',
      'skills/notes/README.md': 'not a skill',
    });
    const { skills, problems } = loadSkillTexts(path.join(root, 'skills'));
    expect(skills).toHaveLength(2);
    expect(problems.map((p) => p.replace(/^.*skills\//, ''))).toEqual([
      'bare/SKILL.md: no frontmatter',
      expect.stringMatching(/^broken\/SKILL\.md: invalid YAML/),
      'empty/SKILL.md: no description',
    ]);
  });

  it('rejects a missing folder or a folder without skills', () => {
    expect(() => loadSkillTexts('/nonexistent/skills')).toThrow(RoutingInputError);
    expect(() => loadSkillTexts(tree({ 'x.txt': '' }))).toThrow(/no SKILL\.md found/);
  });
});

describe('routeCommand', () => {
  it('prints the top skills with scores and deciding terms', () => {
    const text = routeCommand({ skillsRoot: path.join(tree(SKILLS), 'skills'), request: 'download the invoice', top: 2 });
    expect(text).toMatch(/[^\n]\n$/);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('request: "download the invoice"');
    // The deciding terms as the request wrote them, not their stems ("invoic").
    expect(lines[1]).toMatch(/^ 1\. acme-billing +\d+\.\d\d +(?:download invoice|invoice) \d+\.\d\d/);
    expect(lines[1]).not.toMatch(/\binvoic\b/);
    expect(lines[2]).toMatch(/^ 2\. acme-hosting +0\.00 +\(no matching terms\)$/);
    expect(lines).toHaveLength(3);
  });

  it('says so when nothing matches', () => {
    expect(routeCommand({ skillsRoot: path.join(tree(SKILLS), 'skills'), request: 'zebra' })).toMatch(/no skill shares a term/);
  });
});

describe('evaluateCases', () => {
  it('counts top-1 and top-3 hits and lists the misses with the expected rank', () => {
    const root = tree({
      ...SKILLS,
      'cases.jsonl': [
        '{"prompt": "how many credits are left", "expect": "acme-billing"}',
        '',
        '{"prompt": "deploy my app", "expect": "acme-hosting", "why": "deploy"}',
        '{"prompt": "download the invoice for my app deploy", "expect": "acme-hosting"}',
        '{"prompt": "anything", "expect": "acme-ghost"}',
      ].join('\n'),
    });
    const result = evaluateCases({ skillsRoot: path.join(root, 'skills'), casesFile: path.join(root, 'cases.jsonl') });
    expect(result).toMatchObject({ total: 4, top1: 2, top3: 3, quoted: 1, unquotedTop1: 1, problems: [] });
    expect(result.misses).toEqual([
      { prompt: 'download the invoice for my app deploy', expect: 'acme-hosting', winner: 'acme-billing', expectedRank: 2, line: 4 },
      { prompt: 'anything', expect: 'acme-ghost', winner: 'acme-billing', expectedRank: null, line: 5 },
    ]);
    expect(result.perSkill).toEqual({ 'acme-billing': { total: 1, top1: 1 }, 'acme-hosting': { total: 2, top1: 1 }, 'acme-ghost': { total: 1, top1: 0 } });
    const text = formatEvaluation(result);
    expect(text).toMatch(/^routing: 4 cases, top-1 2\/4 \(50\.0%\), top-3 3\/4 \(75\.0%\)/);
    // "deploy my app" is one of the description's own phrases: it is counted apart.
    expect(text).toContain('1 cases are quoted nearly verbatim in a description; top-1 on the other 3: 1/3 (33.3%)');
    expect(text).toContain('line 4: "download the invoice for my app deploy" → acme-billing (want acme-hosting, expected ranked #2)');
    expect(text).toContain('(want acme-ghost, no such skill)');
  });

  it('names the file and line of a malformed case', () => {
    const root = tree({ 'a.jsonl': '{"prompt": "x", "expect": "y"}\n{"prompt": "x"\n', 'b.jsonl': '{"prompt": "x"}\n' });
    expect(() => readCases(path.join(root, 'a.jsonl'))).toThrow(/a\.jsonl:2: invalid JSON/);
    expect(() => readCases(path.join(root, 'b.jsonl'))).toThrow(/b\.jsonl:1: each line needs string fields "prompt" and "expect"/);
    expect(() => readCases(path.join(root, 'missing.jsonl'))).toThrow(/missing\.jsonl: cannot read: ENOENT/);
  });
});
