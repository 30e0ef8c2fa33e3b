// Files in a skill's subfolders that nothing leads to are dead weight for the agent. Agents follow more than
// markdown links: a path in prose or in backticks, a path pattern (`references/<lang>/api.md`), a folder
// named as a whole, a script a code block runs. A file counts as reached when a reached page leads to it in
// any of these ways, or when it sits beside (or below) a script that is reached: a script's folder is its
// package. What remains is reported once per skill. The house profile counts links alone: packaging ships
// what SKILL.md links to, so there a file reached only by name would be left out of the package.
import path from 'node:path';
import type { Rule } from '../core/rule.ts';
import type { Project, Skill } from '../core/types.ts';
import { BASE_DIR_PREFIXES, resolveLink } from '../extract/links.ts';
import { isMarkdown } from '../load/files.ts';

/** How many unreached files one finding names before it says how many more there are. */
const LISTED = 10;

const rule: Rule = {
  meta: {
    id: 'orphan-file',
    description:
      "Every file under a skill's subfolders is reached from its SKILL.md, directly or through other pages: by a link, or in spec also by a path or path pattern in text or code, a folder named whole, or a reached script beside it; one finding per skill.",
    severity: 'warning',
    profile: 'spec',
  },
  checkProject(project, context) {
    const symlinks = new Set(project.symlinks);
    for (const skill of project.skills) {
      const reached = reachedFiles(skill, project, context.profile === 'spec');
      const orphans = skill.files
        .map((file) => path.relative(skill.dir, file))
        .filter((relative) => relative.includes(path.sep) && !relative.split(path.sep).some((part) => part.startsWith('.')))
        .filter((relative) => !reached.has(path.join(skill.dir, relative)) && !symlinks.has(path.join(skill.dir, relative)));
      if (orphans.length === 0) continue;
      const listed = orphans.slice(0, LISTED).map((relative) => `\`${relative.split(path.sep).join('/')}\``).join(', ');
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
};

/** Every file of the skill that SKILL.md leads to, page after page: through links, and mentions when `byName`. */
function reachedFiles(skill: Skill, project: Project, byName: boolean): Set<string> {
  const files = skill.files.filter((file) => !file.split(path.sep).slice(-1)[0].startsWith('.'));
  const relatives = files.map((file) => ({ file, relative: path.relative(skill.dir, file).split(path.sep).join('/') }));
  // By name, lower-cased (`FORMS.md` names `forms.md`), and by name without its extension (a rule id in
  // backticks, `state-lift-state`, names `rules/state-lift-state.md`).
  const names = new Map<string, string[]>();
  const index = (key: string, file: string) => names.set(key, [...(names.get(key) ?? []), file]);
  for (const { file } of relatives) {
    const name = path.basename(file).toLowerCase();
    index(name, file);
    const stem = name.replace(/\.[^.]+$/, '');
    if (stem !== name && stem !== '') index(stem, file);
  }
  const reached = new Set<string>();
  const queue: string[] = [];
  const reach = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    if (isMarkdown(file)) queue.push(file);
  };
  reach(path.join(skill.dir, 'SKILL.md'));
  while (queue.length > 0) {
    const doc = project.documents.get(queue.shift()!);
    if (!doc) continue;
    for (const link of doc.links) {
      const resolved = resolveLink(doc, link, project.root);
      if (resolved.kind === 'file' && resolved.exists) {
        if (resolved.isDirectory) for (const { file } of relatives) if (file.startsWith(resolved.target + path.sep)) reach(file);
        if (!resolved.isDirectory && resolved.target.startsWith(skill.dir + path.sep)) reach(resolved.target);
      }
    }
    if (!byName) continue;
    const pageDir = path.relative(skill.dir, path.dirname(doc.file.path)).split(path.sep).join('/');
    for (const mention of doc.mentions) {
      for (const file of mentioned(mention, pageDir, relatives, names)) reach(file);
    }
  }
  if (!byName) return reached;
  // A reached script's folder is its package: what lies beside and below it is what it runs and reads.
  for (const file of [...reached]) {
    if (isMarkdown(file) || path.dirname(file) === skill.dir) continue;
    const folder = path.dirname(file) + path.sep;
    for (const { file: other } of relatives) if (other.startsWith(folder)) reached.add(other);
  }
  return reached;
}

/** The files a mention names: by path from the page or the skill folder, as a folder, a pattern, or by name. */
function mentioned(raw: string, pageDir: string, relatives: { file: string; relative: string }[], byName: Map<string, string[]>): string[] {
  let mention = raw.replace(/^["'`(]+|["'`)]+$/g, '');
  const prefix = BASE_DIR_PREFIXES.find((candidate) => mention.startsWith(`${candidate}/`));
  if (prefix) mention = mention.slice(prefix.length + 1);
  mention = mention.replace(/^(?:\.\/)+/, '');
  if (mention === '' || mention === '/') return [];
  if (/[<>{}*\u2026]|\.\.\./.test(mention)) {
    const pattern = patternOf(mention);
    return relatives.filter(({ relative }) => pattern.test(relative) || pattern.test(`${pageDir}/${relative}`)).map(({ file }) => file);
  }
  if (!mention.includes('/')) {
    const named = byName.get(mention.toLowerCase());
    if (named) return named;
    // A Python module path (`core.gif_builder`) names `core/gif_builder.py`.
    if (/^\w+(?:\.\w+)+$/.test(mention)) {
      const asFile = `${mention.replace(/\./g, '/')}.py`;
      const modules = relatives.filter(({ relative }) => relative === asFile || relative.endsWith(`/${asFile}`)).map(({ file }) => file);
      if (modules.length > 0) return modules;
    }
    return mention.endsWith('/') ? [] : folderFiles(mention, relatives);
  }
  const folder = mention.endsWith('/') ? mention : `${mention}/`;
  const fromPage = pageDir ? path.posix.normalize(`${pageDir}/${mention}`) : mention;
  return relatives
    .filter(({ relative }) => {
      const candidates = [mention.replace(/\/$/, ''), fromPage.replace(/\/$/, '')];
      if (candidates.includes(relative)) return true;
      // A folder named whole, from the skill or from the page.
      if (relative.startsWith(folder) || relative.startsWith(`${fromPage.replace(/\/$/, '')}/`)) return true;
      // A path written from elsewhere (`skills/pdf/forms.md`, `/mnt/skills/pdf/forms.md`) that ends in the file's path.
      return mention.endsWith(`/${relative}`);
    })
    .map(({ file }) => file);
}

/** The files under a folder named by one word (`templates`), at the skill's top level. */
function folderFiles(name: string, relatives: { file: string; relative: string }[]): string[] {
  return relatives.filter(({ relative }) => relative.startsWith(`${name}/`)).map(({ file }) => file);
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
