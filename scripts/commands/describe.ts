// What an invocation asks for, read through the command schema: the command it resolves to, its flags with
// their values and its positional arguments. For `skill-lint extract`, so release automation and agents get
// structured examples without parsing shell themselves.
import type { Invocation } from '../core/types.ts';
import { readArguments } from '../schema/check.ts';
import { commandName, loadCliSchema, resolveCommand } from '../schema/index.ts';

export interface DescribedFlag {
  name: string;
  /** null for a switch, or a flag given without a value. */
  value: string | null;
  line: number;
  column: number;
}

export interface InvocationShape {
  /** The resolved command (`orchestration run create`), or null when the path names none. */
  command: string | null;
  flags: DescribedFlag[];
  positionals: string[];
}

export function describeInvocation(invocation: Invocation): InvocationShape {
  const schema = loadCliSchema();
  const words = invocation.args;
  const resolved = resolveCommand(
    words.map((word) => word.value),
    schema,
  );
  if (!resolved.ok) return { command: null, flags: [], positionals: [] };
  const flags: DescribedFlag[] = [];
  const positionals: string[] = [];
  for (const argument of readArguments(invocation, resolved.command, resolved.consumed, schema)) {
    const word = words[argument.index];
    if (argument.kind === 'positional') {
      positionals.push(word.value);
      continue;
    }
    const value = argument.inline?.value ?? (argument.valueIndex === undefined ? null : words[argument.valueIndex].value);
    const name = argument.spec?.name ?? argument.name ?? word.value.replace(/^-+/, '');
    flags.push({ name, value, line: word.span.start.line, column: word.span.start.column });
  }
  return { command: commandName(resolved.command), flags, positionals };
}
