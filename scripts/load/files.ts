// Turns the paths a user gives into skill folders and files, reading each markdown file once.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayPath, schemaPath } from '../core/paths.ts';
import type { SkillFile } from '../core/types.ts';

export class UsageError extends Error {}

export interface LoadedTree {
  /** The skills root: links may not climb above it. */
  root: string;
  /** Skill folders (absolute), each holding a SKILL.md. */
  skillDirs: string[];
  /** Folders directly under the root without a SKILL.md (only when a root was given). */
  strayDirs: string[];
  /** Every file under each skill folder, symlinks included but not followed. */
  filesBySkill: Map<string, string[]>;
  /** Symlinks met while walking (never followed). */
  symlinks: string[];
  /** Markdown files to parse: all of them in each skill, or just the files the user named. */
  markdown: string[];
}

/** What a run lints: one tree per skills root, and what was left out on the way, said once each. */
export interface LoadPlan {
  trees: LoadedTree[];
  /** Folders skipped (dot-folders nobody named), as lines for the user. */
  notes: string[];
}

/** One skills root as the paths name it: its skill folders, its stray folders, the files named in it. */
interface RootGroup {
  skillDirs: Set<string>;
  strayDirs: string[];
  namedFiles: string[];
  /** Inputs that named the whole root or a skill in it (a file alone lints just that file). */
  wholeInputs: number;
}

/**
 * The skills roots the inputs name, each linted as its own package. A folder is a skills root when its
 * sub-folders are skills; a repository root (one holding a place where the `skills` client looks for skills:
 * schemas/skill-locations.json) gives one root per such place, and its own skill sub-folders. Skill folders and
 * files group under the folder above their skill. Dot-folders are skipped with a note unless a path names them
 * or the client looks in them.
 */
export function loadTrees(inputs: string[], cwd = process.cwd()): LoadPlan {
  if (inputs.some((input) => input.trim() === '')) throw new UsageError('a path is empty: name a skills root, a skill folder or a markdown file');
  const absolute = inputs.map((input) => path.resolve(cwd, input));
  for (const input of absolute) {
    try {
      statSync(input);
    } catch {
      throw new UsageError(`path not found: ${path.relative(cwd, input) || input}`);
    }
  }
  const groups = new Map<string, RootGroup>();
  const notes: string[] = [];
  const group = (root: string): RootGroup => {
    let found = groups.get(root);
    if (!found) groups.set(root, (found = { skillDirs: new Set(), strayDirs: [], namedFiles: [], wholeInputs: 0 }));
    return found;
  };
  const scanned = new Set<string>();
  const scanRoot = (dir: string, reportStrays: boolean): void => {
    if (scanned.has(dir)) return;
    scanned.add(dir);
    const root = group(dir);
    root.wholeInputs++;
    const known = new Set(clientFolders(dir));
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const child = path.join(dir, entry.name);
      if (isFile(path.join(child, 'SKILL.md'))) root.skillDirs.add(child);
      else if (known.has(child)) continue;
      else if (entry.name.startsWith('.')) {
        if (hasSkillFolders(child)) notes.push(`skipped ${displayPath(child, cwd)}: a dot-folder holding skills (name it to lint it)`);
      } else if (hasSkillFolders(child)) scanRoot(child, true);
      else if (reportStrays) root.strayDirs.push(child);
    }
    for (const container of known) scanRoot(container, true);
  };

  for (const input of absolute) {
    if (statSync(input).isFile()) {
      const skillDir = findSkillDir(input);
      const root = group(skillDir ? path.dirname(skillDir) : path.dirname(input));
      root.namedFiles.push(input);
      if (skillDir) root.skillDirs.add(skillDir);
    } else if (isFile(path.join(input, 'SKILL.md'))) {
      const root = group(path.dirname(input));
      root.skillDirs.add(input);
      root.wholeInputs++;
    } else {
      // A repository root is not a skills root: its other folders (docs, tests) are not stray skills.
      scanRoot(input, clientFolders(input).length === 0);
    }
  }
  const trees = [...groups]
    .filter(([, root]) => root.skillDirs.size > 0 || root.strayDirs.length > 0 || root.namedFiles.length > 0 || groups.size === 1)
    .map(([root, found]) => treeOf(root, found));
  if (trees.every((tree) => tree.skillDirs.length === 0 && tree.markdown.length === 0)) {
    throw new UsageError(`no skills found under ${inputs.join(', ')}: no SKILL.md in it or in its folders, and no markdown file named`);
  }
  return { trees, notes };
}

/** Every input in one tree under the first root (the extract and coverage commands read all files as one). */
export function loadTree(inputs: string[], cwd = process.cwd()): LoadedTree {
  const { trees } = loadTrees(inputs, cwd);
  if (trees.length === 1) return trees[0];
  const filesBySkill = new Map(trees.flatMap((tree) => [...tree.filesBySkill]));
  return {
    root: trees[0].root,
    skillDirs: trees.flatMap((tree) => tree.skillDirs).sort(),
    strayDirs: trees.flatMap((tree) => tree.strayDirs),
    filesBySkill,
    symlinks: trees.flatMap((tree) => tree.symlinks),
    markdown: [...new Set(trees.flatMap((tree) => tree.markdown))].sort(),
  };
}

