// Turns the paths a user gives into skill folders and files, reading each markdown file once.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
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

export function loadTree(inputs: string[], cwd = process.cwd()): LoadedTree {
  if (inputs.some((input) => input.trim() === '')) throw new UsageError('a path is empty: name a skills root, a skill folder or a markdown file');
  const absolute = inputs.map((input) => path.resolve(cwd, input));
  for (const input of absolute) {
    try {
      statSync(input);
    } catch {
      throw new UsageError(`path not found: ${path.relative(cwd, input) || input}`);
    }
  }
  const skillDirs = new Set<string>();
  const strayDirs: string[] = [];
  const namedFiles: string[] = [];
  let root: string | undefined;

  for (const input of absolute) {
    if (statSync(input).isFile()) {
      namedFiles.push(input);
      const skillDir = findSkillDir(input);
      if (skillDir) skillDirs.add(skillDir);
      root ??= skillDir ? path.dirname(skillDir) : path.dirname(input);
    } else if (isFile(path.join(input, 'SKILL.md'))) {
      skillDirs.add(input);
      root ??= path.dirname(input);
    } else {
      root ??= input;
      for (const entry of readdirSync(input, { withFileTypes: true }).sort(byName)) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const dir = path.join(input, entry.name);
        if (isFile(path.join(dir, 'SKILL.md'))) skillDirs.add(dir);
        else strayDirs.push(dir);
      }
    }
  }

  const symlinks: string[] = [];
  const filesBySkill = new Map<string, string[]>();
  for (const dir of [...skillDirs].sort()) filesBySkill.set(dir, walk(dir, symlinks));
  const markdown =
    namedFiles.length > 0 && namedFiles.length === absolute.length
      ? namedFiles.filter((file) => file.toLowerCase().endsWith('.md'))
      : [...new Set([...filesBySkill.values()].flat().filter(isMarkdown).concat(namedFiles))];
  const symlinked = new Set(symlinks);
  if (skillDirs.size === 0 && markdown.length === 0) {
    throw new UsageError(`no skills found under ${inputs.join(', ')}: no SKILL.md in it or in its folders, and no markdown file named`);
  }
  return {
    root: root ?? cwd,
    skillDirs: [...skillDirs].sort(),
    strayDirs,
    filesBySkill,
    symlinks,
    markdown: markdown.filter((file) => !symlinked.has(file)).sort(),
  };
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
