// Runs the rules over a project and turns their reports into sorted diagnostics.
// Per-file rules (`checkFile`) read one document; the others read the project's index of every document.
// On a large tree, files are parsed and per-file rules run on worker threads, which send back only the
// diagnostics and each document's index: memory stays flat however many files there are.
import path from 'node:path';
import type { FileContext, Report, Rule, RuleContext } from './core/rule.ts';
import type { Diagnostic, Document, DocumentIndex, Invocation, ParsedProject, Project, Severity } from './core/types.ts';
import { type Config, type Profile, loadConfig } from './config.ts';
import { UsageError, loadTree } from './load/files.ts';
import { buildProject, lintFileByFile } from './project.ts';
import { allRules } from './rules/index.ts';

export interface LintOptions {
  paths: string[];
  profile?: Profile;
  cwd?: string;
  configPath?: string;
  /** Rules to run instead of the registry (tests). */
  rules?: Rule[];
  /** Threads to lint with, this one included (1: this thread only); by default chosen by the tree's size. */
  threads?: number;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  project: Project;
}

/** Everything a rule run needs besides the documents; plain data, so it can be handed to a worker. */
export interface RunSettings {
  config: Config;
  profile: Profile;
  cwd: string;
}

/** Lints in this thread; the project comes back parsed in full (documents with their text and invocations). */
export function lint(options: LintOptions): LintResult & { project: ParsedProject } {
  const settings = settingsFor(options);
  return lintParsed(buildProject(options.paths, settings.cwd), options.rules ?? allRules, settings);
}

/**
 * Same result as lint, with only the project's index kept: files are parsed and checked one at a time, on
 * worker threads too when the tree is large.
 */
export async function lintParallel(options: LintOptions): Promise<LintResult> {
  if (options.rules) return lint(options);
  const settings = settingsFor(options);
  const tree = loadTree(options.paths, settings.cwd);
  const { project, diagnostics } = await lintFileByFile(tree, settings, options.threads);
  return { diagnostics: sortDiagnostics([...diagnostics, ...runProjectRules(project, allRules, settings)]), project };
}

function lintParsed(project: ParsedProject, rules: Rule[], settings: RunSettings): LintResult & { project: ParsedProject } {
  const diagnostics = [...project.documents.values()].flatMap((doc) => runFileRules(doc, project.invocations.get(doc.file.path) ?? [], project.root, rules, settings));
  diagnostics.push(...runProjectRules(project, rules, settings));
  return { diagnostics: sortDiagnostics(diagnostics), project };
}

function settingsFor(options: LintOptions): RunSettings {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(cwd, options.configPath);
  for (const id of Object.keys(config.rules)) {
    if (!(options.rules ?? allRules).some((rule) => rule.meta.id === id)) throw new UsageError(`config names an unknown rule: ${id}`);
  }
  return { config, profile: options.profile ?? config.profile ?? 'cargo', cwd };
}

interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** Active rules by settings and rule list: the same for every file of a run, so worked out once. */
const activeBySettings = new WeakMap<RunSettings, WeakMap<Rule[], ActiveRule[]>>();

function activeRules(rules: Rule[], settings: RunSettings): ActiveRule[] {
  let byRules = activeBySettings.get(settings);
  if (!byRules) activeBySettings.set(settings, (byRules = new WeakMap()));
  let active = byRules.get(rules);
  if (!active) byRules.set(rules, (active = selectRules(rules, settings)));
  return active;
}

function selectRules(rules: Rule[], { config, profile }: RunSettings): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    if (profile === 'spec' && rule.meta.profile === 'cargo') continue;
    const configured = config.rules[rule.meta.id];
    if (configured?.setting === 'off') continue;
    active.push({ rule, severity: configured?.setting ?? rule.meta.severity, options: configured?.options ?? {} });
  }
  return active;
}

/** Collects one rule's reports as diagnostics, honouring disable comments; a crashing rule becomes a finding. */
class Collector {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly cwd: string) {}

  reporter(active: ActiveRule, doc: DocumentIndex | undefined, fallbackPath: string, lookup: (file: string) => DocumentIndex | undefined): (found: Report) => void {
    return (found) => {
      const target = found.path ? lookup(found.path) : doc;
      const { start, end } = found.span;
      const silenced = target?.disabledLines.get(start.line);
      if (silenced && (silenced.has('*') || silenced.has(active.rule.meta.id))) return;
      this.diagnostics.push({
        ruleId: active.rule.meta.id,
        severity: active.severity,
        file: target?.file.displayPath ?? displayPath(found.path ?? fallbackPath, this.cwd),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        message: found.message,
        ...(found.hint ? { hint: found.hint } : {}),
      });
    };
  }

  guard(active: ActiveRule, filePath: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.diagnostics.push({
        ruleId: active.rule.meta.id,
        severity: 'error',
        file: displayPath(filePath, this.cwd),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: `internal error in rule ${active.rule.meta.id}: ${(error as Error).message}`,
      });
    }
  }
}

/** The per-file rules on one document. */
export function runFileRules(doc: Document, invocations: Invocation[], root: string, rules: Rule[], settings: RunSettings, linted?: ReadonlySet<string>): Diagnostic[] {
  const collector = new Collector(settings.cwd);
  for (const active of activeRules(rules, settings)) {
    const check = active.rule.checkFile;
    if (!check) continue;
    const context: FileContext = {
      root,
      invocations,
      linted,
      profile: settings.profile,
      options: active.options,
      report: collector.reporter(active, doc, doc.file.path, (file) => (file === doc.file.path ? doc : undefined)),
    };
    collector.guard(active, doc.file.path, () => check(doc, context));
  }
  return collector.diagnostics;
}

/** The rules that read across files: per document against the project's index, and once over the project. */
export function runProjectRules(project: Project, rules: Rule[], settings: RunSettings): Diagnostic[] {
  const collector = new Collector(settings.cwd);
  const lookup = (file: string) => project.documents.get(file);
  for (const active of activeRules(rules, settings)) {
    const { checkDocument, checkProject } = active.rule;
    const context = (doc: DocumentIndex | undefined, fallback: string): RuleContext => ({
      project,
      profile: settings.profile,
      options: active.options,
      report: collector.reporter(active, doc, fallback, lookup),
    });
    if (checkDocument) {
      for (const doc of project.documents.values()) collector.guard(active, doc.file.path, () => checkDocument(doc, context(doc, doc.file.path)));
    }
    if (checkProject) collector.guard(active, project.root, () => checkProject(project, context(undefined, project.root)));
  }
  return collector.diagnostics;
}

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') ? relative : file;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
