// What an invocation asks for, read through the command schema: the command it resolves to, its flags with
// their values and its positional arguments. For `skill-lint extract`, so release automation and agents get
// structured examples without parsing shell themselves.
import type { Invocation } from '../core/types.ts';
import { commandName, findFlag, loadCliSchema, resolveCommand } from './index.ts';

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
  let optionsEnded = false;
  for (let index = resolved.consumed; index < words.length; index++) {
    const word = words[index];
    const text = word.value;
    if (!optionsEnded && text === '--') {
      optionsEnded = true;
      continue;
    }
    if (optionsEnded || word.dynamic || !text.startsWith('-') || text.length === 1 || /^-\d/.test(text)) {
      positionals.push(text);
      continue;
    }
    const at = { line: word.span.start.line, column: word.span.start.column };
    const equals = text.indexOf('=');
    const name = text.replace(/^--?/, '').slice(0, equals < 0 ? undefined : equals - (text.startsWith('--') ? 2 : 1));
    if (equals >= 0) {
      flags.push({ name, value: text.slice(equals + 1), ...at });
      continue;
    }
    // A known switch takes no value; any other flag takes the next word unless that word is a flag itself.
    const isSwitch = findFlag(resolved.command, name, schema)?.type === 'switch';
    const next = words[index + 1];
    const takesNext = !isSwitch && next !== undefined && (next.dynamic || !next.value.startsWith('--'));
    flags.push({ name, value: takesNext ? next.value : null, ...at });
    if (takesNext) index++;
  }
  return { command: commandName(resolved.command), flags, positionals };
}
