// Human output: grouped by file, one line per finding, a summary line.
import type { Diagnostic } from '../core/types.ts';

export function formatStylish(diagnostics: Diagnostic[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  let current: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(paint(4, d.file));
      current = d.file;
    }
    const severity = d.severity === 'error' ? paint(31, 'error  ') : paint(33, 'warning');
    lines.push(`  ${`${d.line}:${d.column}`.padEnd(8)} ${severity}  ${d.message}  ${paint(2, d.ruleId)}`);
    if (d.hint) lines.push(`  ${''.padEnd(8)} ${''.padEnd(7)}  ${paint(36, `hint: ${d.hint}`)}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (lines.length > 0) lines.push('');
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  lines.push(diagnostics.length === 0 ? paint(32, `✔ ${summary}`) : paint(errors > 0 ? 31 : 33, `✖ ${summary}`));
  return `${lines.join('\n')}\n`;
}
