// Checks one `cargo-ai` invocation against the command schema, once: the command rules each report their own
// share of the findings. Conventions decided here:
// - `--help` / `-h` / `--version` / `-V` anywhere make an invocation valid whatever is missing.
// - A switch takes no value: `--is-finished=true` and `--is-finished true` are both findings (the CLI would
//   read `true` as a stray positional argument).
// - A placeholder word (`<uuid>`) satisfies any flag or positional; a dynamic word (`$VAR`, `$(...)`) is not
//   checked, and a dynamic word standing alone (it may expand to flags) turns off the missing-flag check.
import type { Invocation } from '../core/types.ts';
import { containsPlaceholder, isPlaceholder } from '../parse/placeholders.ts';
import { type Location, escapePointer } from '../parse/doc-json.ts';
import { type CommandSpec, type FlagSpec, type LoadedSchema, commandName, findFlag, loadCliSchema, resolveCommand } from './index.ts';
import { integrationSlugs } from './integrations.ts';
import { didYouMean, nearest } from './suggest.ts';

export type CommandRuleId =
  | 'command-unknown'
  | 'command-unknown-flag'
  | 'command-duplicate-flag'
  | 'command-missing-required'
  | 'command-extra-argument'
  | 'command-flag-value'
  | 'command-json'
  | 'command-integration-slug'
  | 'command-trap';

export interface Finding {
  ruleId: CommandRuleId;
  /** Index into `invocation.args` of the word concerned. */
  word: number;
  /** Character range inside the word's value, when the finding concerns a part of it. */
  inner?: { start: number; end: number };
  message: string;
  hint?: string;
  /** The one safe repair: replace this range of the word's value (same coordinates as `inner`). */
  fix?: ValueEdit;
}

/** A replacement inside a word's value, or inside the JSON text a check read. */
export interface ValueEdit {
  start: number;
  end: number;
  text: string;
}

const HELP = new Set(['--help', '-h', '--version', '-V']);
const SHORT_FLAGS: Record<string, string> = { '-h': 'help', '-V': 'version' };

const memo = new WeakMap<Invocation, Finding[]>();

/** Every finding about `invocation`, computed once per invocation. */
export function checkInvocation(invocation: Invocation, schema: LoadedSchema = loadCliSchema()): Finding[] {
  const known = memo.get(invocation);
  if (known) return known;
  const findings = analyse(invocation, schema);
  memo.set(invocation, findings);
  return findings;
}

function analyse(invocation: Invocation, schema: LoadedSchema): Finding[] {
  const args = invocation.args;
  const values = args.map((word) => word.value);
  if (args.length === 0) return [];
  const asksHelp = args.some((word) => !word.dynamic && HELP.has(word.value));
  const resolved = resolveCommand(values, schema);
  if (!resolved.ok) {
    if (resolved.reason === 'incomplete') {
      if (asksHelp || resolved.index < 0 || args.slice(0, resolved.index + 1).some((word) => word.dynamic)) return [];
      const given = values.slice(0, resolved.index + 1).join(' ');
      return [
        {
          ruleId: 'command-unknown',
          word: resolved.index,
          message: `\`cargo-ai ${given}\` is not a complete command: ${resolved.level === 'action' ? 'an' : 'a'} ${resolved.level} must follow`,
          hint: `${resolved.level}s here: ${resolved.valid.join(', ')}`,
        },
      ];
    }
    const word = args[resolved.index];
    // Placeholders and variables in the command path (`cargo-ai <domain> --help`) name no command to check.
    if (word.dynamic || containsPlaceholder(word.value) || args.slice(0, resolved.index).some((w) => w.dynamic)) return [];
    const parent = values.slice(0, resolved.index).join(' ');
    const where = parent ? ` under \`${parent}\`` : '';
    return [
      {
        ruleId: 'command-unknown',
        word: resolved.index,
        message: `Unknown ${resolved.level} \`${word.value}\`${where}`,
        hint:
          resolved.suggestions.length > 0
            ? didYouMean(word.value, resolved.suggestions)
            : `${resolved.level}s${where}: ${resolved.valid.slice(0, 20).join(', ')}${resolved.valid.length > 20 ? ', …' : ''}`,
      },
    ];
  }
  return new CommandCheck(invocation, resolved.command, resolved.consumed, schema, asksHelp).run();
}

