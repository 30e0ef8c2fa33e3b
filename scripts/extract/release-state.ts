// What changed in each skill since the last release tag (`v*`), read from git; shared by the
// release-version rule and `skill-lint release`.
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { childProcess } from '../core/builtins.ts';
import type { DocumentIndex, Frontmatter, Project, Skill, Span } from '../core/types.ts';
import { archivePath, excludedKind, selectFiles } from './shipped-files.ts';
import { parseFrontmatter } from '../parse/frontmatter.ts';
import { lineStartsOf, makePointAt } from '../parse/positions.ts';

/** The router skill: its `metadata.version` is the version of the whole bundle. */
export const ROUTER_SKILL = 'cargo';

export interface SkillChange {
  skill: Skill;
  /** Changed, added or deleted files since the tag, relative to the skill folder, `/`-separated. */
  files: string[];
  /** `metadata.version` at the tag; null when the skill did not exist there or had no version. */
  previous: string | null;
}

export interface ReleaseState {
  /** Repository top level. */
  top: string;
  /** The newest `v*` tag reachable from HEAD; undefined before the first release. */
  tag?: string;
  /** The object id `tag` names (a commit, or an annotated tag), to read files at it. */
  tagObject?: string;
  /** Every skill whose shipping files differ from the tag (all skills when there is no tag). */
  changes: SkillChange[];
}

function git(top: string, args: string[]): string | undefined {
  // No git binary (spawn error) is treated like a folder without history.
  const result = childProcess().spawnSync('git', ['-C', top, '-c', 'core.quotepath=off', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 && !result.error ? result.stdout : undefined;
}

/**
 * Work-tree tops found so far. `check --watch` reads the release state after every save, and each git call
 * costs tens of milliseconds; a folder that is in a work tree stays in it (one that is not may become one).
 */
const knownTops = new Map<string, string>();

export function gitTop(dir: string): string | undefined {
  const known = knownTops.get(dir);
  if (known) return known;
  const plain = workTreeFromFiles(dir);
  const top = plain === false ? undefined : (plain ?? git(dir, ['rev-parse', '--show-toplevel'])?.trim());
  if (!top) return undefined;
  const real = realpathSync(top);
  knownTops.set(dir, real);
  return real;
}

/** Environment variables that change where git looks for a repository: with any of them set, git is asked. */
const DISCOVERY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];

/**
 * The work tree holding `dir`, found as git finds it (the nearest folder upwards with a `.git` folder or
 * file) without starting a git process, which costs more than the rest of a small run's release check.
 * False when surely there is none; undefined when anything is unusual (a variable above, a `.git` that is not
 * plainly a repository, another owner, which git may refuse, a bare repository, another file system on the
 * way up), and git should be asked.
 */
export function workTreeFromFiles(dir: string): string | false | undefined {
  if (DISCOVERY_VARIABLES.some((name) => process.env[name] !== undefined)) return undefined;
  try {
    let current = realpathSync(dir);
    const device = statSync(current).dev;
    for (;;) {
      const dotGit = statSync(path.join(current, '.git'), { throwIfNoEntry: false });
      if (dotGit) {
        const plainly = dotGit.isDirectory() ? existsSync(path.join(current, '.git', 'HEAD')) : dotGit.isFile() && readFileSync(path.join(current, '.git'), 'utf8').startsWith('gitdir:');
        const ownedByUs = typeof process.getuid !== 'function' || dotGit.uid === process.getuid();
        return plainly && ownedByUs ? current : undefined;
      }
      if (existsSync(path.join(current, 'HEAD')) && existsSync(path.join(current, 'objects'))) return undefined;
      const parent = path.dirname(current);
      if (parent === current) return false;
      if (statSync(parent).dev !== device) return undefined;
      current = parent;
    }
  } catch {
    return undefined;
  }
}

/**
 * The folder that holds a work tree's refs: `.git`, or, in a linked work tree (whose `.git` is a file naming
 * its own folder), the main one that folder's `commondir` names. Undefined when it cannot be read plainly.
 */
function commonGitDir(top: string): string | undefined {
  const dotGit = path.join(top, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const own = path.resolve(top, /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim() ?? '');
    const common = existsSync(path.join(own, 'commondir')) ? readFileSync(path.join(own, 'commondir'), 'utf8').trim() : '.';
    return path.resolve(own, common);
  } catch {
    return undefined;
  }
}

/**
 * Whether the repository surely has no `v*` tag, read from its files: no loose tag and no packed one. A
 * repository before its first release then spares every run a git process; anything unusual (another ref
 * store, a folder that cannot be read) answers false, and git is asked.
 */
function surelyNoReleaseTag(top: string): boolean {
  const common = commonGitDir(top);
  if (!common || existsSync(path.join(common, 'reftable'))) return false;
  try {
    const loose = existsSync(path.join(common, 'refs/tags')) ? readdirSync(path.join(common, 'refs/tags')) : [];
    if (loose.some((name) => name.startsWith('v'))) return false;
    const packed = existsSync(path.join(common, 'packed-refs')) ? readFileSync(path.join(common, 'packed-refs'), 'utf8') : '';
    return !packed.includes(' refs/tags/v');
  } catch {
    return false;
  }
}

/** The newest `v*` tag that HEAD contains, by version order (v1.10.0 after v1.9.0), and its object id. */
export function lastRelease(top: string): { tag: string; object: string } | undefined {
  if (surelyNoReleaseTag(top)) return undefined;
  const line = git(top, ['tag', '--list', 'v*', '--sort=-v:refname', '--merged', 'HEAD', '--format=%(refname:short) %(objectname)'])
    ?.split('\n')
    .find((candidate) => candidate.trim() !== '');
  if (!line) return undefined;
  const [tag, object] = line.trim().split(' ');
  return { tag, object };
}

/** Files at an object id never change, so they are read from git once (see knownTops). */
const filesAtObjects = new Map<string, string | undefined>();

/** The text of a file as it was at `ref`, or undefined when it did not exist there. */
export function fileAt(top: string, ref: string, relative: string): string | undefined {
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(ref)) return git(top, ['show', `${ref}:${relative}`]);
  const key = `${top}\0${ref}\0${relative}`;
  if (!filesAtObjects.has(key)) filesAtObjects.set(key, git(top, ['show', `${ref}:${relative}`]));
  return filesAtObjects.get(key);
}

