// A lint run: load the tree, parse each file once, run the rules it is given, and sort what they report.
// On a large tree, files are parsed and per-file rules run on worker threads, which send back only the
// diagnostics and each document's index: memory stays flat however many files there are.
import type { Rule } from '../core/rule.ts';
import type { Diagnostic, ParsedProject, Project } from '../core/types.ts';
import { type Profile, loadConfig } from '../load/config.ts';
import { UsageError, loadTree } from '../load/files.ts';
import { buildProject, lintFileByFile } from './project.ts';
import { type RunSettings, runFileRules, runProjectRules, sortDiagnostics } from './run-rules.ts';
import { type ReaderStats, addStats, takeStats, useReferenceParsers } from '../parse/fast-read.ts';

export interface LintOptions {
  paths: string[];
  /** The rules to run (the commands pass the registry, scripts/rules/index.ts). */
  rules: Rule[];
  profile?: Profile;
  cwd?: string;
  configPath?: string;
  /** Threads to lint with, this one included (1: this thread only); by default chosen by the tree's size. */
  threads?: number;
  /** Parse with the reference parsers alone (remark, yaml, mvdan-sh) instead of the fast readers. */
  referenceParsers?: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  project: Project;
  /** What the readers of every thread did: fast reads, and fallbacks by reason. */
  readerStats: ReaderStats;
}

/** Lints in this thread; the project comes back parsed in full (documents with their text and invocations). */
export function lint(options: LintOptions): LintResult & { project: ParsedProject } {
  const settings = settingsFor(options);
  useReferenceParsers(settings.referenceParsers ?? false);
  takeStats();
  const project = buildProject(options.paths, settings.cwd);
  const diagnostics = [...project.documents.values()].flatMap((doc) => runFileRules(doc, project.invocations.get(doc.file.path) ?? [], project.root, options.rules, settings));
  diagnostics.push(...runProjectRules(project, options.rules, settings));
  return { diagnostics: sortDiagnostics(diagnostics), project, readerStats: takeStats() };
}

/**
 * Same result as lint, with only the project's index kept: files are parsed and checked one at a time, on
 * worker threads too when the tree is large.
 */
export async function lintParallel(options: LintOptions): Promise<LintResult> {
  const settings = settingsFor(options);
  const tree = loadTree(options.paths, settings.cwd);
  takeStats();
  const { project, diagnostics, workerStats } = await lintFileByFile(tree, options.rules, settings, options.threads);
  const sorted = sortDiagnostics([...diagnostics, ...runProjectRules(project, options.rules, settings)]);
  const readerStats = takeStats();
  addStats(readerStats, workerStats);
  return { diagnostics: sorted, project, readerStats };
}

function settingsFor(options: LintOptions): RunSettings {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(cwd, options.configPath);
  for (const id of Object.keys(config.rules)) {
    if (!options.rules.some((rule) => rule.meta.id === id)) throw new UsageError(`config names an unknown rule: ${id}`);
  }
  return { config, profile: options.profile ?? config.profile ?? 'cargo', cwd, referenceParsers: options.referenceParsers };
}