/** A word after the command path read as a flag: the CLI's reading, shared by the checks and by `extract`. */
export interface FlagArgument {
  kind: 'flag';
  /** Index of the flag's word in `invocation.args`. */
  index: number;
  /** The name as written, without dashes or `=value` (`-h` reads as `help`); undefined for an unknown short flag. */
  name: string | undefined;
  long: boolean;
  /** The command's (or the CLI's global) flag of that name, if any. */
  spec: FlagSpec | undefined;
  /** `--flag=value`: the value, and where it starts in the word. */
  inline?: { value: string; offset: number };
  /** The next word, taken as this flag's value (after a switch: a stray `true` or `false`, which is a mistake). */
  valueIndex?: number;
}

export type ReadArgument = FlagArgument | { kind: 'positional'; index: number };

/**
 * The words after the command path, read as the CLI reads them: flags with the word that carries each one's
 * value, positional arguments, and `--` ending the options. A word that starts with `-` is a flag unless it
 * is dynamic or a negative number; a flag takes the next word as its value unless `=` gave one, the flag is
 * a switch, or the next word is itself a flag.
 */
export function readArguments(invocation: Invocation, command: CommandSpec, consumed: number, schema: LoadedSchema): ReadArgument[] {
  const args = invocation.args;
  const read: ReadArgument[] = [];
  let optionsEnded = false;
  for (let index = consumed; index < args.length; index++) {
    const word = args[index];
    const text = word.value;
    if (!optionsEnded && text === '--' && !word.dynamic) {
      optionsEnded = true;
      continue;
    }
    if (optionsEnded || word.dynamic || !text.startsWith('-') || text.length === 1 || /^-\d/.test(text)) {
      read.push({ kind: 'positional', index });
      continue;
    }
    const long = text.startsWith('--');
    const equals = long ? text.indexOf('=') : -1;
    const name = long ? text.slice(2, equals < 0 ? undefined : equals) : SHORT_FLAGS[text];
    const spec = name === undefined ? undefined : findFlag(command, name, schema);
    const inline = equals < 0 ? undefined : { value: text.slice(equals + 1), offset: equals + 1 };
    const valueIndex = inline === undefined ? valueWordOf(args, index, spec) : undefined;
    read.push({ kind: 'flag', index, name, long, spec, ...(inline ? { inline } : {}), ...(valueIndex !== undefined ? { valueIndex } : {}) });
    if (valueIndex !== undefined) index = valueIndex;
  }
  return read;
}

/** The index of the word after the flag at `index` when it is the flag's value. */
function valueWordOf(args: Invocation['args'], index: number, spec: FlagSpec | undefined): number | undefined {
  const next = args[index + 1];
  if (!next) return undefined;
  // Whatever an unknown flag was meant to be, a following plain word is most likely its value.
  if (!spec) return next.dynamic || !next.value.startsWith('-') ? index + 1 : undefined;
  if (spec.type === 'switch') return !next.dynamic && /^(?:true|false)$/i.test(next.value) ? index + 1 : undefined;
  const takesNegative = spec.type === 'number' && /^-\d/.test(next.value);
  if (!next.dynamic && next.value.startsWith('-') && next.value.length > 1 && !takesNegative) return undefined;
  return index + 1;
}

class CommandCheck {
  private readonly findings: Finding[] = [];
  private readonly seen = new Map<string, number>();
  private readonly name: string;
  private positionalCount = 0;
  private looseWord = false;

  constructor(
    private readonly invocation: Invocation,
    private readonly command: CommandSpec,
    private readonly consumed: number,
    private readonly schema: LoadedSchema,
    private readonly asksHelp: boolean,
  ) {
    this.name = commandName(command);
  }

  run(): Finding[] {
    const trapped = new Set<number>();
    for (const trap of TRAPS) {
      for (const finding of trap(this.command, this.invocation)) {
        trapped.add(finding.word);
        this.findings.push(finding);
      }
    }
    for (const argument of readArguments(this.invocation, this.command, this.consumed, this.schema)) {
      if (argument.kind === 'flag') this.flag(argument, trapped);
      else this.positional(argument.index);
    }
    if (!this.asksHelp && !this.looseWord && !this.command.openFlags) this.missing();
    return this.findings;
  }

