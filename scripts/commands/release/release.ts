// `skill-lint release --bump patch|minor|major`: bump the versions that must move and write the changelog.
//
// Policy (versions in lockstep with one bundle version, the router's `metadata.version`):
// - The new bundle version is the router's version at the last `v*` tag, bumped by `--bump`
//   (before the first tag: the router's current version, bumped).
// - The router always takes the new bundle version.
// - Every skill whose shipping files changed since the tag (every skill before the first tag) takes the
//   new bundle version too; unchanged skills keep theirs. A skill's version is therefore the bundle
//   release in which it last changed, never above the bundle version.
// - Only shipping files count (what `package` selects: SKILL.md and the pages it reaches by links).
// - CHANGELOG.md at the repository root gets a section for the new version, listing each changed skill,
//   its old and new version, its changed files and the commit subjects. Sections of releases never tagged
//   (above the tag's version) are replaced: running `release` again before tagging redoes that release
//   from the same base, with no second bump and no stale section.
// - Refuses when the tree does not lint clean (the release-version rule aside: a release is what
//   satisfies it), when the skills have uncommitted changes (unless `allowDirty`), when nothing changed
//   since the tag, or when there is no git work tree. It does not commit or tag: it returns the tag to
//   create (`v<version>`).
import { existsSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Skill } from '../../core/types.ts';
import { lintParallel } from '../../engine/lint.ts';
import { sortDiagnostics } from '../../engine/run-rules.ts';
import { cargoApiVersion } from '../package/package.ts';
import { packageDiagnostic } from '../../extract/shipped-files.ts';
import { ROUTER_SKILL, type SkillChange, commitSubjects, readText, relativeDir, releaseState, uncommittedFiles, versionAtTag, versionOf, versionOfDocument } from '../../extract/release-state.ts';
import { type Bump, bumpVersion, compareVersions, parseVersion } from '../../core/semver.ts';
import { allRules } from '../../rules/index.ts';

export interface ReleaseOptions {
  /** Repository root: holds the skills folder and CHANGELOG.md. */
  root: string;
  bump: Bump;
  /** Skills folder, relative to `root` (default `skills`). */
  skills?: string;
  /** Date written in the changelog heading, YYYY-MM-DD (default: today, UTC). */
  date?: string;
  /** Release even when the skills folder has uncommitted changes (only shipping files count either way). */
  allowDirty?: boolean;
  configPath?: string;
}

export interface ReleasedSkill {
  name: string;
  from: string | null;
  to: string;
  files: string[];
}

export interface ReleaseResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The new bundle version and the tag to create for it. */
  version?: string;
  previousVersion?: string | null;
  tag?: string;
  skills: ReleasedSkill[];
  /** Absolute paths of the files rewritten. */
  written: string[];
}

