// `check --watch`: lint, then lint again after every save, re-checking the files that changed and running
// the rules that read across files (see engine/incremental.ts), and print the report each time. Ends on
// SIGINT or SIGTERM, with the exit code of the last report.
import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/types.ts';
import { IncrementalLint } from '../engine/incremental.ts';
import type { LintOptions } from '../engine/lint.ts';

/** Saves arrive as several events (write, rename of a temporary file, metadata); one lint answers them all. */
const SETTLE_MS = 20;

export interface WatchOptions {
  lint: LintOptions;
  /** Prints one report. */
  print(diagnostics: Diagnostic[]): void;
  /** The exit code a report gives. */
  exitCode(diagnostics: Diagnostic[]): number;
  /** One status line (stderr). */
  status(line: string): void;
}

/** Folders never linted, so never watched. */
const SKIPPED = new Set(['.git', 'node_modules']);

/**
 * The folders to watch for `target`, each with the names that matter in it (undefined: all). A file is
 * watched through its folder, since editors often save by renaming a new file over the old one; a folder
 * with every folder below it (symbolic links not followed).
 */
function watchedFolders(target: string, into: Map<string, Set<string> | undefined>): void {
  let entries;
  try {
    entries = statSync(target).isDirectory() ? readdirSync(target, { withFileTypes: true }) : undefined;
  } catch {
    // Not there (yet): a file is still watched for through its folder, so that making it counts as a save.
    entries = undefined;
  }
  if (!entries) {
    const folder = path.dirname(target);
    if (!into.has(folder) || into.get(folder)) into.set(folder, new Set([...(into.get(folder) ?? []), path.basename(target)]));
    return;
  }
  into.set(target, undefined);
  for (const entry of entries) {
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) watchedFolders(path.join(target, entry.name), into);
  }
}

export function watchCheck(options: WatchOptions): Promise<number> {
  const cwd = options.lint.cwd ?? process.cwd();
  const incremental = new IncrementalLint(options.lint);
  let last = incremental.run().diagnostics;
  options.print(last);
  // The config file too: its severities and options change every report.
  const config = path.resolve(cwd, options.lint.configPath ?? 'skill-lint.config.json');
  const targets = [...options.lint.paths.map((target) => path.resolve(cwd, target)), config];

  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let changed = new Set<string>();
    const relint = () => {
      timer = undefined;
      const names = [...changed];
      changed = new Set();
      const started = performance.now();
      try {
        const result = incremental.run();
        last = result.diagnostics;
        options.print(last);
        const what = names.length === 1 ? names[0] : `${names.length} paths`;
        options.status(`${what} changed: ${result.rechecked.length} file${result.rechecked.length === 1 ? '' : 's'} checked again in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        // A path that vanished or a config that no longer parses: say so and keep watching.
        options.status(`could not lint: ${(error as Error).message}`);
      }
      // Folders made or removed since: watched, or no longer.
      syncWatchers();
    };
    const onChange = (base: string) => (_event: string, file: string | Buffer | null) => {
      const names = wanted.get(base);
      if (names && (!file || !names.has(file.toString()))) return;
      changed.add(path.relative(cwd, file ? path.join(base, file.toString()) : base) || '.');
      if (timer) clearTimeout(timer);
      timer = setTimeout(relint, SETTLE_MS);
    };
    // One plain watcher per folder, set up before the first status line: Node 20's
    // recursive watching on Linux sets itself up in the background and misses saves made meanwhile.
    const watchers = new Map<string, FSWatcher>();
    let wanted = new Map<string, Set<string> | undefined>();
    const syncWatchers = () => {
      wanted = new Map();
      for (const target of targets) watchedFolders(target, wanted);
      for (const [watched, watcher] of watchers) {
        if (wanted.has(watched)) continue;
        watcher.close();
        watchers.delete(watched);
      }
      for (const folder of wanted.keys()) {
        if (watchers.has(folder)) continue;
        try {
          const watcher = watch(folder, onChange(folder));
          // A folder deleted between the listing and now, or unreadable: the next sync drops it.
          watcher.on('error', () => undefined);
          watchers.set(folder, watcher);
        } catch {
          // Gone before it could be watched: the next change's sync sees it again if it comes back.
        }
      }
    };
    syncWatchers();
    options.status(`watching ${options.lint.paths.join(', ')} (Ctrl-C to stop)`);
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      resolve(options.exitCode(last));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
