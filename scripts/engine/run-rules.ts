// Runs rules on parsed documents and turns their reports into diagnostics. Per-file rules (`checkFile`) read
// one document and can run on any thread; the others read the project's index of every document.
import { type FileContext, type OptionValues, type OptionSchemas, type Report, type Rule, type RuleContext, optionsWithDefaults } from '../core/rule.ts';
import type { Diagnostic, Document, DocumentIndex, Invocation, Project, Severity } from '../core/types.ts';
import { displayPath } from '../core/paths.ts';
import type { Config, Profile } from '../load/config.ts';

/** Everything a rule run needs besides the documents and the rules; plain data, so it can be handed to a worker. */
export interface RunSettings {
  config: Config;
  profile: Profile;
  cwd: string;
  /** Parse with the reference parsers alone (remark, yaml, mvdan-sh), on every thread. */
  referenceParsers?: boolean;
}

interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: OptionValues<OptionSchemas>;
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
    active.push({ rule, severity: configured?.setting ?? rule.meta.severity, options: optionsWithDefaults(rule.meta, configured?.options) as OptionValues<OptionSchemas> });
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
        severity: found.severity ?? active.severity,
        file: target?.file.displayPath ?? displayPath(found.path ?? fallbackPath, this.cwd),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        message: found.message,
        ...(found.hint ? { hint: found.hint } : {}),
        ...(found.fix && active.rule.meta.fixable ? { fix: found.fix } : {}),
      });
    };
  }

  /** Runs `check` on `subject` with `context`: passed apart, so that a file's many rule runs make no closure each. */
  guard<Subject, Context>(active: ActiveRule, filePath: string, check: (subject: Subject, context: Context) => void, subject: Subject, context: Context): void {
    try {
      check(subject, context);
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
  const lookup = (file: string) => (file === doc.file.path ? doc : undefined);
  for (const active of activeRules(rules, settings)) {
    const check = active.rule.checkFile;
    if (!check) continue;
    const context: FileContext = {
      root,
      invocations,
      linted,
      profile: settings.profile,
      options: active.options,
      report: collector.reporter(active, doc, doc.file.path, lookup),
    };
    collector.guard(active, doc.file.path, check, doc, context);
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
      for (const doc of project.documents.values()) collector.guard(active, doc.file.path, checkDocument, doc, context(doc, doc.file.path));
    }
    if (checkProject) collector.guard(active, project.root, checkProject, project, context(undefined, project.root));
  }
  return collector.diagnostics;
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
