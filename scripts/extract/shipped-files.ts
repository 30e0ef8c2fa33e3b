// Which files of a skill ship: SKILL.md and what it links to, directly or through other pages.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../core/paths.ts';
import type { Diagnostic, Project, Skill, Span } from '../core/types.ts';
import { reachFrom } from './reachability.ts';

/** Limits of the `skills` client's archive reader (it rejects archives past them). */
export const CLIENT_MAX_FILES = 1000;
export const CLIENT_MAX_BYTES = 50 * 1024 * 1024;

export interface Selection {
  /** Absolute paths of the files to ship, SKILL.md first, the rest sorted by archive path. */
  files: string[];
  diagnostics: Diagnostic[];
}

const START: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

export function packageDiagnostic(file: string, cwd: string, message: string, hint?: string, span: Span = START): Diagnostic {
  return {
    ruleId: 'package',
    severity: 'error',
    file: displayPath(file, cwd),
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    message,
    ...(hint ? { hint } : {}),
  };
}

/** Why a file must never ship, or undefined when it may. Checked on the path inside the skill. */
export function excludedKind(relative: string): string | undefined {
  const parts = relative.split('/');
  const base = parts[parts.length - 1];
  if (parts.some((part) => part.startsWith('.'))) return 'a dotfile';
  if (base.endsWith('~') || /\.sw[a-p]$/.test(base) || /^#.*#$/.test(base) || /\.(orig|rej|bak)$/.test(base)) return 'an editor or merge leftover';
  if (parts.slice(0, -1).some((part) => /^(__)?(tests?|fixtures?)(__)?$/.test(part)) || /\.(test|spec)\.[^.]+$/.test(base)) return 'a test file or fixture';
  return undefined;
}

/** The archive path of a file: relative to the skill folder, `/`-separated. */
export function archivePath(skill: Skill, file: string): string {
  return path.relative(skill.dir, file).split(path.sep).join('/');
}

export function selectFiles(skill: Skill, project: Project, cwd: string): Selection {
  const diagnostics: Diagnostic[] = [];
  const skillMd = path.join(skill.dir, 'SKILL.md');
  const inside = (file: string) => file.startsWith(skill.dir + path.sep);
  const { files: reached, outside } = reachFrom(skill, project, {
    admit: (target, link, from) => {
      const relative = archivePath(skill, target);
      const kind = excludedKind(relative);
      if (kind) {
        diagnostics.push(packageDiagnostic(from, cwd, `\`${link.url}\` links to ${kind} (\`${relative}\`), which never ships`, 'rename or move the file, or drop the link', link.span));
      }
      return !kind;
    },
  });
  // Another skill's file installs with that skill; anything else would be a dead link once installed.
  for (const { from, link } of outside) {
    diagnostics.push(packageDiagnostic(from, cwd, `\`${link.url}\` points outside the skill folder and would not be installed with ${skill.name}`, 'move the file into the skill folder', link.span));
  }

  // Symlinks are refused wherever they are in a skill, and checked again here with lstat on every
  // shipped path (each folder on the way included): link resolution above follows them silently.
  const symlinks = new Set(project.symlinks.filter(inside));
  for (const file of reached) {
    for (let current = file; current !== skill.dir && inside(current); current = path.dirname(current)) {
      if (lstatSync(current).isSymbolicLink()) symlinks.add(current);
    }
  }
  if (lstatSync(skill.dir).isSymbolicLink()) symlinks.add(skill.dir);
  for (const link of [...symlinks].sort()) {
    diagnostics.push(packageDiagnostic(link, cwd, `\`${displayPath(link, cwd)}\` is a symbolic link; packages hold real files only`, 'replace the link with the file it points to'));
  }

  let bytes = 0;
  const files = [...reached].sort((a, b) => (a === skillMd ? -1 : b === skillMd ? 1 : Buffer.compare(Buffer.from(archivePath(skill, a)), Buffer.from(archivePath(skill, b)))));
  for (const file of files) {
    const split = ustarPath(archivePath(skill, file));
    if ('error' in split) diagnostics.push(packageDiagnostic(file, cwd, `cannot be archived: ${split.error}`, 'shorten the folder or file name'));
    bytes += lstatSync(file).size;
  }
  if (files.length > CLIENT_MAX_FILES) {
    diagnostics.push(packageDiagnostic(skillMd, cwd, `${skill.name} ships ${files.length} files; the skills client refuses archives of more than ${CLIENT_MAX_FILES}`));
  }
  if (bytes > CLIENT_MAX_BYTES) {
    diagnostics.push(packageDiagnostic(skillMd, cwd, `${skill.name} ships ${bytes} bytes; the skills client refuses archives that unpack to more than ${CLIENT_MAX_BYTES}`));
  }
  return { files, diagnostics };
}

/** Splits a path into ustar `prefix` and `name`, or explains why it cannot be stored. */
export function ustarPath(entryPath: string): { name: string; prefix: string } | { error: string } {
  const bytes = Buffer.byteLength(entryPath);
  if (bytes <= 100) return { name: entryPath, prefix: '' };
  // The prefix must end at a slash; try the longest prefix that fits so the name part stays short.
  for (let cut = entryPath.lastIndexOf('/'); cut > 0; cut = entryPath.lastIndexOf('/', cut - 1)) {
    const prefix = entryPath.slice(0, cut);
    const name = entryPath.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') return { name, prefix };
  }
  return { error: `path is ${bytes} bytes long; a ustar archive holds at most a 155-byte folder part and a 100-byte file name` };
}
