// Runs the rules over a project and turns their reports into sorted diagnostics.
import path from 'node:path';
import type { Rule, RuleContext } from './core/rule.ts';
import type { Diagnostic, Document, Project, Severity } from './core/types.ts';
import { type Config, type Profile, loadConfig } from './config.ts';
import { UsageError } from './load/files.ts';
import { buildProject, buildProjectParallel } from './project.ts';
import { allRules } from './rules/index.ts';

export interface LintOptions {
  paths: string[];
  profile?: Profile;
  cwd?: string;
  configPath?: string;
  /** Rules to run instead of the registry (tests). */
  rules?: Rule[];
}

export interface LintResult {
  diagnostics: Diagnostic[];
  project: Project;
}

export function lint(options: LintOptions): LintResult {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(cwd, options.configPath);
  return check(buildProject(options.paths, cwd), options, config, cwd);
}

/** Same as lint; large trees are parsed on worker threads. */
export async function lintParallel(options: LintOptions): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(cwd, options.configPath);
  return check(await buildProjectParallel(options.paths, cwd), options, config, cwd);
}

function check(project: Project, options: LintOptions, config: Config, cwd: string): LintResult {
  const diagnostics = runRules(project, options.rules ?? allRules, config, options.profile ?? config.profile ?? 'cargo', cwd);
  return { diagnostics, project };
}

export function runRules(project: Project, rules: Rule[], config: Config, profile: Profile, cwd: string): Diagnostic[] {
  for (const id of Object.keys(config.rules)) {
    if (!rules.some((rule) => rule.meta.id === id)) throw new UsageError(`config names an unknown rule: ${id}`);
  }
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    if (profile === 'spec' && rule.meta.profile === 'cargo') continue;
    const configured = config.rules[rule.meta.id];
    if (configured?.setting === 'off') continue;
    const severity: Severity = configured?.setting ?? rule.meta.severity;
    const report = (doc: Document | undefined, fallbackPath: string): RuleContext['report'] => (found) => {
      const target = found.path ? project.documents.get(found.path) : doc;
      const filePath = found.path ?? fallbackPath;
      const { start, end } = found.span;
      const silenced = target?.disabledLines.get(start.line);
      if (silenced && (silenced.has('*') || silenced.has(rule.meta.id))) return;
      diagnostics.push({
        ruleId: rule.meta.id,
        severity,
        file: target?.file.displayPath ?? displayPath(filePath, cwd),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        message: found.message,
        ...(found.hint ? { hint: found.hint } : {}),
      });
    };
    const options = configured?.options ?? {};
    const guard = (filePath: string, run: () => void) => {
      try {
        run();
      } catch (error) {
        // A crashing rule must not hide the other findings; it becomes a finding itself.
        diagnostics.push({
          ruleId: rule.meta.id,
          severity: 'error',
          file: displayPath(filePath, cwd),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message: `internal error in rule ${rule.meta.id}: ${(error as Error).message}`,
        });
      }
    };
    if (rule.checkDocument) {
      for (const doc of project.documents.values()) {
        const context: RuleContext = { project, profile, options, report: report(doc, doc.file.path) };
        guard(doc.file.path, () => rule.checkDocument!(doc, context));
      }
    }
    if (rule.checkProject) {
      const context: RuleContext = { project, profile, options, report: report(undefined, project.root) };
      guard(project.root, () => rule.checkProject!(project, context));
    }
  }
  return sortDiagnostics(diagnostics);
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
