// GitHub Actions workflow commands: each finding becomes an annotation on the pull request, its file named
// from the repository root as the checkout has it.
import type { Diagnostic } from '../core/types.ts';
import { type ReportPaths, repositoryPath } from './location.ts';

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostics: Diagnostic[], paths: ReportPaths): string {
  return diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(repositoryPath(d.file, paths))}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.ruleId)}`,
      ].join(',');
      const message = d.hint ? `${d.message} (${d.hint})` : d.message;
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(message)}\n`;
    })
    .join('');
}
