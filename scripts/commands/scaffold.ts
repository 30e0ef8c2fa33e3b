// `skill-lint new skill <name>` and `skill-lint new recipe <slug>`: the files a new skill or GTM recipe needs
// so that the package still lints without errors in the house profile. What only the author can write is
// left as placeholders in parentheses and angle brackets; the description rules warn about the description
// until it is written, and the pages say what belongs in them.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROUTER_SKILL } from '../extract/release-state.ts';
import { UsageError, readSkillFile } from '../load/files.ts';
import { parseDocument } from '../parse/document.ts';
import { writeAtomically } from './fix.ts';

/** The Agent Skills specification's `name`: lower-case letters and digits in hyphen-separated runs, at most 64. */
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_NAME = 64;
/** The skill that holds GTM recipes, and their folder in it (the recipe-listed rule's defaults). */
const RECIPE_SKILL = 'cargo-gtm';
const RECIPE_FOLDER = 'recipes';

export interface Scaffolded {
  /** Files written or changed, absolute. */
  written: string[];
}

function checkName(kind: string, name: string): void {
  if (!NAME.test(name) || name.length > MAX_NAME) {
    throw new UsageError(`invalid ${kind} name \`${name}\`: use lower-case letters, digits and single hyphens (at most ${MAX_NAME} characters), e.g. cargo-reports`);
  }
}

interface SkillFacts {
  license: string;
  compatibility: string;
  author: string;
  version: string;
}

/** Frontmatter values for a skills root without a router. */
const DEFAULT_FACTS: SkillFacts = { license: 'MIT', compatibility: 'Requires @cargo-ai/cli (npm) and a Cargo account.', author: 'cargo-skills', version: '1.0.0' };

/** What the new skill copies from the router: license, compatibility, author, and the bundle version. */
function routerFacts(root: string): SkillFacts | undefined {
  const file = path.join(root, ROUTER_SKILL, 'SKILL.md');
  if (!existsSync(file)) return undefined;
  const value = parseDocument(readSkillFile(file, root, path.dirname(file))).frontmatter.value as
    | { license?: unknown; compatibility?: unknown; metadata?: { author?: unknown; version?: unknown } }
    | undefined;
  const text = (field: unknown, fallback: string) => (typeof field === 'string' && field !== '' ? field : fallback);
  return {
    license: text(value?.license, DEFAULT_FACTS.license),
    compatibility: text(value?.compatibility, DEFAULT_FACTS.compatibility),
    author: text(value?.metadata?.author, DEFAULT_FACTS.author),
    version: text(value?.metadata?.version, DEFAULT_FACTS.version),
  };
}

function title(name: string): string {
  const words = name.split('-');
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}

/** Inserts `row` after the last line matching `pattern`; undefined when no line does. */
function insertAfterLast(text: string, pattern: RegExp, row: string): string | undefined {
  const lines = text.split('\n');
  let last = -1;
  lines.forEach((line, index) => {
    if (pattern.test(line)) last = index;
  });
  if (last < 0) return undefined;
  lines.splice(last + 1, 0, row);
  return lines.join('\n');
}

/** Writes a new skill folder (SKILL.md, troubleshooting and response-shapes pages) and lists it in the router. */
export function newSkill(root: string, name: string): Scaffolded {
  checkName('skill', name);
  if (!existsSync(root)) throw new UsageError(`skills root ${root} does not exist`);
  const dir = path.join(root, name);
  if (existsSync(dir)) throw new UsageError(`skill \`${name}\` already exists: ${dir}`);
  const facts = routerFacts(root);
  const router = path.join(root, ROUTER_SKILL, 'SKILL.md');
  // The router must list every skill; its catalog table is found before anything is written.
  let routerText: string | undefined;
  if (facts) {
    const row = `| [${name}](../${name}/SKILL.md) | (what to load it for) | "(a typical request)" |`;
    routerText = insertAfterLast(readFileSync(router, 'utf8'), /^\|\s*\[[^\]]+\]\(\.\.\/[^/)]+\/SKILL\.md\)/, row);
    if (routerText === undefined) throw new UsageError(`no skill table found in ${router} to list \`${name}\` in`);
  }
  const { license, compatibility, author, version } = facts ?? DEFAULT_FACTS;
  const hasPrerequisites = existsSync(path.join(root, ROUTER_SKILL, 'references', 'prerequisites.md'));
  const prerequisites = hasPrerequisites ? `\nInstall, sign-in, JSON output and error conventions: the router's [prerequisites](../${ROUTER_SKILL}/references/prerequisites.md).\n` : '';
  const skillMd = [
    '---',
    `name: ${name}`,
    'description: <What this skill does for the user, in one sentence>. Use when the user says "<request>", "<request>", "<request>" or "<request>". For <another job>, use <another skill>.',
    `license: ${yamlScalar(license)}`,
    `compatibility: ${yamlScalar(compatibility)}`,
    'metadata:',
    `  author: ${yamlScalar(author)}`,
    `  version: "${version}"`,
    '---',
    '',
    `# ${title(name)}`,
    '',
    '(One paragraph: the job this skill does, the CLI domain it covers, and which neighbouring skill to load instead for nearby requests.)',
    prerequisites,
    '## Commands',
    '',
    '(The commands of the job, each in a `bash` block with placeholders such as `<uuid>` for the values the user supplies. `skill-lint check` checks every one against the CLI.)',
    '',
    '## When a command fails',
    '',
    'Error reasons and what to do about each: [troubleshooting](references/troubleshooting.md).',
    '',
    '## What the commands print',
    '',
    'The JSON each command returns, and which fields to pass on: [response shapes](references/response-shapes.md).',
    '',
  ].join('\n');
  const troubleshooting = [
    `# Troubleshooting (${name})`,
    '',
    'A failed command exits non-zero and prints `{"errorMessage": "..."}`. Read the reason before retrying.',
    '',
    '## Reasons',
    '',
    '| Reason | Cause | What to do |',
    '| --- | --- | --- |',
    '| (reason) | (what causes it) | (what to do) |',
    '',
  ].join('\n');
  const responseShapes = [
    `# Response shapes (${name})`,
    '',
    'What each command prints on success, as JSON on stdout. Keys whose value is null are left out of most answers.',
    '',
    '## (command)',
    '',
    '```json',
    '{"uuid": "<uuid>"}',
    '```',
    '',
  ].join('\n');
  const written: string[] = [];
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeAtomically(file, text);
    written.push(file);
  };
  write(path.join(dir, 'SKILL.md'), skillMd);
  write(path.join(dir, 'references', 'troubleshooting.md'), troubleshooting);
  write(path.join(dir, 'references', 'response-shapes.md'), responseShapes);
  if (routerText !== undefined) write(router, routerText);
  return { written };
}