/** Subjects of the commits since `ref` that touched `relative`, oldest first. */
export function commitSubjects(top: string, ref: string, relative: string): string[] {
  return (git(top, ['log', '--reverse', '--format=%s', `${ref}..HEAD`, '--', relative]) ?? '').split('\n').filter((line) => line.trim() !== '');
}

/** `metadata.version` of a SKILL.md text, and where it is written. */
export function versionOf(text: string): { version: string | null; span?: Span } {
  // Only the frontmatter is read: the body's markdown plays no part in a version.
  return versionIn(parseFrontmatter(text, makePointAt(lineStartsOf(text), text.length)));
}

/** `metadata.version` of a parsed SKILL.md. */
export function versionOfDocument(doc: DocumentIndex): string | null {
  return versionIn(doc.frontmatter).version;
}

function versionIn(frontmatter: Frontmatter): { version: string | null; span?: Span } {
  const value = frontmatter.value as { metadata?: { version?: unknown } } | undefined;
  const version = value?.metadata && typeof value.metadata === 'object' && typeof value.metadata.version === 'string' ? value.metadata.version : null;
  return { version, span: frontmatter.valueSpans.get('metadata.version') };
}

/** A file's text as the parser reads it: without a byte-order mark. */
export function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

export function relativeDir(top: string, skill: Skill): string {
  return path.relative(top, realpathSync(skill.dir)).split(path.sep).join('/');
}

