// The shape of a rule: metadata that both runs it and documents it, and one check function.
import type { Document, DocumentIndex, Invocation, Project, Severity, Span, TextEdit } from './types.ts';

export interface RuleMeta {
  /** Kebab-case id, used in config files, disable comments and output. */
  id: string;
  description: string;
  severity: Severity;
  /** Profile the rule belongs to: 'spec' rules run for any skills repository, 'cargo' rules only for ours. */
  profile: 'spec' | 'cargo';
  /** The rule attaches a repair to the reports it can repair safely (`check --fix`). */
  fixable?: true;
}

export interface Report {
  span: Span;
  message: string;
  hint?: string;
  /** Report against another document than the one being checked (package-level rules). */
  path?: string;
  /**
   * The one repair that makes this report go away without changing what the text means: edits to the
   * reported document. Left out when more than one repair is possible.
   */
  fix?: TextEdit[];
}

interface BaseContext {
  /** Active profile: 'spec' checks only what the Agent Skills specification requires. */
  profile: 'spec' | 'cargo';
  /** Options from the config file for this rule (`rules: { id: ['warning', {...}] }`). */
  options: Record<string, unknown>;
  report(report: Report): void;
}

/** What a per-file rule sees besides its document: nothing of other files, so it can run on any thread. */
export interface FileContext extends BaseContext {
  /** Absolute skills root (links may not leave it; option paths are relative to it). */
  root: string;
  /** The document's `cargo-ai` invocations. */
  invocations: Invocation[];
  /** The files this run lints, when known: each exists, so a link to one needs no look-up (see resolveLink). */
  linted?: ReadonlySet<string>;
}

export interface RuleContext extends BaseContext {
  project: Project;
}

export interface Rule {
  meta: RuleMeta;
  /** Runs once per markdown document, reading that document only. */
  checkFile?(doc: Document, context: FileContext): void;
  /** Runs once per markdown document, with the project's index of the other documents (anchors, links). */
  checkDocument?(doc: DocumentIndex, context: RuleContext): void;
  /** Runs once per lint, over the whole project (catalog, reachability, collisions). */
  checkProject?(project: Project, context: RuleContext): void;
}
