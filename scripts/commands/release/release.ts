// `skill-lint release --bump patch|minor|major`: bump the versions that must move and write the changelog.
//
// Policy (versions in lockstep with one bundle version, the router's `metadata.version`):
// - The new bundle version is the router's version at the last `v*` tag, bumped by `--bump`
//   (before the first tag: the router's current version, bumped).
// - The router always takes the new bundle version.
// - Every skill whose shipping files changed since the tag (every skill before the first tag) takes the
//   new bundle version too; unchanged skills keep theirs. A skill's version is therefore the bundle
//   release in which it last changed, never above the bundle version.
// - CHANGELOG.md at the repository root gets a section for the new version (replaced if it exists),
//   listing each changed skill, its old and new version, its changed files and the commit subjects.
// - Refuses when the tree does not lint clean (the release-version rule aside: a release is what
//   satisfies it), when nothing changed since the tag, or when there is no git work tree. It does not
//   commit or tag: it returns the tag to create (`v<version>`).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../core/types.ts';
import { lintParallel } from '../../engine/lint.ts';
import { sortDiagnostics } from '../../engine/run-rules.ts';
import { cargoApiVersion } from '../package/package.ts';
import { packageDiagnostic } from '../../extract/shipped-files.ts';
import { ROUTER_SKILL, type SkillChange, commitSubjects, readText, relativeDir, releaseState, versionAtTag, versionOf, versionOfDocument } from '../../extract/release-state.ts';
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
  if (state.changes.length === 0) return refuse(skillsDir, `nothing changed in the skills since ${state.tag}`, 'there is nothing to release');

  const current = versionOfDocument(router.doc);
  const base = state.tag ? versionAtTag(state, router) ?? current : current;
  if (!base || !parseVersion(base)) return refuse(router.doc.file.path, `the router's metadata.version (${base ?? 'missing'}) is not a MAJOR.MINOR.PATCH version`);
  const version = bumpVersion(base, options.bump);
  if (current && (compareVersions(current, version) ?? 0) > 0) {
    return refuse(router.doc.file.path, `the bundle version is already ${current}, above the ${version} that --bump ${options.bump} gives from ${base}`, 'choose a larger bump');
  }

  const moving: SkillChange[] = state.changes.some((change) => change.skill === router)
    ? state.changes
    : [...state.changes, { skill: router, files: [], previous: state.tag ? base : null }];
  const edits = new Map<string, string>();
  const released: ReleasedSkill[] = [];
  for (const change of [...moving].sort((a, b) => (a.skill.name < b.skill.name ? -1 : 1))) {
    const text = readText(change.skill.doc.file.path);
    const { span } = versionOf(text);
    if (!span) return refuse(change.skill.doc.file.path, `\`${change.skill.name}\` has no metadata.version to bump`);
    const raw = readFileSync(change.skill.doc.file.path, 'utf8');
    // The parsed text has its byte-order mark removed; offsets are shifted back onto the file's own text.
    const shift = raw.length - text.length;
    edits.set(change.skill.doc.file.path, `${raw.slice(0, span.start.offset + shift)}"${version}"${raw.slice(span.end.offset + shift)}`);
    released.push({ name: change.skill.name, from: change.previous, to: version, files: change.files });
  }

  const changelogPath = path.join(root, 'CHANGELOG.md');
  const existing = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
  const section = changelogSection({
    version,
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
  edits.set(changelogPath, insertSection(existing, version, section));

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
  previous: string | null;
  tag?: string;
  date: string;
  api: string | null;
  skills: ReleasedSkill[];
  subjects(name: string): string[];
}

export function changelogSection(input: SectionInput): string {
  const lines = [`## ${input.version} - ${input.date}`, ''];
  const since = input.tag ? `Changes since ${input.tag}` : 'First release';
  lines.push(`${since}; examples checked against \`@cargo-ai/api\` ${input.api ?? '(unknown)'}.`, '');
  for (const skill of input.skills) {
    const from = skill.from ? `${skill.from} → ${skill.to}` : `${skill.to} (new)`;
    const files = skill.files.length > 0 ? `: ${skill.files.map((file) => `\`${file}\``).join(', ')}` : skill.name === ROUTER_SKILL ? ' (bundle version)' : '';
    lines.push(`- **${skill.name}** ${from}${files}`);
    for (const subject of [...new Set(input.subjects(skill.name))]) lines.push(`  - ${subject}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Puts the section at the top of the changelog (under its title), replacing an older one for the same version. */
export function insertSection(existing: string | undefined, version: string, section: string): string {
  const text = existing ?? '# Changelog\n\nEvery release of the skills bundle, newest first. Written by `skill-lint release`.\n';
  const lines = text.split('\n');
  const heading = (line: string) => line.startsWith('## ');
  const start = lines.findIndex((line) => line.startsWith(`## ${version} `) || line === `## ${version}`);
  if (start >= 0) {
    let end = lines.findIndex((line, index) => index > start && heading(line));
    if (end < 0) end = lines.length;
    return [...lines.slice(0, start), ...section.trimEnd().split('\n'), '', ...lines.slice(end)].join('\n').replace(/\n+$/, '\n');
  }
  const first = lines.findIndex(heading);
  const at = first >= 0 ? first : lines.length;
  const before = lines.slice(0, at).join('\n').replace(/\n+$/, '');
  const after = lines.slice(at).join('\n').replace(/\n+$/, '');
  return `${before}\n\n${section.trimEnd()}\n${after ? `\n${after}\n` : ''}`;
}
