// Lints again after edits, re-checking only what changed: `check --watch` keeps one of these for its run.
// A file whose size and modification time are unchanged keeps its per-file diagnostics and its index; the
// others are parsed and checked again. The rules that read across files (anchors on other pages, the router
// catalog, reachability, descriptions) then run over the whole index, since any edit can change what they
// find on other pages; they read only the index, which is what keeps them fast. When files appear or
// disappear, or the config changes, every file is checked again: per-file rules resolve links against the
// list of files, and run with the config's severities and options.
import { statSync } from 'node:fs';
import type { Diagnostic, DocumentIndex, Project } from '../core/types.ts';
import { loadTrees } from '../load/files.ts';
import { useReferenceParsers } from '../parse/fast-read.ts';
import { type LintOptions, settingsFor } from './lint.ts';
import { checkOptionFiles } from './options.ts';
import { asIndex } from './pool.ts';
import { assemble, parseAndCheckFile, skillDirLookup } from './project.ts';
import { runProjectRules, sortDiagnostics } from './run-rules.ts';

interface CheckedFile {
  stamp: string;
  doc: DocumentIndex;
  diagnostics: Diagnostic[];
}

export interface IncrementalResult {
  diagnostics: Diagnostic[];
  project: Project;
  /** Markdown files parsed and checked again in this run. */
  rechecked: string[];
}

export class IncrementalLint {
  private readonly checked = new Map<string, CheckedFile>();
  private listing = '';

  constructor(private readonly options: LintOptions) {}

  /**
   * Lints each root as `check` does (its own project), re-checking only files changed since the previous run
   * (all of them the first time).
   */
  run(): IncrementalResult {
    const settings = settingsFor(this.options);
    useReferenceParsers(settings.referenceParsers ?? false);
    const { trees } = loadTrees(this.options.paths, settings.cwd);
    // Kept results hold only while the files present and the settings they were checked with stay the same.
    const listing = [
      [JSON.stringify(settings.config), settings.profile],
      ...trees.flatMap((tree) => [[tree.root], tree.markdown, tree.skillDirs, [...tree.filesBySkill.values()].flat(), tree.strayDirs, tree.symlinks]),
    ]
      .map((list) => list.join('\n'))
      .join('\n\n');
    if (listing !== this.listing) this.checked.clear();
    this.listing = listing;
    const rechecked: string[] = [];
    const diagnostics: Diagnostic[] = [];
    const projects: Project[] = [];
    const present = new Set<string>();
    for (const tree of trees) {
      checkOptionFiles(settings.config, this.options.rules, tree.root);
      const skillDirOf = skillDirLookup(tree);
      const linted = new Set(tree.markdown);
      const documents = new Map<string, DocumentIndex>();
      for (const file of tree.markdown) {
        const stamp = stampOf(file);
        let entry = this.checked.get(file);
        if (!entry || entry.stamp !== stamp) {
          const { doc, diagnostics: found } = parseAndCheckFile({ path: file, skillDir: skillDirOf(file) }, tree.root, this.options.rules, settings, linted);
          entry = { stamp, doc: asIndex(doc), diagnostics: found };
          this.checked.set(file, entry);
          rechecked.push(file);
        }
        documents.set(file, entry.doc);
        present.add(file);
        diagnostics.push(...entry.diagnostics);
      }
      const project = assemble(tree, settings.cwd, documents);
      diagnostics.push(...runProjectRules(project, this.options.rules, settings));
      projects.push(project);
    }
    for (const file of this.checked.keys()) if (!present.has(file)) this.checked.delete(file);
    return { diagnostics: sortDiagnostics(diagnostics), project: projects[0], rechecked };
  }
}

function stampOf(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    return 'missing';
  }
}