  /** Checks one flag, as readArguments read it. */
  private flag(argument: FlagArgument, trapped: Set<number>): void {
    const { index, name, spec, inline, valueIndex } = argument;
    const text = this.invocation.args[index].value;
    if (!spec) {
      if (trapped.has(index) || this.command.openFlags) return;
      const names = this.command.flags.map((flag) => flag.name);
      const typed = name ?? text.replace(/^-+/, '');
      const hint = didYouMean(typed, [...names, ...this.schema.globalFlags.keys()])?.replace(/`([^`]+)`/g, '`--$1`');
      // A long flag with one close spelling is renamed; with several, which one was meant is the author's call.
      const closest = argument.long && name !== undefined ? nearest(name, [...names, ...this.schema.globalFlags.keys()]) : [];
      this.findings.push({
        ruleId: 'command-unknown-flag',
        word: index,
        message: `\`${argument.long ? `--${name}` : text}\` is not a flag of \`cargo-ai ${this.name}\``,
        hint: hint ?? (names.length > 0 ? `its flags: ${names.map((flag) => `--${flag}`).join(', ')}` : `\`${this.name}\` takes no flags`),
        ...(closest.length === 1 ? { fix: { start: 2, end: 2 + name!.length, text: closest[0] } } : {}),
      });
      return;
    }
    const first = this.seen.get(spec.name);
    if (first !== undefined) {
      const line = this.invocation.args[first].span.start.line;
      this.findings.push({
        ruleId: 'command-duplicate-flag',
        word: index,
        message: `\`--${spec.name}\` is given twice (first on line ${line})`,
        hint: spec.type === 'list' ? `give one \`--${spec.name}\` with comma-separated values` : `keep one \`--${spec.name}\``,
      });
    } else this.seen.set(spec.name, index);
    if (spec.type === 'switch') {
      const hint = `write \`--${spec.name}\` alone; leaving it out means false`;
      if (inline !== undefined) {
        this.findings.push({ ruleId: 'command-flag-value', word: index, message: `\`--${spec.name}\` is a switch and takes no value`, hint });
      } else if (valueIndex !== undefined) {
        const stray = this.invocation.args[valueIndex].value;
        this.findings.push({
          ruleId: 'command-flag-value',
          word: valueIndex,
          message: `\`--${spec.name}\` is a switch and takes no value: \`${stray}\` would be read as an argument`,
          hint,
        });
      }
      return;
    }
    if (inline !== undefined) this.value(spec, index, inline.value, inline.offset);
    else if (valueIndex !== undefined) this.value(spec, valueIndex, this.invocation.args[valueIndex].value, 0);
    else {
      this.findings.push({
        ruleId: 'command-flag-value',
        word: index,
        message: `\`--${spec.name}\` needs a value (${describeType(spec)})`,
        hint: example(spec),
      });
    }
  }

  /** Checks the value of `spec` found in word `index`, starting at character `offset` of that word. */
  private value(spec: FlagSpec, index: number, value: string, offset: number): void {
    const word = this.invocation.args[index];
    if (word.dynamic || isPlaceholder(value)) return;
    const report = (message: string, hint?: string, inner?: { start: number; end: number }, fix?: ValueEdit) =>
      this.findings.push({ ruleId: 'command-flag-value', word: index, message, ...(hint ? { hint } : {}), ...(inner ? { inner } : {}), ...(fix ? { fix } : {}) });
    switch (spec.type) {
      case 'number':
        if (!isNumber(value)) report(`\`--${spec.name}\` takes a number, not \`${value}\``);
        return;
      case 'enum':
        if (!spec.values!.includes(value)) {
          report(`\`--${spec.name}\` is one of ${spec.values!.join(', ')}; \`${value}\` is not`, didYouMean(value, spec.values!), undefined, caseFix(value, spec.values!, offset));
        }
        return;
      case 'list': {
        const items = spec.items!;
        let at = offset;
        for (const item of value.split(',')) {
          const trimmed = item.trim();
          const inner = { start: at, end: at + item.length };
          at += item.length + 1;
          if (isPlaceholder(trimmed) || (containsPlaceholder(trimmed) && items.type !== 'number')) continue;
          if (trimmed === '') report(`\`--${spec.name}\` has an empty item`, 'separate the values with single commas, no spaces', inner);
          else if (items.type === 'number' && !isNumber(trimmed)) report(`\`--${spec.name}\` takes numbers; \`${trimmed}\` is not one`, undefined, inner);
          else if (items.type === 'enum' && !items.values!.includes(trimmed)) {
            const fix = caseFix(trimmed, items.values!, inner.start + item.indexOf(trimmed));
            report(`\`--${spec.name}\` takes ${items.values!.join(', ')}; \`${trimmed}\` is not one of them`, didYouMean(trimmed, items.values!), inner, fix);
          }
        }
        return;
      }
      case 'json':
        this.json(spec, index, value, offset);
        return;
      default:
        return;
    }
  }

  private json(spec: FlagSpec, index: number, value: string, offset: number): void {
    const result = this.schema.json.check(spec.schema ?? {}, value);
    const push = (ruleId: CommandRuleId, message: string, hint: string | undefined, start: number, end: number, fix?: ValueEdit) =>
      this.findings.push({
        ruleId,
        word: index,
        message,
        ...(hint ? { hint } : {}),
        inner: { start: offset + start, end: offset + end },
        ...(fix ? { fix: { start: offset + fix.start, end: offset + fix.end, text: fix.text } } : {}),
      });
    if ('syntax' in result) {
      const { offset: at, message } = result.syntax;
      push('command-json', `\`--${spec.name}\` is not valid JSON: ${message}`, jsonSyntaxHint(value), at, Math.min(at + 1, value.length));
      return;
    }
    if (!result.ok) {
      for (const problem of result.problems) {
        const hint = problem.hint ?? undefined;
        push('command-json', `\`--${spec.name}\`: ${problem.message}`, hint, problem.start, problem.end, problem.fix);
      }
    }
    // A key is named in the text as written, or through escapes: without either, no value holds a slug.
    const maySlug = value.includes('integrationSlug') || value.includes('\\');
    for (const found of maySlug ? slugsIn(result.value, () => result.locations) : []) {
      if (isPlaceholder(found.slug) || integrationSlugs().has(found.slug)) continue;
      push(
        'command-integration-slug',
        `\`--${spec.name}\`: \`${found.slug}\` is not an integration slug`,
        didYouMean(found.slug, integrationSlugs()) ?? 'list the slugs with `cargo-ai connection integration list`',
        found.location.start,
        found.location.end,
      );
    }
  }

  private positional(index: number): void {
    const word = this.invocation.args[index];
    const spec = this.command.positionals[this.positionalCount];
    this.positionalCount++;
    if (word.dynamic) {
      // `$ARGS` may stand for several words, flags included.
      if (!spec) this.looseWord = true;
      return;
    }
    if (this.command.openFlags) return;
    if (!spec) {
      const takes = this.command.positionals;
      this.findings.push({
        ruleId: 'command-extra-argument',
        word: index,
        message: `Unexpected argument \`${word.value}\`: \`cargo-ai ${this.name}\` takes ${takes.length === 0 ? 'no positional arguments' : `${takes.length} (${takes.map((p) => `<${p.name}>`).join(' ')})`}`,
        hint: this.command.flags.length > 0 ? `values go after a flag, e.g. ${this.command.flags.slice(0, 3).map((flag) => `--${flag.name}`).join(', ')}` : undefined,
      });
      return;
    }
    if (spec.type === 'number' && !isPlaceholder(word.value) && !isNumber(word.value)) {
      this.findings.push({ ruleId: 'command-flag-value', word: index, message: `<${spec.name}> takes a number, not \`${word.value}\`` });
    }
  }

  private missing(): void {
    const flags = this.command.flags.filter((flag) => flag.required && !this.seen.has(flag.name)).map((flag) => `--${flag.name}`);
    const positionals = this.command.positionals.slice(this.positionalCount).filter((p) => p.required).map((p) => `<${p.name}>`);
    const missing = [...positionals, ...flags];
    if (missing.length === 0) return;
    const list = missing.map((item) => `\`${item}\``).join(', ');
    this.findings.push({
      ruleId: 'command-missing-required',
      word: this.consumed - 1,
      message: `\`cargo-ai ${this.name}\` is missing ${missing.length === 1 ? 'the required' : 'required'} ${list}`,
      hint: positionals.length > 0 ? `write it as \`cargo-ai ${this.name} ${this.command.positionals.map((p) => `<${p.name}>`).join(' ')}\`` : undefined,
    });
  }
}

