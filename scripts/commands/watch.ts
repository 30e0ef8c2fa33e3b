// `check --watch`: lint, then lint again after every save, re-checking the files that changed and running
// the rules that read across files (see engine/incremental.ts), and print the report each time. Ends on
// SIGINT or SIGTERM, with the exit code of the last report.
import { type FSWatcher, existsSync, statSync, watch } from 'node:fs';
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

export function watchCheck(options: WatchOptions): Promise<number> {
  const cwd = options.lint.cwd ?? process.cwd();
  const incremental = new IncrementalLint(options.lint);
  let last = incremental.run().diagnostics;
  options.print(last);
  // The config file too: its severities and options change every report.
  const config = path.resolve(cwd, options.lint.configPath ?? 'skill-lint.config.json');
  const targets = [...options.lint.paths.map((target) => path.resolve(cwd, target)), config];
  options.status(`watching ${options.lint.paths.join(', ')} (Ctrl-C to stop)`);

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
    };
    const onChange = (base: string) => (_event: string, file: string | Buffer | null) => {
      changed.add(path.relative(cwd, file ? path.join(base, file.toString()) : base) || '.');
      if (timer) clearTimeout(timer);
      timer = setTimeout(relint, SETTLE_MS);
    };
    const watchers: FSWatcher[] = targets
      .filter((target) => existsSync(target))
      .map((target) => {
        const watcher = statSync(target).isDirectory() ? watch(target, { recursive: true }, onChange(target)) : watch(target, onChange(path.dirname(target)));
        // A watched folder deleted or unreadable: say so once; the other watchers go on.
        watcher.on('error', (error) => options.status(`stopped watching ${path.relative(cwd, target) || '.'}: ${error.message}`));
        return watcher;
      });
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      resolve(options.exitCode(last));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
