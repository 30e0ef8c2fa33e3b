// Output formats for diagnostics. Each takes the sorted diagnostics and returns the text to print.
import type { Diagnostic } from '../core/types.ts';
import type { Rule } from '../core/rule.ts';
import { formatGithub } from './github.ts';
import { formatSarif } from './sarif.ts';
import { formatStylish } from './stylish.ts';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function formatDiagnostics(format: Format, diagnostics: Diagnostic[], rules: Rule[], color = false): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(diagnostics, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(formatSarif(diagnostics, rules), null, 2)}\n`;
    case 'github':
      return formatGithub(diagnostics);
    case 'stylish':
      return formatStylish(diagnostics, color);
  }
}