type Trap = (command: CommandSpec, invocation: Invocation) => Finding[];

/** Documented mistakes that have their own explanation (design notes, "Sources of facts"). */
const TRAPS: Trap[] = [
  // `segment fetch` / `segment download` work on a model plus a filter, not on a saved segment.
  (command, invocation) => {
    const name = commandName(command);
    if (name !== 'segmentation segment fetch' && name !== 'segmentation segment download') return [];
    return invocation.args.flatMap((word, index) =>
      !word.dynamic && /^--segment-uuid(?:=|$)/.test(word.value)
        ? [
            {
              ruleId: 'command-trap' as const,
              word: index,
              message: `\`${command.path.slice(1).join(' ')}\` has no \`--segment-uuid\`: it reads a model through a filter`,
              hint: "pass the segment's `modelUuid` as `--model-uuid` and its filter as `--filter` (see `segmentation segment get`)",
            },
          ]
        : [],
    );
  },
  // A play's workflow runs on its segment: `run create` is refused with `playNotCompatible`.
  (command, invocation) => {
    if (commandName(command) !== 'orchestration run create') return [];
    const args = invocation.args;
    const index = args.findIndex((word) => !word.dynamic && /^--workflow-uuid(?:=|$)/.test(word.value));
    if (index < 0) return [];
    const inline = args[index].value.includes('=');
    const target = inline ? index : index + 1;
    const value = inline ? args[index].value.slice(args[index].value.indexOf('=') + 1) : args[target]?.value;
    if (value === undefined || !isPlaceholder(value) || !/(?:^|[<.\-_\s])play(?:[.\-_\s>A-Z]|$)/i.test(value)) return [];
    return [
      {
        ruleId: 'command-trap',
        word: target,
        message: '`orchestration run create` cannot run a play\'s workflow: the platform answers `playNotCompatible`',
        hint: "start plays with `orchestration batch create --workflow-uuid <play.workflowUuid> --data '{\"kind\":\"segment\",\"segmentUuid\":\"<uuid>\"}'`",
      },
    ];
  },
];

