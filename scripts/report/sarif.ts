// SARIF 2.1.0, as GitHub code scanning reads it.
import type { Rule } from '../core/rule.ts';
import type { Diagnostic } from '../core/types.ts';

export function formatSarif(diagnostics: Diagnostic[], rules: Rule[]): object {
  const ids = rules.map((rule) => rule.meta.id);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'skill-lint',
            informationUri: 'https://github.com/getcargohq/cargo-skills',
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              defaultConfiguration: { level: rule.meta.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...(ids.includes(d.ruleId) ? { ruleIndex: ids.indexOf(d.ruleId) } : {}),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split('\\').join('/') },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}
