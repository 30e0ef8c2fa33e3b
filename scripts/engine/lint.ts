// A lint run: load the tree, parse each file once, run the rules it is given, and sort what they report.
// On a large tree, files are parsed and per-file rules run on worker threads, which send back only the
// diagnostics and each document's index: memory stays flat however many files there are.
import type { Rule } from '../core/rule.ts';
import type { Diagnostic, ParsedProject, Project } from '../core/types.ts';
import { type Profile, loadConfig } from '../load/config.ts';
import { loadTrees } from '../load/files.ts';
import { repositoryRoot } from '../load/repository.ts';
import { checkOptionFiles, validateConfig } from './options.ts';
import { lintFileByFile, parseTree } from './project.ts';
import { type RunSettings, runFileRules, runProjectRules, sortDiagnostics } from './run-rules.ts';
import { type ReaderStats, addStats, takeStats, useReferenceParsers } from '../parse/fast-read.ts';

/** The profile a run uses when neither the command line nor a config file names one: any repository's. */
export const DEFAULT_PROFILE: Profile = 'spec';

export interface LintOptions {
  paths: string[];
  /** The rules to run (the commands pass the registry, scripts/rules/index.ts). */
  rules: Rule[];
  profile?: Profile;
  cwd?: string;
  configPath?: string;
  /** Threads to lint with, this one included (1: this thread only); by default chosen by the tree's size. */
  threads?: number;
  /** This thread takes no file while workers run: how a test sees the worker path on a tree of three files. */
  leaveFilesToWorkers?: boolean;
  /** Parse with the reference parsers alone (remark, yaml, mvdan-sh) instead of the fast readers. */
  referenceParsers?: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** The first skills root's project (the only one when the paths name one root). */
  project: Project;
  /** The repository root (git top level, else the config file's folder, else cwd): what reports name files from. */
  repositoryRoot: string;
  /** One project per skills root the paths name, each linted as its own package. */
  projects: Project[];
  /** What was left out (dot-folders nobody named), for the user. */
  notes: string[];
  /** What the readers of every thread did: fast reads, and fallbacks by reason. */
  readerStats: ReaderStats;
}

/** Lints in this thread; the projects come back parsed in full (documents with their text and invocations). */
export function lint(options: LintOptions): LintResult & { project: ParsedProject; projects: ParsedProject[] } {
  const settings = settingsFor(options);
  useReferenceParsers(settings.referenceParsers ?? false);
  takeStats();
  const { trees, notes } = loadTrees(options.paths, settings.cwd);
  const diagnostics: Diagnostic[] = [];
  const projects = trees.map((tree) => {
    checkOptionFiles(settings.config, options.rules, tree.root);
    const project = parseTree(tree, settings.cwd);
    for (const doc of project.documents.values()) diagnostics.push(...runFileRules(doc, project.invocations.get(doc.file.path) ?? [], project.root, options.rules, settings));
    diagnostics.push(...runProjectRules(project, options.rules, settings));
    return project;
  });
  return { diagnostics: sortDiagnostics(diagnostics), project: projects[0], projects, notes, repositoryRoot: repositoryRoot(projects[0].root, settings.config.file, settings.cwd), readerStats: takeStats() };
}

/**
 * Same result as lint, with only the project's index kept: files are parsed and checked one at a time, on
 * worker threads too when the tree is large.
 */
export async function lintParallel(options: LintOptions): Promise<LintResult> {
  const settings = settingsFor(options);
  const { trees, notes } = loadTrees(options.paths, settings.cwd);
  takeStats();
  const diagnostics: Diagnostic[] = [];
  const projects: Project[] = [];
  const fromWorkers: ReaderStats[] = [];
  for (const tree of trees) {
    checkOptionFiles(settings.config, options.rules, tree.root);
    const { project, diagnostics: fromFiles, workerStats } = await lintFileByFile(tree, options.rules, settings, options.threads, options.leaveFilesToWorkers);
    diagnostics.push(...fromFiles, ...runProjectRules(project, options.rules, settings));
    projects.push(project);
    fromWorkers.push(workerStats);
  }
  const readerStats = takeStats();
  for (const stats of fromWorkers) addStats(readerStats, stats);
  return { diagnostics: sortDiagnostics(diagnostics), project: projects[0], projects, notes, repositoryRoot: repositoryRoot(projects[0].root, settings.config.file, settings.cwd), readerStats };
}

export function settingsFor(options: LintOptions): RunSettings {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(cwd, options.configPath);
  validateConfig(config, options.rules);
  return { config, profile: options.profile ?? config.profile ?? DEFAULT_PROFILE, cwd, referenceParsers: options.referenceParsers };
}