export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  if (options.date !== undefined && !isCalendarDate(options.date)) throw new ReleaseDateError(options.date);
  const root = path.resolve(options.root);
  const skillsDir = path.resolve(root, options.skills ?? 'skills');
  const fail = (diagnostics: Diagnostic[]): ReleaseResult => ({ ok: false, diagnostics: sortDiagnostics(diagnostics), skills: [], written: [] });
  const refuse = (file: string, message: string, hint?: string) => fail([packageDiagnostic(file, root, message, hint)].map((d) => ({ ...d, ruleId: 'release' })));

  const linted = await lintParallel({ rules: allRules, paths: [skillsDir], profile: 'cargo', cwd: root, configPath: options.configPath });
  // The release-version findings are what this release is about to fix.
  const diagnostics = linted.diagnostics.filter((d) => d.ruleId !== 'release-version');
  const project = linted.project;
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics);

  const router = project.skills.find((skill) => skill.name === ROUTER_SKILL);
  if (!router) return refuse(skillsDir, `no router skill \`${ROUTER_SKILL}\`: its metadata.version is the bundle version`);
  const state = releaseState(project);
  if (!state) return refuse(skillsDir, 'a release needs the git history of the skills (no git work tree here)');
  if (!options.allowDirty) {
    const dirty = uncommittedFiles(state.top, [path.relative(state.top, realpathSync(skillsDir)) || '.']) ?? [];
    if (dirty.length > 0) {
      const shown = dirty.slice(0, 3).join(', ') + (dirty.length > 3 ? `, and ${dirty.length - 3} more` : '');
      return refuse(skillsDir, `the skills have uncommitted changes (${shown}); a release describes committed work`, 'commit or remove them, or pass --allow-dirty (only shipping files count)');
    }
  }
  if (state.changes.length === 0) return refuse(skillsDir, `nothing changed in the skills since ${state.tag}`, 'there is nothing to release');

  const changelogPath = path.join(root, 'CHANGELOG.md');
  const existing = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
  const current = versionOfDocument(router.doc);
  const tagged = state.tag ? versionAtTag(state, router) : null;
  // Releases written since the tag but never tagged: this run replaces them, from the same base.
  const untagged = changelogSections(existing).filter((section) => !tagged || (compareVersions(section.version, tagged) ?? 0) > 0);
  const firstBase = untagged.length > 0 ? untagged[untagged.length - 1].firstReleaseBase : undefined;
  const base = state.tag ? tagged ?? current : firstBase ?? current;
  if (!base || !parseVersion(base)) return refuse(router.doc.file.path, `the router's metadata.version (${base ?? 'missing'}) is not a MAJOR.MINOR.PATCH version`);
  const version = bumpVersion(base, options.bump);
  const ownRelease = (candidate: string | null) => candidate !== null && untagged.some((section) => section.version === candidate);
  if (current && (compareVersions(current, version) ?? 0) > 0 && !ownRelease(current)) {
    return refuse(router.doc.file.path, `the bundle version is already ${current}, above the ${version} that --bump ${options.bump} gives from ${base}`, 'choose a larger bump');
  }

  const moving: SkillChange[] = state.changes.some((change) => change.skill === router)
    ? state.changes
    : [...state.changes, { skill: router, files: [], previous: state.tag ? base : null }];
  const edits = new Map<string, string>();
  const setVersion = (skill: Skill, to: string): string | undefined => {
    const text = readText(skill.doc.file.path);
    const { span } = versionOf(text);
    if (!span) return undefined;
    const raw = readFileSync(skill.doc.file.path, 'utf8');
    // The parsed text has its byte-order mark removed; offsets are shifted back onto the file's own text.
    const shift = raw.length - text.length;
    edits.set(skill.doc.file.path, `${raw.slice(0, span.start.offset + shift)}"${to}"${raw.slice(span.end.offset + shift)}`);
    return to;
  };
  const released: ReleasedSkill[] = [];
  for (const change of [...moving].sort((a, b) => (a.skill.name < b.skill.name ? -1 : 1))) {
    if (!setVersion(change.skill, version)) return refuse(change.skill.doc.file.path, `\`${change.skill.name}\` has no metadata.version to bump`);
    released.push({ name: change.skill.name, from: change.previous, to: version, files: change.files });
  }
  // A skill an untagged release moved that no longer changes goes back to its version at the tag.
  for (const skill of project.skills) {
    if (moving.some((change) => change.skill === skill) || !ownRelease(versionOfDocument(skill.doc))) continue;
    const before = versionAtTag(state, skill);
    if (before) setVersion(skill, before);
  }

  const section = changelogSection({
    version,
    base,
    previous: state.tag ? base : null,
    tag: state.tag,
    date: options.date ?? new Date().toISOString().slice(0, 10),
    api: cargoApiVersion(),
    skills: released,
    subjects: (name) => {
      const skill = project.skills.find((candidate) => candidate.name === name)!;
      return state.tag ? commitSubjects(state.top, state.tag, relativeDir(state.top, skill)) : [];
    },
  });
  edits.set(changelogPath, insertSection(existing, version, section, untagged.map((stale) => stale.version)));

  // Every new text is computed before the first write, and each file is replaced by a rename.
  for (const [file, text] of edits) {
    const temp = `${file}.release-${process.pid}`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  }
  return { ok: true, diagnostics, version, previousVersion: state.tag ? base : null, tag: `v${version}`, skills: released, written: [...edits.keys()] };
}

