// Files in a skill's subfolders that nothing leads to are dead weight for the agent. Agents follow more than
// markdown links: a path in prose or in backticks, a path pattern (`references/<lang>/api.md`), a folder
// named as a whole, a script a code block runs. A file counts as reached when a reached page leads to it in
// any of these ways, or when it sits beside (or below) a script that is reached: a script's folder is its
// package. What remains is reported once per skill. The house profile counts links alone: packaging ships
// what SKILL.md links to, so there a file reached only by name would be left out of the package.
import path from 'node:path';
import { defineRule } from '../core/rule.ts';
import type { Project, Skill } from '../core/types.ts';
import { BASE_DIRS_OPTION, resolveLink } from '../extract/links.ts';
import { isMarkdown } from '../load/files.ts';

/** How many unreached files one finding names before it says how many more there are. */
const LISTED = 10;

const rule = defineRule({
  meta: {
    id: 'orphan-file',
    description:
      "Every file under a skill's subfolders is reached from its SKILL.md, directly or through other pages: by a link, or in spec also by a path or path pattern in text or code, a folder named whole, or a reached script beside it; one finding per skill.",
    severity: 'warning',
    profile: 'spec',
    options: { baseDirs: BASE_DIRS_OPTION },
  },
  checkProject(project, context) {
    const symlinks = new Set(project.symlinks);
    for (const skill of project.skills) {
      const index = indexFiles(skill);
      const reached = reachedFiles(skill, index, project, context.profile === 'spec', context.options.baseDirs);
      // Files beside SKILL.md need no link.
      const orphans = index.relatives
        .filter(({ file, relative }) => relative.includes('/') && !reached.has(file) && !symlinks.has(file))
        .map(({ relative }) => relative);
      if (orphans.length === 0) continue;
      const listed = orphans.slice(0, LISTED).map((relative) => `\`${relative}\``).join(', ');
      const more = orphans.length > LISTED ? ` and ${orphans.length - LISTED} more` : '';
      const point = { line: 1, column: 1, offset: 0 };
      context.report({
        path: path.join(skill.dir, 'SKILL.md'),
        span: { start: point, end: point },
        message: `${orphans.length} file${orphans.length === 1 ? '' : 's'} of ${skill.name} ${orphans.length === 1 ? 'is' : 'are'} neither linked nor named from its SKILL.md, directly or through other pages: ${listed}${more}`,
        hint: 'link or name each from SKILL.md or a page it leads to, or delete it',
      });
    }
  },
});

/** The files of a skill by the keys a mention can name them by; built once per skill, so a mention costs look-ups. */
interface FileIndex {
  /** `references/api.md` → its file. */
  byPath: Map<string, string>;
  /** `references`, `scripts/office` → every file below. */
  byFolder: Map<string, string[]>;
  /** Name lower-cased, and name without its extension → files. */
  byName: Map<string, string[]>;
  /** Each tail of a path of two parts or more (`office/pack.py` of `scripts/office/pack.py`) → files. */
  byTail: Map<string, string[]>;
  /** The name of every file and folder, as written: a mention that ends in none of them names nothing. */
  segments: Set<string>;
  /** Every file with its path below the skill folder, in the skill's order; none in or named as a dot-folder. */
  relatives: { file: string; relative: string }[];
}

/**
 * The path of `file` below the skill folder, with `/` between its parts. A skill's files are listed by
 * absolute path under its folder, so the rest of the path after the folder is all there is to it.
 */
function relativeTo(skill: Skill, file: string): string {
  const rest = file.slice(skill.dir.length + 1);
  return path.sep === '/' ? rest : rest.split(path.sep).join('/');
}

function indexFiles(skill: Skill): FileIndex {
  const index: FileIndex = { byPath: new Map(), byFolder: new Map(), byName: new Map(), byTail: new Map(), segments: new Set(), relatives: [] };
  const push = (map: Map<string, string[]>, key: string, file: string) => {
    const list = map.get(key);
    if (list) list.push(file);
    else map.set(key, [file]);
  };
  for (const file of skill.files) {
    const relative = relativeTo(skill, file);
    if (relative.split('/').some((part) => part.startsWith('.'))) continue;
    index.relatives.push({ file, relative });
    index.byPath.set(relative, file);
    const parts = relative.split('/');
    for (const part of parts) index.segments.add(part);
    for (let depth = 1; depth < parts.length; depth++) push(index.byFolder, parts.slice(0, depth).join('/'), file);
    for (let start = 1; start < parts.length - 1; start++) push(index.byTail, parts.slice(start).join('/'), file);
    // `FORMS.md` names `forms.md`; a rule id in backticks (`state-lift-state`) names `rules/state-lift-state.md`.
    const name = parts[parts.length - 1].toLowerCase();
    push(index.byName, name, file);
    const stem = name.replace(/\.[^.]+$/, '');
    if (stem !== name && stem !== '') push(index.byName, stem, file);
  }
  return index;
}

