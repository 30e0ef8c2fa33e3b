// SARIF 2.1.0, as GitHub code scanning reads it: files relative to the repository root (%SRCROOT%), URIs
// percent-encoded, fingerprints that survive lines moving above a finding, and each rule's help.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../core/rule.ts';
import type { Diagnostic } from '../core/types.ts';
import { repoRoot } from '../core/paths.ts';
import { crypto } from '../core/builtins.ts';
import { type ReportPaths, repositoryPath, uriReference } from './location.ts';
import { README_URL, optionLines, ruleHelpUri } from './rules.ts';

const SRCROOT = '%SRCROOT%';

let version: string | undefined;
function toolVersion(): string {
  version ??= String(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  return version;
}

function ruleDescriptor(rule: Rule): object {
  const { id, description, severity } = rule.meta;
  const options = optionLines(rule);
  const full = options.length ? `${description} Options: ${options.join('; ')}.` : description;
  return {
    id,
    shortDescription: { text: description },
    fullDescription: { text: full },
    helpUri: ruleHelpUri(id),
    help: { text: `${full} See ${ruleHelpUri(id)}`, markdown: `${full}\n\n[${id} in the rule table](${ruleHelpUri(id)})` },
    defaultConfiguration: { level: severity === 'error' ? 'error' : 'warning' },
  };
}

/**
 * A fingerprint from what a finding says and where, by file and not by line: the rule, the file, the message
 * and how many identical findings come before it in that file. Lines added above leave it unchanged.
 */
function fingerprints(diagnostics: Diagnostic[], uris: string[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d, index) => {
    const key = JSON.stringify([d.ruleId, uris[index], d.message]);
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return `${crypto().createHash('sha256').update(key).digest('hex').slice(0, 32)}:${ordinal}`;
  });
}

export function formatSarif(diagnostics: Diagnostic[], rules: Rule[], paths: ReportPaths): object {
  const ids = rules.map((rule) => rule.meta.id);
  const uris = diagnostics.map((d) => uriReference(repositoryPath(d.file, paths)));
  const prints = fingerprints(diagnostics, uris);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'skill-lint',
            version: toolVersion(),
            informationUri: README_URL,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(`${paths.root.replace(/\/*$/, '')}/`).href } },
        results: diagnostics.map((d, index) => ({
          ruleId: d.ruleId,
          ...(ids.includes(d.ruleId) ? { ruleIndex: ids.indexOf(d.ruleId) } : {}),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uris[index], uriBaseId: SRCROOT },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
          partialFingerprints: { 'skillLint/v1': prints[index] },
        })),
      },
    ],
  };
}
