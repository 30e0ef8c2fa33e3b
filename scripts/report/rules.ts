// The rule list, from the metadata that runs the rules: `skill-lint rules` prints it, and the README's rule
// table is this module's markdown (a test holds the two equal).
import type { OptionSchema, Rule } from '../core/rule.ts';

/**
 * Where the rule table lives: SARIF's helpUri points at each rule's row. The repository is package.json's
 * `homepage` (a test holds the two together); written out here so that a run need not read package.json.
 */
export const README_URL = 'https://github.com/getcargohq/cargo-skills/blob/main/README.md';

/** The id of a rule's row in the README's table. */
export function ruleAnchor(id: string): string {
  return `rule-${id}`;
}

export function ruleHelpUri(id: string): string {
  return `${README_URL}#${ruleAnchor(id)}`;
}

function defaultText(schema: OptionSchema): string | undefined {
  if (schema.default === undefined) return undefined;
  return Array.isArray(schema.default) ? (schema.default.length ? schema.default.join(', ') : 'none') : String(schema.default);
}

/** One line per option: name, default and meaning. */
export function optionLines(rule: Rule): string[] {
  return Object.entries(rule.meta.options ?? {}).map(([name, schema]) => {
    const value = defaultText(schema);
    return `${name}${value === undefined ? '' : ` (default ${value})`}: ${schema.description}`;
  });
}

export function formatRuleList(rules: Rule[]): string {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  const lines: string[] = [];
  for (const rule of rules) {
    const { id, severity, profile, description, fixable } = rule.meta;
    lines.push(`${id.padEnd(width)}  ${severity.padEnd(7)}  ${profile.padEnd(5)}  ${fixable ? 'fix' : '   '}  ${description}`);
    for (const option of optionLines(rule)) lines.push(`${''.padEnd(width)}  ${''.padEnd(7)}  ${''.padEnd(5)}         option ${option}`);
  }
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function formatRuleTable(rules: Rule[]): string {
  const rows = rules.map((rule) => {
    const { id, severity, profile, description, fixable } = rule.meta;
    const options = Object.entries(rule.meta.options ?? {}).map(([name, schema]) => {
      const value = defaultText(schema);
      return `\`${name}\`${value === undefined ? '' : ` = ${schema.type === 'string' || Array.isArray(schema.default) ? `\`${value}\`` : value}`}: ${schema.description}`;
    });
    return `| <a id="${ruleAnchor(id)}"></a>\`${id}\` | ${severity} | ${profile} | ${fixable ? 'yes' : ''} | ${cell(description)} | ${cell(options.join('; '))} |`;
  });
  return ['| Rule | Severity | Profile | `--fix` | Checks | Options (default) |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
