// Library behind `skill-lint route` and `skill-lint route --eval`: read a skills folder's descriptions,
// rank one request, or score a JSONL file of requests with their expected skill.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type Ranked, type RoutingIndex, type SkillText, buildIndex, rankSkills } from './ranker.ts';
import { termWords, terms } from '../../extract/text.ts';

/** Bad input for routing (missing folder, malformed case line): the message names the file and line. */
export class RoutingInputError extends Error {}

export interface LoadedSkills {
  skills: SkillText[];
  /** SKILL.md files that could not be used, with the reason ("path: reason"). */
  problems: string[];
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Reads `<root>/<dir>/SKILL.md` for every sub-folder; a single skill folder works too. */
export function loadSkillTexts(skillsRoot: string): LoadedSkills {
  if (!existsSync(skillsRoot) || !statSync(skillsRoot).isDirectory()) {
    throw new RoutingInputError(`${skillsRoot}: not a folder`);
  }
  const dirs = existsSync(path.join(skillsRoot, 'SKILL.md'))
    ? [skillsRoot]
    : readdirSync(skillsRoot, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => path.join(skillsRoot, entry.name))
        .sort();
  const skills: SkillText[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, 'SKILL.md');
    if (!existsSync(file)) continue;
    const match = FRONTMATTER.exec(readFileSync(file, 'utf8'));
    if (!match) {
      problems.push(`${file}: no frontmatter`);
      continue;
    }
    let value: unknown;
    try {
      value = parseYaml(match[1], { maxAliasCount: 50 });
    } catch (error) {
      problems.push(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const fields = (value ?? {}) as { name?: unknown; description?: unknown };
    if (typeof fields.description !== 'string' || !fields.description.trim()) {
      problems.push(`${file}: no description`);
      continue;
    }
    const name = typeof fields.name === 'string' && fields.name ? fields.name : path.basename(dir);
    skills.push({ name, description: fields.description });
  }
  if (skills.length === 0 && problems.length === 0) throw new RoutingInputError(`${skillsRoot}: no SKILL.md found`);
  return { skills, problems };
}

export interface RouteOptions {
  skillsRoot: string;
  request: string;
  /** How many skills to print (default 3). */
  top?: number;
}

/**
 * A term as the request wrote it: terms are stems ("invoic"), and a pair is two joined by `_`. A term the
 * request did not write (a synonym's) is shown as the ranker knows it.
 */
function termLabel(term: string, written: Map<string, string>): string {
  return term
    .split('_')
    .map((part) => written.get(part) ?? part)
    .join(' ');
}

export function formatRanking(request: string, ranking: Ranked[], top = 3): string {
  const written = new Map<string, string>();
  for (const { term, word } of termWords(request)) if (!written.has(term)) written.set(term, word);
  const shown = ranking.slice(0, Math.max(1, top));
  const width = Math.max(...shown.map((r) => r.skill.length));
  const lines = [`request: ${JSON.stringify(request)}`];
  shown.forEach((r, i) => {
    const deciding = r.terms
      .slice(0, 5)
      .map((t) => `${termLabel(t.term, written)} ${t.contribution.toFixed(2)}`)
      .join(', ');
    lines.push(`${String(i + 1).padStart(2)}. ${r.skill.padEnd(width)}  ${r.score.toFixed(2).padStart(6)}  ${deciding || '(no matching terms)'}`);
  });
  if (ranking.length > 0 && ranking[0].score === 0) lines.push('no skill shares a term with this request');
  return lines.join('\n');
}

/** Text for `skill-lint route "<request>"`: the top skills with scores and the terms that decided. */
export function routeCommand(options: RouteOptions): string {
  const { skills, problems } = loadSkillTexts(options.skillsRoot);
  const ranking = rankSkills(buildIndex(skills), options.request);
  const text = formatRanking(options.request, ranking, options.top ?? 3);
  return `${problems.length ? `${text}\nskipped:\n${problems.map((p) => `  ${p}`).join('\n')}` : text}\n`;
}

export interface RoutingCase {
  prompt: string;
  expect: string;
  why?: string;
  /** 1-based line in the case file. */
  line: number;
}

export interface Miss {
  prompt: string;
  expect: string;
  winner: string;
  /** 1-based rank of the expected skill; null when no skill of that name exists. */
  expectedRank: number | null;
  line: number;
}

export interface Evaluation {
  total: number;
  /** Cases whose expected skill ranked first. */
  top1: number;
  /** Cases whose expected skill ranked in the first three. */
  top3: number;
  misses: Miss[];
  /**
   * Cases quoted (nearly) verbatim as a trigger phrase of some description: at least 80% of the
   * request's terms inside one phrase. They measure recall of the phrases, not generalisation.
   */
  quoted: number;
  /** First-place hits among the cases that are not quoted. */
  unquotedTop1: number;
  /** Per expected skill: cases and first-place hits. */
  perSkill: Record<string, { total: number; top1: number }>;
  /** Skills that could not be read. */
  problems: string[];
}

export function readCases(casesFile: string): RoutingCase[] {
  let text: string;
  try {
    text = readFileSync(casesFile, 'utf8');
  } catch (error) {
    throw new RoutingInputError(`${casesFile}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const cases: RoutingCase[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new RoutingInputError(`${casesFile}:${line}: invalid JSON: ${(error as Error).message}`);
    }
    const entry = value as Partial<RoutingCase>;
    if (typeof entry?.prompt !== 'string' || typeof entry.expect !== 'string' || !entry.prompt.trim()) {
      throw new RoutingInputError(`${casesFile}:${line}: each line needs string fields "prompt" and "expect"`);
    }
    cases.push({ prompt: entry.prompt, expect: entry.expect, ...(typeof entry.why === 'string' ? { why: entry.why } : {}), line });
  });
  if (cases.length === 0) throw new RoutingInputError(`${casesFile}: no cases (one {"prompt", "expect"} JSON object a line)`);
  return cases;
}

const QUOTED_SHARE = 0.8;

function isQuoted(index: RoutingIndex, prompt: string): boolean {
  const wanted = terms(prompt);
  if (wanted.length === 0) return false;
  return index.skills.some((skill) =>
    skill.triggerTerms.some((phrase) => wanted.filter((term) => phrase.has(term)).length / wanted.length >= QUOTED_SHARE),
  );
}

export function evaluateIndex(index: RoutingIndex, cases: RoutingCase[]): Omit<Evaluation, 'problems'> {
  const result: Omit<Evaluation, 'problems'> = { total: cases.length, top1: 0, top3: 0, quoted: 0, unquotedTop1: 0, misses: [], perSkill: {} };
  for (const testCase of cases) {
    const quoted = isQuoted(index, testCase.prompt);
    if (quoted) result.quoted++;
    const ranking = rankSkills(index, testCase.prompt);
    const position = ranking.findIndex((r) => r.skill === testCase.expect);
    const rank = position === -1 ? null : position + 1;
    const bucket = (result.perSkill[testCase.expect] ??= { total: 0, top1: 0 });
    bucket.total++;
    if (rank === 1) {
      result.top1++;
      if (!quoted) result.unquotedTop1++;
      bucket.top1++;
    } else {
      result.misses.push({ prompt: testCase.prompt, expect: testCase.expect, winner: ranking[0]?.skill ?? '', expectedRank: rank, line: testCase.line });
    }
    if (rank !== null && rank <= 3) result.top3++;
  }
  return result;
}

export function evaluateCases(options: { skillsRoot: string; casesFile: string }): Evaluation {
  const { skills, problems } = loadSkillTexts(options.skillsRoot);
  return { ...evaluateIndex(buildIndex(skills), readCases(options.casesFile)), problems };
}

function percent(part: number, total: number): string {
  return total === 0 ? 'n/a' : `${((100 * part) / total).toFixed(1)}%`;
}

export function formatEvaluation(evaluation: Evaluation): string {
  const { total, top1, top3 } = evaluation;
  const lines = [`routing: ${total} cases, top-1 ${top1}/${total} (${percent(top1, total)}), top-3 ${top3}/${total} (${percent(top3, total)})`];
  if (evaluation.quoted > 0) {
    const rest = total - evaluation.quoted;
    lines.push(
      `  ${evaluation.quoted} cases are quoted nearly verbatim in a description; top-1 on the other ${rest}: ${evaluation.unquotedTop1}/${rest} (${percent(evaluation.unquotedTop1, rest)})`,
    );
  }
  for (const [skill, stats] of Object.entries(evaluation.perSkill).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  ${skill.padEnd(28)} ${stats.top1}/${stats.total}`);
  }
  if (evaluation.misses.length) {
    lines.push('misses:');
    for (const miss of evaluation.misses) {
      const rank = miss.expectedRank === null ? 'no such skill' : `expected ranked #${miss.expectedRank}`;
      lines.push(`  line ${miss.line}: ${JSON.stringify(miss.prompt)} → ${miss.winner} (want ${miss.expect}, ${rank})`);
    }
  }
  for (const problem of evaluation.problems) lines.push(`skipped ${problem}`);
  return `${lines.join('\n')}\n`;
}