/** A skill's `metadata.version` at the state's tag; null when it had none or did not exist. */
export function versionAtTag(state: ReleaseState, skill: Skill): string | null {
  if (!state.tag) return null;
  const before = fileAt(state.top, state.tagObject ?? state.tag, `${relativeDir(state.top, skill)}/SKILL.md`);
  return before === undefined ? null : versionOf(before).version;
}

function withoutVersion(text: string): string {
  const { span } = versionOf(text);
  return span ? text.slice(0, span.start.offset) + text.slice(span.end.offset) : text;
}

/**
 * Reads the release state of the project's skills; undefined when the skills are not in a git work tree.
 * Only what ships counts, the files `package` selects (SKILL.md and the pages it reaches by links): a
 * file counts as changed when git sees it modified, added or untracked (not ignored) since the tag and it
 * ships, or deleted since the tag (a shipped page can only go once a link to it went, which changed a
 * page that ships). A scratch file or a page no link reaches moves no version.
 */
export function releaseState(project: Project): ReleaseState | undefined {
  const top = gitTop(project.root);
  if (!top) return undefined;
  const release = lastRelease(top);
  const realDirs = new Map(project.skills.map((skill) => [skill, relativeDir(top, skill)]));
  if (!release) {
    return { top, changes: project.skills.map((skill) => ({ skill, files: [], previous: null })) };
  }
  const { tag, object } = release;
  const dirs = [...realDirs.values()];
  const listed = [
    ...(git(top, ['diff', '--name-only', '-z', tag, '--', ...dirs]) ?? '').split('\0'),
    ...(git(top, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...dirs]) ?? '').split('\0'),
  ].filter((line) => line !== '');
  const changes: SkillChange[] = [];
  for (const [skill, dir] of realDirs) {
    const touched = [...new Set(listed.filter((file) => file.startsWith(`${dir}/`)).map((file) => file.slice(dir.length + 1)))];
    if (touched.length === 0) continue;
    const shipping = new Set(selectFiles(skill, project, top).files.map((file) => archivePath(skill, file)));
    const deleted = (file: string) => !existsSync(path.join(top, dir, file)) && !excludedKind(file);
    let files = touched.filter((file) => shipping.has(file) || deleted(file)).sort();
    // A skill that only lost files has no shipped page left to show it: its links went with them.
    if (!files.some((file) => shipping.has(file))) continue;
    const before = fileAt(top, object, `${dir}/SKILL.md`);
    // A SKILL.md whose only edit is its own version (what a release writes) is not a change of the skill.
    if (files.includes('SKILL.md') && before !== undefined && withoutVersion(before) === withoutVersion(readText(skill.doc.file.path))) {
      files = files.filter((file) => file !== 'SKILL.md');
      if (!files.some((file) => shipping.has(file))) continue;
    }
    changes.push({ skill, files, previous: before === undefined ? null : versionOf(before).version });
  }
  return { top, tag, tagObject: object, changes };
}

/**
 * Files of the skills folders that differ from HEAD (modified, added, deleted, untracked and not ignored),
 * relative to the repository top level; undefined without git. A SKILL.md whose only change is its own
 * version is left out: that is what `release` writes, and running it again before committing is allowed.
 */
export function uncommittedFiles(top: string, dirs: string[]): string[] | undefined {
  const status = git(top, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...dirs]);
  if (status === undefined) return undefined;
  const entries = status.split('\0');
  const files: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) continue;
    // A rename or copy names its source in the next entry.
    if (/[RC]/.test(entry.slice(0, 2))) i++;
    files.push(entry.slice(3));
  }
  return files.sort().filter((file) => {
    if (path.posix.basename(file) !== 'SKILL.md') return true;
    const before = fileAt(top, 'HEAD', file);
    const full = path.join(top, file);
    return before === undefined || !existsSync(full) || withoutVersion(before) !== withoutVersion(readText(full));
  });
}