/** Every file of the skill that SKILL.md leads to, page after page: through links, and mentions when `byName`. */
function reachedFiles(skill: Skill, index: FileIndex, project: Project, byName: boolean, baseDirs: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const queue: string[] = [];
  const reach = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    if (isMarkdown(file)) queue.push(file);
  };
  reach(path.join(skill.dir, 'SKILL.md'));
  const inSkill = skill.dir + path.sep;
  // The mentions already followed, by the folder of the page that made them: pages of a folder repeat theirs.
  const seen = new Map<string, Set<string>>();
  for (let next = 0; next < queue.length; next++) {
    const doc = project.documents.get(queue[next]);
    if (!doc) continue;
    for (const link of doc.links) {
      const resolved = resolveLink(doc, link, project.root, undefined, baseDirs);
      if (resolved.kind !== 'file' || !resolved.exists || !resolved.target.startsWith(inSkill)) continue;
      if (resolved.isDirectory) for (const file of index.byFolder.get(relativeTo(skill, resolved.target)) ?? []) reach(file);
      else reach(resolved.target);
    }
    if (!byName) continue;
    const folder = path.dirname(doc.file.path);
    const pageDir = folder === skill.dir ? '' : relativeTo(skill, folder);
    let followed = seen.get(pageDir);
    if (!followed) seen.set(pageDir, (followed = new Set()));
    for (const mention of doc.mentions) {
      if (followed.has(mention)) continue;
      followed.add(mention);
      for (const file of mentioned(mention, pageDir, index, baseDirs)) reach(file);
    }
  }
  if (!byName) return reached;
  // A reached script's folder is its package: what lies beside and below it is what it runs and reads.
  for (const file of [...reached]) {
    const folder = path.dirname(file);
    if (isMarkdown(file) || folder === skill.dir) continue;
    for (const other of index.byFolder.get(relativeTo(skill, folder)) ?? []) reached.add(other);
  }
  return reached;
}

/** A Python module path (`core.gif_builder`), which names `core/gif_builder.py`. */
const PYTHON_MODULE = /^\w+(?:\.\w+)+$/;
/** A path with a `.` or `..` segment, whose look-up from the page ends elsewhere than its last segment. */
const CLIMBS = /(?:^|\/)\.\.?(?:\/|$)/;

/** The files a mention names: by path from the page or the skill folder, as a folder, a pattern, or by name. */
function mentioned(raw: string, pageDir: string, index: FileIndex, baseDirs: readonly string[]): string[] {
  let mention = raw.replace(/^["'`(]+|["'`)]+$/g, '');
  const prefix = baseDirs.find((candidate) => mention.startsWith(`${candidate}/`));
  if (prefix) mention = mention.slice(prefix.length + 1);
  mention = mention.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  if (mention === '') return [];
  if (/[<>{}*\u2026]|\.\.\./.test(mention)) {
    const pattern = patternOf(mention);
    return index.relatives.filter(({ relative }) => pattern.test(relative) || pattern.test(`${pageDir}/${relative}`)).map(({ file }) => file);
  }
  const last = mention.slice(mention.lastIndexOf('/') + 1);
  // Every look-up below ends in a file's or folder's name (or, lower-cased, a name or stem), unless the
  // mention climbs (`..`) or is a Python module path: the rest that end in none can name nothing.
  if (!index.segments.has(last) && !index.byName.has(last.toLowerCase()) && !CLIMBS.test(mention) && !PYTHON_MODULE.test(mention)) return [];
  const found: string[] = [];
  const lookUp = (relative: string) => {
    const file = index.byPath.get(relative);
    if (file) found.push(file);
    found.push(...(index.byFolder.get(relative) ?? []));
  };
  if (!mention.includes('/')) {
    found.push(...(index.byName.get(mention.toLowerCase()) ?? []));
    // A Python module path (`core.gif_builder`) names `core/gif_builder.py`.
    if (PYTHON_MODULE.test(mention)) lookUpSuffixes(`${mention.replace(/\./g, '/')}.py`, index, found);
  }
  // From the skill folder, from the page, and written from elsewhere (`skills/pdf/forms.md`, `/mnt/skills/pdf/forms.md`).
  lookUp(mention);
  if (pageDir) lookUp(path.posix.normalize(`${pageDir}/${mention}`));
  if (mention.includes('/')) lookUpSuffixes(mention, index, found);
  return found;
}

/** The files whose path is `mention`, a tail of it (after a `/`), or ends in it. */
function lookUpSuffixes(mention: string, index: FileIndex, found: string[]): void {
  const parts = mention.split('/');
  for (let start = 1; start < parts.length; start++) {
    const file = index.byPath.get(parts.slice(start).join('/'));
    if (file) found.push(file);
  }
  const whole = index.byPath.get(mention);
  if (whole) found.push(whole);
  found.push(...(index.byTail.get(mention) ?? []));
}

/** A path pattern as a regular expression over relative paths: placeholders and `*` stand for one segment, `**` and `...` for any. */
function patternOf(mention: string): RegExp {
  const source = mention
    .replace(/\/$/, '')
    .split(/(\*\*|\.\.\.|\u2026|\*|<[^>/]*>|\{[^}/]*\})/)
    .map((part, index) => {
      if (index % 2 === 0) return part.replace(/[.+?^$()|[\]\\]/g, '\\$&');
      return part === '**' || part === '...' || part === '\u2026' ? '.*' : '[^/]*';
    })
    .join('');
  // A pattern that names a folder covers what is below it.
  return new RegExp(`^(?:${source})(?:/.*)?$`);
}

export default rule;
