// Generates a synthetic skills tree of realistic size and mix: prose, tables, JSON and shell blocks.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILES_PER_SKILL = 10;

const COMMANDS = [
  'cargo-ai orchestration run get-metrics --workflow-uuid <uuid>',
  'cargo-ai orchestration run count --workflow-uuid <uuid> --statuses error',
  "cargo-ai segmentation segment fetch --model-uuid <uuid> --filter '{\"conjonction\":\"and\",\"groups\":[]}' --limit 10",
  'cargo-ai storage model list',
  'cargo-ai orchestration batch get <batch-uuid>',
  'cargo-ai ai agent list',
];

function prose(seed: number, sentences: number): string {
  const words = ['workflow', 'record', 'batch', 'segment', 'model', 'agent', 'connector', 'credits', 'release', 'node', 'filter', 'column'];
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const picked = Array.from({ length: 12 }, (_, j) => words[(seed * 7 + i * 3 + j * 5) % words.length]);
    out.push(`The ${picked.join(' ')} stays consistent across runs.`);
  }
  return out.join(' ');
}

function page(skill: string, index: number, links: string[]): string {
  const sections: string[] = [`# ${skill} page ${index}`, '', prose(index, 4), ''];
  for (let s = 0; s < 4; s++) {
    sections.push(`## Section ${s}`, '', prose(index + s, 3), '');
    sections.push('| Field | Type | Meaning |', '|---|---|---|');
    for (let r = 0; r < 5; r++) sections.push(`| field${r} | string | ${prose(r, 1)} |`);
    sections.push('', '```bash', `# step ${s}`, COMMANDS[(index + s) % COMMANDS.length], `${COMMANDS[(index + s + 1) % COMMANDS.length]} \\`, '  | jq .', '```', '');
    sections.push('```json', JSON.stringify({ uuid: '<uuid>', status: 'success', items: [{ index: s, value: 'x' }] }, null, 2), '```', '');
  }
  sections.push(...links.map((link) => `- [${link}](${link})`), '');
  return sections.join('\n');
}

/**
 * A page in the markdown other repositories are written in: setext headings, emphasis in headings and cells,
 * inline and block HTML, character references, autolinks, reference links, footnotes, nested lists and
 * quotes, indented code; every other one with CRLF line ends and a tab, as files from Windows editors have.
 */
function mixedPage(skill: string, index: number): string {
  const lines = [
    `Notes on ${skill}, page ${index}`,
    '=================================',
    '',
    `Setext prose with *emphasis*, **strong**, \`code\`, &amp; and &copy; references, <https://example.com/${skill}> and <kbd>inline</kbd> HTML.`,
    '',
    'A reference link',
    '----------------',
    '',
    'See [the skill][home] and the note below.[^note]',
    '',
    '[home]: ../SKILL.md',
    '',
    '<details>',
    '<summary>More</summary>',
    '',
    `Details of ${prose(index, 1)} with [a link](../SKILL.md).`,
    '',
    '</details>',
    '',
    '- first item',
    '  - nested *item* with `code`',
    '    > a quote inside the list',
    '- second item',
    '',
    '> A quote',
    '> > nested, with [a link](../SKILL.md)',
    '',
    '    indented code',
    index % 2 === 0 ? '    \tafter a tab' : '    more code',
    '',
    '## A table with **emphasis**',
    '',
    '| Field | Meaning |',
    '|---|---|',
    '| **name** | the _skill_ name &mdash; see <https://example.com> |',
    '',
    '[^note]: The footnote.',
    '',
  ];
  return lines.join(index % 2 === 0 ? '\r\n' : '\n');
}

const skillName = (index: number) => `skill-${String(index).padStart(5, '0')}`;

/**
 * A description that passes the description rules, as a real package's would: a job with a verb, four
 * quoted requests, words no other skill uses (made-up nouns unique to the skill), and a skip clause naming a
 * neighbour. Only those made-up words differ between skills; they end in letters no stemming rule strips,
 * so each stays its skill's own term.
 */
function description(index: number, skills: number): string {
  const tag = `q${index.toString(36)}`;
  const [a, b, c, d, e] = ['k', 'm', 'p', 't', 'v'].map((letter) => `${tag}${letter}`);
  const neighbour = skillName((index + 1) % skills);
  return `Tracks ${a} and ${b} for benchmark skill ${index}. Use when the user says "check ${a} totals", "count ${b} rows", "list ${c} owners", "sync ${d} ${e} sheets". For anything else, use ${neighbour} instead.`;
}

/** Writes `fileCount` markdown files (rounded up to whole skills) under `root`; returns the count written. */
export function writeCorpus(root: string, fileCount: number): number {
  const skills = Math.ceil(fileCount / FILES_PER_SKILL);
  let written = 0;
  for (let s = 0; s < skills; s++) {
    const name = skillName(s);
    const dir = path.join(root, name);
    mkdirSync(path.join(dir, 'references'), { recursive: true });
    const refs = Array.from({ length: FILES_PER_SKILL - 1 }, (_, i) => `references/page-${i}.md`);
    const frontmatter = [
      '---',
      `name: ${name}`,
      `description: ${description(s, skills)}`,
      'license: MIT',
      'compatibility: Requires @cargo-ai/cli (npm) and a Cargo account.',
      'metadata:',
      '  author: bench',
      '  version: "1.0.0"',
      '---',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'SKILL.md'), frontmatter + page(name, s, refs));
    written++;
    refs.forEach((ref, i) => {
      // The last page of each skill is written as other repositories write theirs.
      const text = i === refs.length - 1 ? mixedPage(name, s) : page(name, s + i + 1, [`../SKILL.md#${name}-page-${s}`]);
      writeFileSync(path.join(dir, ref), text);
      written++;
    });
  }
  return written;
}

/**
 * `skills` skills of one short SKILL.md each, for the description rules alone: with `alike`, every
 * description comes from one template and differs only by its number ("Synthetic skill 17 for speed
 * runs...", as a generated package reads), so every skill collides with every other; without, each has
 * its own words, as in `writeCorpus`. Returns the count of files written.
 */
export function writeDescriptionCorpus(root: string, skills: number, alike: boolean): number {
  for (let s = 0; s < skills; s++) {
    const name = skillName(s);
    mkdirSync(path.join(root, name));
    const text = alike ? `Synthetic skill ${s} for speed runs. Use when measuring; skip otherwise.` : description(s, skills);
    const frontmatter = ['---', `name: ${name}`, `description: ${JSON.stringify(text)}`, 'license: MIT', '---', ''].join('\n');
    writeFileSync(path.join(root, name, 'SKILL.md'), `${frontmatter}# ${name}\n\n${prose(s, 3)}\n`);
  }
  return skills;
}
