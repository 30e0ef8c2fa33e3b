// Builds the Project: every file loaded and parsed once, every invocation extracted once.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Document, Invocation, Project, Skill } from './core/types.ts';
import { extractInvocations } from './extract/invocations.ts';
import { type LoadedTree, loadTree, readSkillFile } from './load/files.ts';
import { parseDocument } from './parse/document.ts';
import { parseInWorkers } from './parse/pool.ts';

/** Below this many files, starting worker threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 300;

export interface ParsedFile {
  doc: Document;
  invocations: Invocation[];
}

export function buildProject(inputs: string[], cwd = process.cwd()): Project {
  const tree = loadTree(inputs, cwd);
  return assemble(tree, cwd, tree.markdown.map((file) => parseFile(file, cwd, skillDirOf(tree, file))));
}

/** Same result as buildProject; large trees are parsed on worker threads. */
export async function buildProjectParallel(inputs: string[], cwd = process.cwd()): Promise<Project> {
  const tree = loadTree(inputs, cwd);
  const threads = Math.min(availableParallelism(), 4);
  if (tree.markdown.length < PARALLEL_THRESHOLD || threads < 2) return assemble(tree, cwd, tree.markdown.map((file) => parseFile(file, cwd, skillDirOf(tree, file))));
  const jobs = tree.markdown.map((file) => ({ path: file, skillDir: skillDirOf(tree, file) }));
  return assemble(tree, cwd, await parseInWorkers(jobs, cwd, threads));
}

export function parseFile(file: string, cwd: string, skillDir: string | undefined): ParsedFile {
  const doc = parseDocument(readSkillFile(file, cwd, skillDir));
  return { doc, invocations: extractInvocations(doc) };
}

function skillDirOf(tree: LoadedTree, file: string): string | undefined {
  return tree.skillDirs.find((dir) => file.startsWith(dir + path.sep));
}

function assemble(tree: LoadedTree, cwd: string, parsed: ParsedFile[]): Project {
  const documents = new Map<string, Document>();
  const invocations = new Map<string, Invocation[]>();
  for (const { doc, invocations: found } of parsed) {
    documents.set(doc.file.path, doc);
    invocations.set(doc.file.path, found);
  }
  const skills: Skill[] = tree.skillDirs.map((dir) => {
    const skillMd = path.join(dir, 'SKILL.md');
    const doc = documents.get(skillMd) ?? parseDocument(readSkillFile(skillMd, cwd, dir));
    return { name: path.basename(dir), dir, doc, files: tree.filesBySkill.get(dir) ?? [] };
  });
  return { root: tree.root, skills, documents, strayDirs: tree.strayDirs, symlinks: tree.symlinks, invocations };
}