function treeOf(root: string, found: RootGroup): LoadedTree {
  const symlinks: string[] = [];
  const filesBySkill = new Map<string, string[]>();
  for (const dir of [...found.skillDirs].sort()) filesBySkill.set(dir, walk(dir, symlinks));
  const markdown =
    found.namedFiles.length > 0 && found.wholeInputs === 0
      ? found.namedFiles.filter((file) => file.toLowerCase().endsWith('.md'))
      : [...new Set([...filesBySkill.values()].flat().filter(isMarkdown).concat(found.namedFiles))];
  const symlinked = new Set(symlinks);
  return {
    root,
    skillDirs: [...found.skillDirs].sort(),
    strayDirs: found.strayDirs,
    filesBySkill,
    symlinks,
    markdown: markdown.filter((file) => !symlinked.has(file)).sort(),
  };
}

interface SkillLocations {
  containers: string[];
  agentFolders: string[];
}

let locations: SkillLocations | undefined;

/**
 * The folders under `dir` where the `skills` client looks for skills and that hold some: its containers and
 * agent folders, the folders Claude plugin manifests point at, and for a folder named `skills` its
 * `.curated`, `.experimental` and `.system` folders.
 */
function clientFolders(dir: string): string[] {
  locations ??= JSON.parse(readFileSync(schemaPath('skill-locations.json'), 'utf8')) as SkillLocations;
  const candidates = [...locations.containers, ...locations.agentFolders].map((relative) => path.join(dir, relative));
  if (path.basename(dir) === 'skills') {
    for (const relative of locations.containers) if (relative.startsWith('skills/')) candidates.push(path.join(dir, relative.slice('skills/'.length)));
  }
  candidates.push(...pluginFolders(dir));
  return [...new Set(candidates)].filter((candidate) => candidate !== dir && candidate.startsWith(dir + path.sep) && hasSkillFolders(candidate));
}

/** Folders that `.claude-plugin/marketplace.json` or `plugin.json` in `dir` say hold skills. */
function pluginFolders(dir: string): string[] {
  const folders: string[] = [];
  const relativeOk = (value: unknown): value is string => typeof value === 'string' && value.startsWith('./');
  const add = (base: string, skills: unknown) => {
    folders.push(path.join(base, 'skills'));
    if (Array.isArray(skills)) for (const skill of skills) if (relativeOk(skill)) folders.push(path.dirname(path.join(base, skill)));
  };
  const read = (file: string): Record<string, unknown> | undefined => {
    try {
      return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  const marketplace = read('.claude-plugin/marketplace.json');
  const pluginRoot = (marketplace?.metadata as { pluginRoot?: unknown } | undefined)?.pluginRoot;
  if (marketplace && Array.isArray(marketplace.plugins) && (pluginRoot === undefined || relativeOk(pluginRoot))) {
    for (const plugin of marketplace.plugins as { source?: unknown; skills?: unknown }[]) {
      if (plugin.source !== undefined && !relativeOk(plugin.source)) continue;
      add(path.join(dir, (pluginRoot as string | undefined) ?? '', (plugin.source as string | undefined) ?? ''), plugin.skills);
    }
  }
  const plugin = read('.claude-plugin/plugin.json');
  if (plugin) add(dir, plugin.skills);
  return folders;
}

/** The folder has a sub-folder holding a SKILL.md. */
function hasSkillFolders(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((entry) => entry.isDirectory() && isFile(path.join(dir, entry.name, 'SKILL.md')));
  } catch {
    return false;
  }
}

/** Skill pages are a few kilobytes; past this size parsing costs seconds and gigabytes for nothing an agent reads. */
export const MAX_PARSE_BYTES = 1024 * 1024;

export function readSkillFile(filePath: string, cwd = process.cwd(), skillDir?: string): SkillFile {
  const relative = path.relative(cwd, filePath);
  const displayPath = relative && !relative.startsWith('..') ? relative : filePath;
  // One open file for the size and the bytes: a stat by path first would look the path up twice.
  const fd = openSync(filePath, 'r');
  let bytes: Buffer;
  let size: number;
  try {
    size = fstatSync(fd).size;
    if (size > MAX_PARSE_BYTES) {
      return { path: filePath, displayPath, text: '', hadBom: false, binary: false, size, tooLarge: true, skillDir };
    }
    bytes = readAll(fd, size);
  } finally {
    closeSync(fd);
  }
  // A native validity check, then a plain decode: a TextDecoder per file costs more than the read.
  const binary = bytes.includes(0) || !isUtf8(bytes);
  let text = binary ? '' : bytes.toString('utf8');
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) text = text.slice(1);
  return { path: filePath, displayPath, text, hadBom, binary, size, tooLarge: false, skillDir };
}

/**
 * The file's bytes, read into one buffer of the size fstat gave (readFileSync on a descriptor would fstat it
 * again); a file that shrank meanwhile gives what is left, one that grew gives its first `size` bytes.
 */
function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}

function walk(dir: string, symlinks: string[]): string[] {
  const files: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort(byName)) {
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) {
        symlinks.push(full);
        files.push(full);
      } else if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') visit(full);
      } else if (entry.isFile()) {
        files.push(full);
      }
    }
  };
  visit(dir);
  return files;
}

function findSkillDir(file: string): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    if (isFile(path.join(dir, 'SKILL.md'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

export function isMarkdown(file: string): boolean {
  return file.toLowerCase().endsWith('.md');
}


function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A file that exists only in memory (tests, generated pages). */
export function virtualFile(filePath: string, text: string, displayPath = filePath): SkillFile {
  return { path: filePath, displayPath, text, hadBom: false, binary: false, size: Buffer.byteLength(text), tooLarge: false };
}
