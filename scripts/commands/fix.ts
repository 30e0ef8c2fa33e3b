// `check --fix` and `--fix-dry-run`: the repairs rules attach to their reports, applied file by file, then
// the tree linted again, until nothing more can be repaired. Besides the rules' repairs, the generated
// `references/commands.md` pages that are stale are rewritten (house profile), as `skill-lint docs` would.
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes } from '../core/edits.ts';
import { displayPath } from '../core/paths.ts';
import type { Diagnostic, TextEdit } from '../core/types.ts';
import { type LintOptions, type LintResult, lintParallel, settingsFor } from '../engine/lint.ts';
import { SKILL_DOMAINS, renderCommandsPage } from './docs.ts';

/** Passes after which the fixer stops even if repairs remain (each pass lints the tree again). */
const MAX_PASSES = 10;
const BOM = '\uFEFF';

export interface FileChange {
  /** Absolute path. */
  path: string;
  displayPath: string;
  before: string;
  after: string;
  /** Repairs applied (a rewritten generated page counts as one). */
  repairs: number;
}

export interface FixResult extends LintResult {
  /** What changed, per file: written to disk, or with `dryRun` only computed. */
  changes: FileChange[];
}

/**
 * Lints, applies every repair that fits, writes each changed file atomically, and lints again, until a pass
 * repairs nothing. With `dryRun`, computes the first pass's changes and writes nothing.
 */
export async function lintAndFix(options: LintOptions & { dryRun?: boolean }): Promise<FixResult> {
  // The profile the run uses, worked out as the engine does (command line, else config, else the default).
  const { cwd, profile } = settingsFor(options);
  const changes = new Map<string, FileChange>();
  let result = await lintParallel(options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const planned = planChanges(result, cwd, profile === 'cargo' && pass === 0);
    if (planned.length === 0) break;
    for (const change of planned) {
      const known = changes.get(change.path);
      changes.set(change.path, known ? { ...known, after: change.after, repairs: known.repairs + change.repairs } : change);
    }
    if (options.dryRun) break;
    for (const change of planned) writeAtomically(change.path, change.after);
    result = await lintParallel(options);
  }
  return { ...result, changes: [...changes.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0)) };
}

/** The new text of every file with a repair that applies, from the diagnostics' fixes and stale generated pages. */
function planChanges(result: LintResult, cwd: string, generatedPages: boolean): FileChange[] {
  const fixesByFile = new Map<string, TextEdit[][]>();
  for (const diagnostic of result.diagnostics) {
    if (!diagnostic.fix) continue;
    const file = path.resolve(cwd, diagnostic.file);
    const fixes = fixesByFile.get(file) ?? [];
    fixes.push(diagnostic.fix);
    fixesByFile.set(file, fixes);
  }
  const changes: FileChange[] = [];
  for (const [file, fixes] of fixesByFile) {
    const raw = readFileSync(file, 'utf8');
    const bom = raw.startsWith(BOM) ? BOM : '';
    const { text, applied } = applyFixes(raw.slice(bom.length), fixes);
    if (applied > 0 && bom + text !== raw) changes.push({ path: file, displayPath: displayPath(file, cwd), before: raw, after: bom + text, repairs: applied });
  }
  if (generatedPages) changes.push(...stalePages(result, cwd));
  return changes;
}

/** Generated command references of the linted capability skills that no longer match the schema. */
function stalePages(result: LintResult, cwd: string): FileChange[] {
  const changes: FileChange[] = [];
  for (const skill of result.project.skills) {
    const domain = SKILL_DOMAINS[skill.name];
    const file = path.join(skill.dir, 'references', 'commands.md');
    if (domain === undefined || !existsSync(file)) continue;
    const before = readFileSync(file, 'utf8');
    const after = renderCommandsPage(domain);
    if (before !== after) changes.push({ path: file, displayPath: displayPath(file, cwd), before, after, repairs: 1 });
  }
  return changes;
}

/**
 * Writes beside the file, then renames over it: a reader sees the old text or the new, never half of one.
 * An existing file keeps its permissions.
 */
export function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.skill-lint-tmp`);
  try {
    writeFileSync(temporary, text, existsSync(file) ? { mode: statSync(file).mode & 0o7777 } : {});
    renameSync(temporary, file);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
}

/** Diagnostics that carry a repair. */
export function fixableCount(diagnostics: Diagnostic[]): number {
  return diagnostics.filter((diagnostic) => diagnostic.fix).length;
}
