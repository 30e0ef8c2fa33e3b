// Coverage of the command tree by hand-written examples: a command counts as shown when an example in a page
// an author wrote resolves to it. Generated reference pages (`references/commands.md`) and `--help` calls do
// not count.
import path from 'node:path';
import type { Invocation } from '../core/types.ts';
import { commandName, commandsOf, loadCliSchema, resolveCommand } from '../schema/index.ts';

export interface DomainCoverage {
  domain: string;
  total: number;
  shown: number;
  /** Commands without an example (`orchestration run count`), sorted. */
  missing: string[];
}

export interface CoverageOptions {
  /** Domains to report (default: every API domain). */
  domains?: string[];
  /** Files whose examples do not count (default: `commands.md` inside a `references/` folder). */
  isGenerated?: (file: string) => boolean;
}

export function isGeneratedReference(file: string): boolean {
  const parts = file.split(/[\\/]/);
  return path.basename(file) === 'commands.md' && parts.slice(0, -1).includes('references');
}

const ASKS_HELP = new Set(['--help', '-h', '--version', '-V']);

export function computeCoverage(invocationsByFile: Map<string, Invocation[]>, options: CoverageOptions = {}): DomainCoverage[] {
  const schema = loadCliSchema();
  const isGenerated = options.isGenerated ?? isGeneratedReference;
  const shown = new Set<string>();
  for (const [file, invocations] of invocationsByFile) {
    if (isGenerated(file)) continue;
    for (const invocation of invocations) {
      if (invocation.args.some((word) => ASKS_HELP.has(word.value))) continue;
      const resolved = resolveCommand(
        invocation.args.map((word) => word.value),
        schema,
      );
      if (resolved.ok) shown.add(commandName(resolved.command));
    }
  }
  return (options.domains ?? schema.domains).map((domain) => {
    const names = commandsOf(domain, schema).map(commandName);
    const missing = names.filter((name) => !shown.has(name)).sort();
    return { domain, total: names.length, shown: names.length - missing.length, missing };
  });
}
