// Human output: grouped by file, one line per finding, then how many findings each rule made and a summary line.
import type { Diagnostic } from '../core/types.ts';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text with its control characters written as escapes: a file name or a quoted line holding ESC, BEL or a
 * newline would otherwise drive the terminal or forge an output line. Bidirectional overrides are escaped too.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

export function formatStylish(diagnostics: Diagnostic[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  let current: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(paint(4, escapeControls(d.file)));
      current = d.file;
    }
    const severity = d.severity === 'error' ? paint(31, 'error  ') : paint(33, 'warning');
    lines.push(`  ${`${d.line}:${d.column}`.padEnd(8)} ${severity}  ${escapeControls(d.message)}  ${paint(2, d.ruleId)}`);
    if (d.hint) lines.push(`  ${''.padEnd(8)} ${''.padEnd(7)}  ${paint(36, `hint: ${escapeControls(d.hint)}`)}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (lines.length > 0) lines.push('', ...ruleCounts(diagnostics), '');
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  lines.push(diagnostics.length === 0 ? paint(32, `✔ ${summary}`) : paint(errors > 0 ? 31 : 33, `✖ ${summary}`));
  return `${lines.join('\n')}\n`;
}

/** One line per rule that reported, most findings first: on a large repository, where to start. */
function ruleCounts(diagnostics: Diagnostic[]): string[] {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const d of diagnostics) {
    const count = counts.get(d.ruleId) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') count.errors++;
    else count.warnings++;
    counts.set(d.ruleId, count);
  }
  const rows = [...counts].sort(([a, x], [b, y]) => y.errors + y.warnings - (x.errors + x.warnings) || (a < b ? -1 : 1));
  const width = Math.max(...rows.map(([id]) => id.length));
  return rows.map(([id, { errors, warnings }]) => {
    const parts = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''];
    return `  ${id.padEnd(width)}  ${parts.filter(Boolean).join(', ')}`;
  });
}
