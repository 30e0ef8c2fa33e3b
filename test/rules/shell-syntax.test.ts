import { describe, expect, it } from 'vitest';
import type { FileContext, Report } from '../../scripts/core/rule.ts';
import rule from '../../scripts/rules/shell-syntax.ts';
import { docOf, fence } from '../extract/helpers.ts';
import { runRuleTests, skillMd } from '../rule-tester.ts';

function check(markdown: string): Report[] {
  const reports: Report[] = [];
  const context: FileContext = {
    root: '/',
    invocations: [],
    profile: 'spec',
    options: {},
    report: (report) => reports.push(report),
  };
  rule.checkFile?.(docOf(markdown), context);
  return reports;
}

describe('shell-syntax', () => {
  it('has metadata', () => {
    expect(rule.meta).toMatchObject({ id: 'shell-syntax', severity: 'error', profile: 'spec' });
  });

  it('flags an unclosed quote at the quote', () => {
    const reports = check(['Intro', '', fence('bash', 'cargo-ai whoami', "cargo-ai storage segment count --filter '{\"a\":1}")].join('\n'));
    expect(reports).toHaveLength(1);
    expect(reports[0].span.start).toMatchObject({ line: 5, column: 41 });
    expect(reports[0].message).toMatch(/`bash` block: reached EOF without closing quote/);
    expect(reports[0].hint).toBeTruthy();
  });

  it.each([
    ['a stray parenthesis', 'cargo-ai orchestration run list --limit (5)', 2],
    ['an unclosed $(', 'X=$(cargo-ai whoami', 2],
    ['a dangling pipe', 'cargo-ai whoami |', 2],
    ['an if without fi', 'if cargo-ai whoami; then\n  echo ok', 2],
  ])('flags %s', (_, body, line) => {
    const reports = check(fence('sh', ...body.split('\n')));
    expect(reports).toHaveLength(1);
    expect(reports[0].span.start.line).toBe(line);
  });

  it('points into a block nested in a list', () => {
    const reports = check(['- step', '', '  ```zsh', '  cargo-ai whoami', '  cargo-ai x "open', '  ```'].join('\n'));
    expect(reports.map((report) => report.span.start)).toEqual([expect.objectContaining({ line: 5, column: 14 })]);
  });

  it.each([
    ['placeholders', 'cargo-ai orchestration run get <uuid>\ncargo-ai login --token <your api token> --workspace-uuid <workspace-uuid>'],
    ['placeholders in JSON', `cargo-ai storage segment count --filter '{"a":"<email>"}' --x {"b":<b>}`],
    ['multi-line JSON', "cargo-ai x --data '{\n  \"a\": 1\n}'"],
    ['redirections and heredocs', 'cargo-ai whoami > me.json 2>&1\ncat <<EOF | cargo-ai x\n<b>\nEOF'],
    ['optional-argument notation', 'cargo-ai orchestration run list [--limit <n>] ...'],
  ])('accepts %s', (_, body) => {
    expect(check(fence('bash', ...body.split('\n')))).toEqual([]);
  });

  it('ignores blocks that do not run cargo-ai', () => {
    expect(check(fence('bash', "echo 'unclosed"))).toEqual([]);
  });

  it('ignores console output, inline code and other languages', () => {
    expect(check(fence('console', '$ cargo-ai whoami', "can't (parse) this"))).toEqual([]);
    expect(check("Run `cargo-ai x '` later.")).toEqual([]);
    expect(check(fence('text', "cargo-ai x 'open"))).toEqual([]);
    expect(check(fence('', "cargo-ai x 'open"))).toEqual([]);
  });

  it('ignores an unterminated fence, which another rule reports', () => {
    expect(check(['```bash', "cargo-ai whoami", "Don't forget."].join('\n'))).toEqual([]);
  });
});

// End to end through the linter: files on disk, the runner and its diagnostics.
runRuleTests(rule, {
  valid: [
    {
      name: 'a clean skill with placeholders and multi-line JSON',
      files: {
        'demo/SKILL.md': skillMd(
          'demo',
          ['# Demo', '', fence('bash', 'cargo-ai orchestration run get <uuid>', "cargo-ai x --data '{", '  "a": "<email>"', "}'"), ''].join('\n'),
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'an unclosed quote in a reference page',
      files: {
        'demo/SKILL.md': skillMd('demo'),
        'demo/references/runs.md': ['# Runs', '', fence('bash', 'cargo-ai whoami', '', 'cargo-ai x --name "open'), ''].join('\n'),
      },
      errors: [{ file: 'demo/references/runs.md', line: 6, column: 19, endLine: 6, endColumn: 20, message: /closing quote/, hint: /quote/ }],
    },
  ],
});
