// What the output rules share: finding the command a value or block shows the answer of.
import type { CodeBlock, Document, Heading, Span, Word } from '../core/types.ts';
import type { ShellCommand } from '../extract/invocations.ts';
import { commandsInside, readJqCall, savedBefore } from '../extract/shell-flows.ts';
import { type SimplePathStep, readSimplePath } from '../parse/jq-simple-path.ts';
import { type CommandSpec, type LoadedSchema, commandsOf, findCommand, loadCliSchema, resolveCommand } from '../schema/index.ts';
import { TextMemo } from '../core/strings.ts';

/**
 * The command a shell call runs, when it is `cargo-ai …` (or `npx @cargo-ai/cli …`) with a known command path
 * written out (no `$var` in it), and not a `--help` request (which prints help, not an answer).
 */
export function commandOfCall(call: ShellCommand | undefined): CommandSpec | undefined {
  const invocation = call?.invocation;
  if (!invocation || invocation.args.some((arg) => arg.value === '--help' || arg.value === '-h')) return undefined;
  if (invocation.args.slice(0, 3).some((arg) => arg.dynamic)) return undefined;
  const resolved = resolveCommand(invocation.args.map((arg) => arg.value));
  return resolved.ok ? resolved.command : undefined;
}

export interface AnswerRead {
  /** The command whose answer is read. */
  command: CommandSpec;
  /** The path the jq filter names. */
  path: SimplePathStep[];
}

/**
 * The answer a `$(…)` word hands on: its last call is `jq <plain path>`, reading either a `cargo-ai` call piped
 * into it or a file an earlier call on the same page saved with `> file`.
 */
export function answerReadBy(doc: Document, word: Word): AnswerRead | undefined {
  if (!word.dynamic || !/^\$\([\s\S]*\)$/.test(word.value)) return undefined;
  const inside = commandsInside(doc, word);
  const jq = inside[inside.length - 1];
  const call = jq && readJqCall(jq.words);
  // With `-n` the filter reads no answer, with `-s` an array of them: neither is the path into one answer.
  if (!call || call.files.length > 1 || call.nullInput || call.slurp) return undefined;
  const path = readSimplePath(call.filter.value);
  if (!path) return undefined;
  const file = call.files[0];
  const source = file === undefined ? jq.input : savedBefore(doc, file, word.span.start.offset);
  const command = commandOfCall(source);
  if (!command) return undefined;
  return { command, path };
}

/** `.release.actions`, `.runs[0].uuid` */
export function jqPathText(path: readonly SimplePathStep[]): string {
  if (path.length === 0) return '.';
  return path.map((step) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_]\w*$/.test(step) ? `.${step}` : `.${JSON.stringify(step)}`)).join('').replace(/^\[/, '.[');
}

const RESPONSE_ANNOTATION = /^\s*<!--\s*response:\s*(.*?)\s*-->\s*$/;

export type AnswerBlock =
  | { kind: 'answer'; block: CodeBlock; commands: CommandSpec[] }
  | { kind: 'unresolved'; block: CodeBlock; words: string; span: Span; hint?: string };

/**
 * The `json` blocks of a document that show a command's answer, with the command(s): named by a response
 * annotation on the line before the fence, else by the backticked commands of the nearest heading above it
 * (`run get`, within the skill's own domain, or `orchestration run get`).
 */
export function answerBlocks(doc: Document): AnswerBlock[] {
  const out: AnswerBlock[] = [];
  const schema = loadCliSchema();
  const domain = skillDomain(doc, schema.domains);
  for (const block of doc.codeBlocks) {
    if (block.lang !== 'json' || block.unterminated) continue;
    const line = block.span.start.line;
    const previous = line >= 2 ? lineText(doc, line - 1) : '';
    const annotation = RESPONSE_ANNOTATION.exec(previous);
    if (annotation) {
      const words = annotation[1].replace(/^(?:cargo-ai|npx\s+@cargo-ai\/cli)\s+/, '');
      const command = findCommand(words.split(/\s+/), schema);
      if (command) out.push({ kind: 'answer', block, commands: [command] });
      else {
        const start = doc.lineStarts[line - 2] + previous.indexOf(annotation[1]);
        const resolved = resolveCommand(words.split(/\s+/), schema);
        const list = words.split(/\s+/);
        const hint =
          !resolved.ok && resolved.suggestions.length > 0
            ? `did you mean \`${[...list.slice(0, resolved.index), resolved.suggestions[0]].join(' ')}\`?`
            : 'write `<!-- response: <domain> <resource> <action> -->`';
        out.push({ kind: 'unresolved', block, words, span: { start: doc.pointAt(start), end: doc.pointAt(start + annotation[1].length) }, hint });
      }
      continue;
    }
    const heading = nearestHeading(doc, block.span.start.offset);
    if (!heading) continue;
    const commands = commandsOfHeading(doc.text.slice(heading.span.start.offset, heading.span.end.offset), domain, schema);
    if (commands.length > 0) out.push({ kind: 'answer', block, commands });
  }
  return out;
}