interface SectionInput {
  version: string;
  /** The version bumped from: the tag's, or before the first tag the router's. */
  base: string;
  previous: string | null;
  tag?: string;
  date: string;
  api: string | null;
  skills: ReleasedSkill[];
  subjects(name: string): string[];
}

export function changelogSection(input: SectionInput): string {
  const lines = [`## ${input.version} - ${input.date}`, ''];
  // The first release names its base, so that running it again before tagging starts from the same one.
  const since = input.tag ? `Changes since ${input.tag}` : `First release, from bundle version ${input.base}`;
  lines.push(`${since}; examples checked against \`@cargo-ai/api\` ${input.api ?? '(unknown)'}.`, '');
  for (const skill of input.skills) {
    const from = skill.from ? `${skill.from} → ${skill.to}` : `${skill.to} (new)`;
    const files = skill.files.length > 0 ? `: ${skill.files.map((file) => `\`${file}\``).join(', ')}` : skill.name === ROUTER_SKILL ? ' (bundle version)' : '';
    lines.push(`- **${skill.name}** ${from}${files}`);
    for (const subject of [...new Set(input.subjects(skill.name))]) lines.push(`  - ${subject}`);
  }
  return `${lines.join('\n')}\n`;
}

interface ChangelogSection {
  version: string;
  /** The base a first release recorded ("First release, from bundle version 1.2.0"). */
  firstReleaseBase?: string;
}

const SECTION_HEADING = /^## (\d+\.\d+\.\d+)(?: |$)/;

/** The release sections of a changelog, newest (topmost) first. */
function changelogSections(text: string | undefined): ChangelogSection[] {
  const sections: ChangelogSection[] = [];
  for (const line of (text ?? '').split('\n')) {
    const heading = SECTION_HEADING.exec(line);
    if (heading) sections.push({ version: heading[1] });
    const first = /^First release, from bundle version (\d+\.\d+\.\d+);/.exec(line);
    if (first && sections.length > 0) sections[sections.length - 1].firstReleaseBase = first[1];
  }
  return sections;
}

/**
 * Puts the section at the top of the changelog (under its title), replacing an older one for the same
 * version and removing those of `stale` versions (releases written but never tagged).
 */
export function insertSection(existing: string | undefined, version: string, section: string, stale: string[] = []): string {
  const text = existing ?? '# Changelog\n\nEvery release of the skills bundle, newest first. Written by `skill-lint release`.\n';
  const heading = (line: string) => line.startsWith('## ');
  const dropped = new Set([version, ...stale]);
  const lines: string[] = [];
  let dropping = false;
  for (const line of text.split('\n')) {
    if (heading(line)) dropping = dropped.has(SECTION_HEADING.exec(line)?.[1] ?? line.slice(3).trim());
    if (!dropping) lines.push(line);
  }
  const first = lines.findIndex(heading);
  const at = first >= 0 ? first : lines.length;
  const before = lines.slice(0, at).join('\n').replace(/\n+$/, '');
  const after = lines.slice(at).join('\n').replace(/\n+$/, '');
  return `${before}\n\n${section.trimEnd()}\n${after ? `\n${after}\n` : ''}`;
}

/** A `--date` that is not a real calendar day. */
export class ReleaseDateError extends Error {
  constructor(date: string) {
    super(`--date must be a calendar date written YYYY-MM-DD, not ${date}`);
  }
}

/** YYYY-MM-DD naming a day that exists (2026-02-30 and 2026-13-45 do not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
