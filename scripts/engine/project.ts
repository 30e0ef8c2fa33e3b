// Builds the Project: every file loaded and parsed once, every invocation extracted once.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Diagnostic, Document, DocumentIndex, Invocation, ParsedProject, Project, Skill } from '../core/types.ts';
import { extractInvocations } from '../extract/invocations.ts';
import type { Rule } from '../core/rule.ts';
import { allRules } from '../rules/index.ts';
import { type RunSettings, runFileRules } from './run-rules.ts';
import { type LoadedTree, loadTree, readSkillFile } from '../load/files.ts';
import { parseDocument } from '../parse/document.ts';
import { type FileJob, asIndex, lintFilesShared } from './pool.ts';
import { type ReaderStats, useReferenceParsers } from '../parse/fast-read.ts';

/**
 * Below this many files, worker threads cost more than they save: each loads the code and starts cold, and
 * their results cross to this thread. On 2 cores (`npm run bench -- --threads`, 2026-12-05) two threads
 * were slower than one from 50 files up to 2,000 (by 13 to 26%) and even at 5,000; they won at 10,000. On
 * more cores they pay off sooner (not measured here), and `--threads` says how many to use.
 */
export const PARALLEL_THRESHOLD = availableParallelism() <= 2 ? 8000 : 2000;
/** Most threads used when the user does not say: the main thread and up to three workers. */
const MAX_THREADS = 4;
/** Files from this size up are parsed on the main thread (see lintFileByFile). */
export const WORKER_FILE_LIMIT = 256 * 1024;

/**
 * The threads a request for `requested` gets: at most what the machine runs at once. Each worker holds its own
 * heap and warms up alone, so threads beyond the cores only cost (`--threads 1000` on 126 files once took
 * 182 s and 12.8 GB).
 */
export function usableThreads(requested: number): number {
  return Math.max(1, Math.min(requested, availableParallelism()));
}

export interface ParsedFile {
  doc: Document;
  invocations: Invocation[];
}

export function buildProject(inputs: string[], cwd = process.cwd()): ParsedProject {
  return parseTree(loadTree(inputs, cwd), cwd);
}

/** Parses every markdown file of a loaded tree in this thread. */
export function parseTree(tree: LoadedTree, cwd: string): ParsedProject {
  const documents = new Map<string, Document>();
  const invocations = new Map<string, Invocation[]>();
  const skillDirOf = skillDirLookup(tree);
  for (const file of tree.markdown) {
    const parsed = parseFile(file, cwd, skillDirOf(file));
    documents.set(file, parsed.doc);
    invocations.set(file, parsed.invocations);
  }
  return { ...assemble(tree, cwd, documents), documents, invocations };
}

/**
 * Parses the tree file by file, each file put through the per-file rules at once and then kept only as its
 * index, so no thread holds the whole tree; returns the project index and those rules' diagnostics.
 * `threads` counts this thread; by default one per core from PARALLEL_THRESHOLD files, else this one alone.
 */
export async function lintFileByFile(
  tree: LoadedTree,
  rules: Rule[],
  settings: RunSettings,
  requested?: number,
  leaveFilesToWorkers = false,
): Promise<{ project: Project; diagnostics: Diagnostic[]; workerStats: ReaderStats }> {
  useReferenceParsers(settings.referenceParsers ?? false);
  // Workers find their rules in the registry by id, so rules from elsewhere (tests) run on this thread only.
  const ruleIds = workerRuleIds(rules);
  const wanted = requested !== undefined ? usableThreads(requested) : (tree.markdown.length >= PARALLEL_THRESHOLD ? Math.min(availableParallelism(), MAX_THREADS) : 1);
  const threads = ruleIds ? wanted : 1;
  const skillDirOf = skillDirLookup(tree);
  const jobs = tree.markdown.map((file) => ({ path: file, skillDir: skillDirOf(file) }));
  // Large files stay on this thread, where the heap is not capped: a parse can take a hundred times the file's size.
  const large: FileJob[] = [];
  const small: FileJob[] = [];
  for (const job of jobs) (threads > 1 && sizeOf(job.path) >= WORKER_FILE_LIMIT ? large : small).push(job);
  const linted = new Set(tree.markdown);
  const check = (job: FileJob) => parseAndCheckFile(job, tree.root, rules, settings, linted);
  const shared = lintFilesShared(small, tree.root, ruleIds ?? [], settings, threads - 1, leaveFilesToWorkers && threads > 1 ? undefined : check);
  const here = new Map<string, DocumentIndex>();
  const diagnostics: Diagnostic[] = [];
  for (const job of large) {
    const checked = check(job);
    diagnostics.push(...checked.diagnostics);
    here.set(job.path, asIndex(checked.doc));
  }
  const { documents: fromThreads, diagnostics: fromRules, workerStats } = await shared;
  diagnostics.push(...fromRules);
  // Documents in the order the tree listed them, as the single-thread build gives them.
  const documents = new Map(jobs.flatMap((job) => {
    const doc = fromThreads.get(job.path) ?? here.get(job.path);
    return doc ? [[job.path, doc] as const] : [];
  }));
  return { project: assemble(tree, settings.cwd, documents), diagnostics, workerStats };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** One file parsed and put through the per-file rules: what a worker does for each file it is given. */
export function parseAndCheckFile(job: FileJob, root: string, rules: Rule[], settings: RunSettings, linted?: ReadonlySet<string>): { doc: Document; diagnostics: Diagnostic[] } {
  const { doc, invocations } = parseFile(job.path, settings.cwd, job.skillDir);
  return { doc, diagnostics: runFileRules(doc, invocations, root, rules, settings, linted) };
}

/** The ids of `rules` when every one of them is a registry rule (what a worker can look up), else undefined. */
function workerRuleIds(rules: Rule[]): string[] | undefined {
  const registered = new Set(allRules);
  return rules.every((rule) => registered.has(rule)) ? rules.map((rule) => rule.meta.id) : undefined;
}

/** The registry rules with these ids, in the registry's order: how a worker thread gets its rules. */
export function registryRules(ids: readonly string[]): Rule[] {
  const wanted = new Set(ids);
  return allRules.filter((rule) => wanted.has(rule.meta.id));
}

export function parseFile(file: string, cwd: string, skillDir: string | undefined): ParsedFile {
  const doc = parseDocument(readSkillFile(file, cwd, skillDir));
  return { doc, invocations: extractInvocations(doc) };
}

/**
 * The skill folder of a file: the outermost skill folder above it. Found by walking up the file's folders,
 * so the cost stays with a path's depth however many skills the tree has.
 */
export function skillDirLookup(tree: LoadedTree): (file: string) => string | undefined {
  const skillDirs = new Set(tree.skillDirs);
  return (file) => {
    let found: string | undefined;
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      if (skillDirs.has(dir)) found = dir;
      if (path.dirname(dir) === dir) return found;
    }
  };
}

export function assemble(tree: LoadedTree, cwd: string, documents: Map<string, DocumentIndex>): Project {
  const skills: Skill[] = tree.skillDirs.map((dir) => {
    const skillMd = path.join(dir, 'SKILL.md');
    const doc = documents.get(skillMd) ?? parseDocument(readSkillFile(skillMd, cwd, dir));
    return { name: path.basename(dir), dir, doc, files: tree.filesBySkill.get(dir) ?? [] };
  });
  return { root: tree.root, skills, documents, strayDirs: tree.strayDirs, symlinks: tree.symlinks };
}
