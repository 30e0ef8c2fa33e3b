import { describe, expect, it } from 'vitest';
import { extractInvocations } from '../../scripts/extract/invocations.ts';
import { checkInvocation } from '../../scripts/schema/check.ts';
import { describeInvocation } from '../../scripts/commands/describe.ts';
import { docOf, fence } from '../extract/helpers.ts';

const only = (line: string) => extractInvocations(docOf(fence('bash', line)))[0];
const shape = (line: string) => describeInvocation(only(line));

describe('describeInvocation', () => {
  it('reads flags and values as the checks do: `=`, the next word, switches, `--`', () => {
    expect(shape('cargo-ai orchestration run list --workflow-uuid=<uuid> --is-finished --statuses error,success -- --not-a-flag')).toMatchObject({
      command: 'orchestration run list',
      flags: [
        { name: 'workflow-uuid', value: '<uuid>', line: 2, column: 33 },
        { name: 'is-finished', value: null },
        { name: 'statuses', value: 'error,success' },
      ],
      positionals: ['--not-a-flag'],
    });
  });

  it('gives a number flag its negative value, and names short flags by their long name', () => {
    expect(shape('cargo-ai orchestration run list --limit -5 -h')).toMatchObject({
      flags: [
        { name: 'limit', value: '-5' },
        { name: 'help', value: null },
      ],
      positionals: [],
    });
  });

  it('shows a stray `true` after a switch where the checks find it: as the word the switch swallowed', () => {
    const line = 'cargo-ai orchestration run list --is-finished true';
    expect(shape(line).flags).toEqual([{ name: 'is-finished', value: 'true', line: 2, column: 33 }]);
    const invocation = only(line);
    expect(checkInvocation(invocation).map((finding) => [finding.ruleId, invocation.args[finding.word].value])).toEqual([['command-flag-value', 'true']]);
  });

  it('keeps an unknown flag with the plain word after it, and leaves a flag with no value empty', () => {
    expect(shape('cargo-ai storage model list --colour blue --dataset-uuid')).toMatchObject({
      flags: [
        { name: 'colour', value: 'blue' },
        { name: 'dataset-uuid', value: null },
      ],
      positionals: [],
    });
  });

  it('describes nothing for a command path the schema does not know', () => {
    expect(shape('cargo-ai orchestration rn list --limit 5')).toEqual({ command: null, flags: [], positionals: [] });
  });
});
