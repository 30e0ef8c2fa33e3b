// The shape of a rule: metadata that both runs it and documents it, and one check function.
import type { Document, Project, Severity, Span } from './types.ts';

export interface RuleMeta {
  /** Kebab-case id, used in config files, disable comments and output. */
  id: string;
  description: string;
  severity: Severity;
  /** Profile the rule belongs to: 'spec' rules run for any skills repository, 'cargo' rules only for ours. */
  profile: 'spec' | 'cargo';
}

export interface Report {
  span: Span;
  message: string;
  hint?: string;
  /** Report against another document than the one being checked (package-level rules). */
  path?: string;
}

export interface RuleContext {
  project: Project;
  /** Active profile: 'spec' checks only what the Agent Skills specification requires. */
  profile: 'spec' | 'cargo';
  /** Options from the config file for this rule (`rules: { id: ['warning', {...}] }`). */
  options: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Runs once per markdown document. */
  checkDocument?(doc: Document, context: RuleContext): void;
  /** Runs once per lint, over the whole project (catalog, reachability, collisions). */
  checkProject?(project: Project, context: RuleContext): void;
}