/** `integrationSlug` string values anywhere in a parsed JSON value, with where they are. */
function slugsIn(value: unknown, locations: () => Map<string, Location>): { slug: string; location: Location }[] {
  const out: { slug: string; location: Location }[] = [];
  const visit = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${pointer}/${index}`));
    else if (node !== null && typeof node === 'object') {
      for (const [key, inner] of Object.entries(node)) {
        const child = `${pointer}/${escapePointer(key)}`;
        // Point at the slug itself, inside its quotes.
        const location = key === 'integrationSlug' && typeof inner === 'string' ? locations().get(child) : undefined;
        if (location) out.push({ slug: inner as string, location: { start: location.start + 1, end: location.end - 1 } });
        else visit(inner, child);
      }
    }
  };
  visit(value, '');
  return out;
}

/** The one allowed value that `value` equals but for letter case (`Success` for `success`), as a repair at `start`. */
function caseFix(value: string, allowed: string[], start: number): ValueEdit | undefined {
  const lower = value.toLowerCase();
  const matches = allowed.filter((candidate) => candidate.toLowerCase() === lower);
  return matches.length === 1 ? { start, end: start + value.length, text: matches[0] } : undefined;
}

function isNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

function describeType(spec: FlagSpec): string {
  switch (spec.type) {
    case 'enum':
      return `one of ${spec.values!.join(', ')}`;
    case 'list':
      return 'comma-separated values';
    case 'json':
      return 'a JSON string';
    default:
      return `a ${spec.type}`;
  }
}

function example(spec: FlagSpec): string {
  if (spec.type === 'json') return `quote the JSON: --${spec.name} '{...}'`;
  if (spec.type === 'enum') return `e.g. --${spec.name} ${spec.values![0]}`;
  return `e.g. --${spec.name} <${spec.name}>`;
}

function jsonSyntaxHint(value: string): string {
  if (/'[^']*'\s*:/.test(value) || /:\s*'[^']*'/.test(value)) return 'JSON strings and keys take double quotes';
  if (/[{,]\s*[A-Za-z_]\w*\s*:/.test(value)) return 'JSON keys take double quotes: {"key": ...}';
  return 'wrap the whole JSON in single quotes so the shell passes it as one word';
}