/** Writes a GTM recipe page and lists it in the recipe table of cargo-gtm's SKILL.md and in the README. */
export function newRecipe(root: string, slug: string, readme = path.join(root, '..', 'README.md')): Scaffolded {
  checkName('recipe', slug);
  const skillDir = path.join(root, RECIPE_SKILL);
  const skillFile = path.join(skillDir, 'SKILL.md');
  if (!existsSync(skillFile)) throw new UsageError(`no ${RECIPE_SKILL} skill in ${root} to add a recipe to`);
  const file = path.join(skillDir, RECIPE_FOLDER, `${slug}.md`);
  if (existsSync(file)) throw new UsageError(`recipe \`${slug}\` already exists: ${file}`);
  const name = title(slug);
  const link = `${RECIPE_FOLDER}/${slug}.md`;
  const skillText = insertAfterLast(readFileSync(skillFile, 'utf8'), /^\|\s*\[[^\]]+\]\(recipes\/[^)]+\.md\)/, `| [${name}](${link}) | (what the user wants) | (what they start from) |`);
  if (skillText === undefined) throw new UsageError(`no recipe table found in ${skillFile} to list \`${slug}\` in`);
  const readmeLine = `- [${name}](${path.relative(path.dirname(readme), file).split(path.sep).join('/')})`;
  const readmeText = existsSync(readme) ? readFileSync(readme, 'utf8') : undefined;
  const newReadme =
    readmeText === undefined
      ? undefined
      : (insertAfterLast(readmeText, new RegExp(`\\(${escapeRegExp(path.relative(path.dirname(readme), path.join(skillDir, RECIPE_FOLDER)).split(path.sep).join('/'))}/[^)]+\\.md\\)`), readmeLine) ??
        `${readmeText.replace(/\n*$/, '\n')}\n## GTM recipes\n\n${readmeLine}\n`);
  const page = [
    `# Recipe: ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
    '',
    'Goal: (the outcome in one sentence, and two or three requests a user would make for it, in quotes).',
    '',
    '## Inputs to collect',
    '',
    '- (What the user must give before anything runs: a segment, a persona, a volume.)',
    '',
    '## Plan',
    '',
    '### 1. (First step)',
    '',
    '(Each step: one `cargo-ai` command in a `bash` block, what it returns, and what to check before the next step. Pilot on a few records before a batch.)',
    '',
    '## Credits',
    '',
    '(What the plan costs, per record and in total, from the action catalog.)',
    '',
    '## Check the result',
    '',
    '(How the user sees that it worked.)',
    '',
  ].join('\n');
  const written: string[] = [];
  mkdirSync(path.dirname(file), { recursive: true });
  writeAtomically(file, page);
  written.push(file);
  writeAtomically(skillFile, skillText);
  written.push(skillFile);
  if (newReadme !== undefined) {
    writeAtomically(readme, newReadme);
    written.push(readme);
  }
  return { written };
}

/** A value as a plain YAML scalar when it reads back as itself, else double-quoted (JSON is valid YAML there). */
function yamlScalar(value: string): string {
  const plain = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n]*$/.test(value) && !/: |\s#|\s$/.test(value) && !/^(?:true|false|yes|no|null|~|[\d.]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
