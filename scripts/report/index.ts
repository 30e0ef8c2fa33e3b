// Output formats for diagnostics. Each takes the sorted diagnostics and returns the text to print.
import type { Diagnostic } from '../core/types.ts';
import type { Rule } from '../core/rule.ts';
import { formatGithub } from './github.ts';
import { formatSarif } from './sarif.ts';
import { formatStylish } from './stylish.ts';
import type { ReportPaths } from './location.ts';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  color?: boolean;
  /** Where paths are relative to, and the repository root that sarif and github name files from (default: cwd for both). */
  paths?: ReportPaths;
}

export function formatDiagnostics(format: Format, diagnostics: Diagnostic[], rules: Rule[], options: FormatOptions = {}): string {
  const paths = options.paths ?? { cwd: process.cwd(), root: process.cwd() };
  switch (format) {
    case 'json':
      return `${JSON.stringify(diagnostics, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(formatSarif(diagnostics, rules, paths), null, 2)}\n`;
    case 'github':
      return formatGithub(diagnostics, paths);
    case 'stylish':
      return formatStylish(diagnostics, options.color ?? false);
  }
}