function lineText(doc: Document, line: number): string {
  const start = doc.lineStarts[line - 1];
  const end = line < doc.lineStarts.length ? doc.lineStarts[line] : doc.text.length;
  return doc.text.slice(start, end).replace(/\r?\n$/, '');
}

/** The last heading that starts before `offset`. */
export function nearestHeading(doc: Document, offset: number): Heading | undefined {
  let found: Heading | undefined;
  for (const heading of doc.headings) {
    if (heading.span.start.offset >= offset) break;
    found = heading;
  }
  return found;
}

/** `cargo-orchestration` → `orchestration`, `cargo-workspace-management` → `workspaceManagement`, when a domain. */
export function skillDomain(doc: Document, domains: readonly string[]): string | undefined {
  const folder = doc.file.skillDir?.split(/[\\/]/).pop() ?? '';
  const name = folder.replace(/^cargo-/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return domains.includes(name) ? name : undefined;
}

/** Headings read so far, by domain and text, for the command schema of this repository: pages repeat them. */
const headingCommands = new TextMemo<CommandSpec[]>();

/**
 * The commands a heading names: in backticks when it has any, else as a list of plain command paths
 * (`## model list, model get`, `## custom-integration create, get, list`, `## run create, run list (syncs)`).
 */
export function commandsOfHeading(raw: string, domain: string | undefined, schema = loadCliSchema()): CommandSpec[] {
  if (schema !== loadCliSchema()) return readHeading(raw, domain, schema);
  const key = `${domain ?? ''}\u0000${raw}`;
  return headingCommands.get(key) ?? headingCommands.set(key, readHeading(raw, domain, schema));
}

function readHeading(raw: string, domain: string | undefined, schema: LoadedSchema): CommandSpec[] {
  const text = raw.replace(/^#+\s*/, '').replace(/\s+#+\s*$/, '');
  if (text.includes('`')) return commandsNamedIn(text, domain, schema);
  const pieces = text
    .replace(/\([^)]*\)/g, '')
    .split(/,|;|:|\band\b/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  return commandsNamedIn(pieces.map((piece) => `\`${piece}\``).join(' '), domain, schema);
}

/** The commands a text names in backticks, each resolved to one command (see `commandMentions`). */
export function commandsNamedIn(text: string, domain: string | undefined, schema = loadCliSchema()): CommandSpec[] {
  const found: CommandSpec[] = [];
  for (const candidates of commandMentions(text, domain, schema)) {
    if (candidates.length === 1 && !found.includes(candidates[0])) found.push(candidates[0]);
  }
  return found;
}

/**
 * Each backticked command in `text`, with the commands it may mean: whole (`orchestration run get`, with or
 * without `cargo-ai`, flags and placeholders after it), `resource action` (the skill's domain first, else every
 * domain that has it), or a lone action after such a mention (`play create`, `update` → `play update`).
 */
export function commandMentions(text: string, domain: string | undefined, schema = loadCliSchema()): CommandSpec[][] {
  const out: CommandSpec[][] = [];
  let previous: CommandSpec | undefined;
  for (const match of text.matchAll(/`([^`]+)`/g)) {
    const words = match[1]
      .replace(/^(?:cargo-ai|npx\s+@cargo-ai\/cli)\s+/, '')
      .split(/\s+/)
      .filter((word) => word !== '');
    const end = words.findIndex((word) => word.startsWith('-') || word.startsWith('<') || word.startsWith('"') || word.startsWith("'"));
    const path = words.slice(0, end < 0 ? words.length : end);
    let candidates: CommandSpec[] = [];
    if (path.length >= 3) candidates = [findCommand(path.slice(0, 3), schema)].filter((command) => command !== undefined);
    else if (path.length === 2) candidates = shortForm(path, domain, schema);
    else if (path.length === 1 && words.length === 1) {
      // After a command, a lone action reuses its resource; else it names the one command of the skill's domain with that action.
      candidates = previous
        ? [findCommand([previous.path[0], previous.path[1], path[0]], schema)].filter((command) => command !== undefined)
        : domain
          ? commandsOf(domain, schema).filter((command) => command.path[2] === path[0])
          : [];
      if (candidates.length > 1) candidates = [];
    }
    if (candidates.length === 0) continue;
    out.push(candidates);
    if (candidates.length === 1) previous = candidates[0];
  }
  return out;
}

const shortForms = new Map<string, CommandSpec[]>();

function shortForm(path: string[], domain: string | undefined, schema: ReturnType<typeof loadCliSchema>): CommandSpec[] {
  const key = `${domain ?? ''} ${path.join(' ')}`;
  let found = shortForms.get(key);
  if (!found) {
    const own = domain ? findCommand([domain, ...path], schema) : undefined;
    found = own ? [own] : schema.domains.map((name) => findCommand([name, ...path], schema)).filter((command) => command !== undefined);
    shortForms.set(key, found);
  }
  return found;
}
