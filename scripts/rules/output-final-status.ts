// output-final-status: where a page says when to stop polling, the statuses it names are exactly the final
// statuses of the object polled (schemas/final-statuses.json). A loop that misses one spins forever on it; a
// loop that stops on a status that is not final reads an unfinished object. Three places say it: a shell
// `case` that breaks out of a loop on the status read from a command's answer, prose ("poll `batch get` until
// `status` is ...", "the end states are ...", "until the run leaves ..."), and table columns headed "Final" or
// "Still working".
import type { FileContext, Rule } from '../core/rule.ts';
import type { CodeBlock, Document, Table } from '../core/types.ts';
import { extractShell, SHELL_LANGS } from '../extract/invocations.ts';
import { parseJq, type JqNode } from '../parse/jq.ts';
import { loadCliSchema, resolveCommand, type CommandSpec } from '../schema/index.ts';
import { statusObjects, statusOwnersAt, statusOwnersIn, type StatusObject } from '../schema/final-statuses.ts';
import { resultOf } from '../schema/results.ts';
import { readJqCall } from '../extract/shell-flows.ts';
import { TextMemo } from '../core/strings.ts';

/** A list of statuses as written, with its document span. */
interface StatusList {
  members: string[];
  start: number;
  end: number;
}

/** Whether the list names the statuses that end polling, or those in which the object is still working. */
type Side = 'final' | 'notFinal';

const ITEM = /`([A-Za-z_]+)`|\b([a-z_]+)\b/y;
const SEPARATOR = /(?:\s*\([^()]*\))?(?:\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*\/\s*)/y;

/** Phrases after which a list of statuses follows, and which side of polling they name. */
const TRIGGERS: { pattern: RegExp; side: Side }[] = [
  { pattern: /\buntil\s+(?:its\s+|the\s+)?`?\.?((?:[A-Za-z]+\.)?status)`?\s+(?:is|reaches|becomes)\s+(?:one of\s+|either\s+)?/gi, side: 'final' },
  { pattern: /\buntil\s+(?:it|the\s+[a-z]+(?:\s[a-z]+)?)\s+(?:is|reaches|becomes)\s+(?:one of\s+|either\s+)?/gi, side: 'final' },
  { pattern: /\bpolled\s+until\s+/gi, side: 'final' },
  { pattern: /\b(?:final|end|terminal)\s+(?:statuses|states|status)(?:\s+(?:are|is))?\s*:?\s*/gi, side: 'final' },
  { pattern: /\buntil\s+(?:it|the\s+[a-z]+(?:\s[a-z]+)?)\s+leaves\s+/gi, side: 'notFinal' },
];

/** Words every trigger phrase holds. */
const PROSE_HINT = /\buntil\b|\bfinal\b|\bend states?\b|\bterminal\b/i;

/** Every status of every polled object: a list is read only as far as its words are statuses. */
let statusWords: Set<string> | undefined;
function allStatuses(): Set<string> {
  statusWords ??= new Set(statusObjects().flatMap((object) => [...object.final, ...object.notFinal]));
  return statusWords;
}

/** The statuses listed from `at` on (`success`, `error` or `cancelled`; `pending` / `running`). */
function readList(text: string, at: number, statuses: Set<string>): StatusList | undefined {
  const members: string[] = [];
  let cursor = at;
  let end = at;
  for (;;) {
    ITEM.lastIndex = cursor;
    const item = ITEM.exec(text);
    const word = item?.[1] ?? item?.[2];
    if (!item || !word || !statuses.has(word)) break;
    members.push(word);
    end = ITEM.lastIndex;
    SEPARATOR.lastIndex = end;
    if (!SEPARATOR.exec(text)) break;
    cursor = SEPARATOR.lastIndex;
  }
  return members.length > 0 ? { members, start: at, end } : undefined;
}

/** Commands a piece of prose names in backticks: whole (`cargo-ai orchestration batch get <uuid>`) or by their last words (`batch get`). */
function commandsNamed(text: string): CommandSpec[] {
  return [...text.matchAll(/`([^`]+)`/g)].flatMap((match) => commandsOfCode(match[1]));
}

const codeCommands = new TextMemo<CommandSpec[]>();

let paths: { command: CommandSpec; written: string }[] | undefined;

/** Each command with its path written out after a space (` orchestration run get`), to match a code's last words against. */
function writtenPaths(): { command: CommandSpec; written: string }[] {
  paths ??= loadCliSchema().commands.map((command) => ({ command, written: ` ${command.path.join(' ')}` }));
  return paths;
}

/** The commands one inline code names; remembered, as pages repeat them. */
function commandsOfCode(code: string): CommandSpec[] {
  const known = codeCommands.get(code);
  if (known) return known;
  const found = codeCommands.set(code, []);
  {
    const words = code.replace(/^(?:npx\s+@cargo-ai\/cli|cargo-ai)\s+/, '').split(/\s+/);
    const stop = words.findIndex((word) => /^[<(-]/.test(word));
    const leading = stop < 0 ? words : words.slice(0, stop);
    if (leading.length === 0) return found;
    const resolved = resolveCommand(leading);
    if (resolved.ok && resolved.consumed === leading.length) {
      found.push(resolved.command);
      return found;
    }
    const tail = ` ${leading.join(' ')}`;
    const ending = writtenPaths()
      .filter(({ command, written }) => command.path.length > leading.length && written.endsWith(tail))
      .map(({ command }) => command);
    // One word (`refresh-status`) names a command only when few commands end with it (not `get` or `list`).
    if (leading.length > 1 || ending.length <= 2) found.push(...ending);
  }
  return found;
}

function ownersOfCommands(commands: CommandSpec[]): StatusObject[] {
  const owners = new Map<string, StatusObject>();
  for (const command of commands) {
    const result = resultOf(command);
    if (result?.kind === 'body') for (const owner of statusOwnersIn(result.schema)) owners.set(owner.definition, owner);
  }
  return [...owners.values()];
}

/** For each polled object, a pattern of its nouns (singular or plural, whole words, lower case). */
const nounPatterns = new WeakMap<StatusObject, RegExp>();

function ownersOfNouns(text: string): StatusObject[] {
  const lower = text.toLowerCase();
  return statusObjects().filter((object) => {
    let pattern = nounPatterns.get(object);
    if (!pattern) {
      pattern = new RegExp(object.nouns.map((noun) => `\\b${noun.toLowerCase()}(?:es|s)?\\b`).join('|'));
      nounPatterns.set(object, pattern);
    }
    return pattern.test(lower);
  });
}

/** The objects a status list speaks of: named by a `x.status` path, by a command, or by a noun, in that order. */
function candidatesFor(statusPath: string | undefined, context: string, extraCommands: CommandSpec[]): StatusObject[] {
  const prefix = statusPath?.includes('.') ? statusPath.split('.')[0] : undefined;
  if (prefix) {
    const named = ownersOfNouns(prefix);
    if (named.length > 0) return named;
  }
  const byCommand = ownersOfCommands([...commandsNamed(context), ...extraCommands]);
  if (byCommand.length > 0) return byCommand;
  return ownersOfNouns(context);
}

function describe(members: string[]): string {
  return members.map((member) => `\`${member}\``).join(', ');
}

/** A finding when `list` is not exactly the `side` statuses of any candidate; it is measured against the nearest one. */
function judge(list: StatusList, side: Side, candidates: StatusObject[]): string | undefined {
  const usable = candidates.filter((object) => list.members.every((member) => object.final.includes(member) || object.notFinal.includes(member)));
  if (usable.length === 0) return undefined;
  const expected = (object: StatusObject) => (side === 'final' ? object.final : object.notFinal);
  const distance = (object: StatusObject) => {
    const wanted = expected(object);
    return wanted.filter((member) => !list.members.includes(member)).length + list.members.filter((member) => !wanted.includes(member)).length;
  };
  if (usable.some((object) => distance(object) === 0)) return undefined;
  const nearest = usable.reduce((best, object) => (distance(object) < distance(best) ? object : best));
  const wanted = expected(nearest);
  const missing = wanted.filter((member) => !list.members.includes(member));
  const wrong = list.members.filter((member) => !wanted.includes(member));
  const what = side === 'final' ? 'final statuses' : 'statuses while still working';
  const fixes = [
    ...(missing.length > 0 ? [`add ${describe(missing)}`] : []),
    ...(wrong.length > 0 ? [`${describe(wrong)} ${wrong.length === 1 ? 'is' : 'are'} ${side === 'final' ? 'not final' : 'final'}`] : []),
  ];
  return `Polling ${nearest.nouns[0]} (${nearest.definition}): its ${what} are ${describe(wanted)}, this says ${describe(list.members)}; ${fixes.join('; ')}.`;
}

/** Spaces as long as `run`: a line of hidden text, blanked in one piece rather than character by character. */
const blank = (run: string) => ' '.repeat(run.length);

/** `text` with code blocks and the frontmatter blanked out, offsets kept. */
function proseOf(doc: Document): string {
  const hidden = [...(doc.frontmatter.span ? [doc.frontmatter.span] : []), ...doc.codeBlocks.map((block) => block.span)]
    .map((span) => ({ start: span.start.offset, end: span.end.offset }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const { start, end } of hidden) {
    if (start < cursor) continue;
    out += doc.text.slice(cursor, start) + doc.text.slice(start, end).replace(/[^\n]+/g, blank);
    cursor = end;
  }
  return out + doc.text.slice(cursor);
}

/**
 * The paragraphs (runs of non-blank lines) and table lines of `text` that hold a word of PROSE_HINT, each
 * once, with the offset where it starts: found from the hints outward, so a page is not split line by line.
 */
function hintedUnits(text: string): { text: string; start: number }[] {
  const units: { text: string; start: number }[] = [];
  const hints = new RegExp(PROSE_HINT.source, 'gi');
  const lineAt = (from: number) => {
    const end = text.indexOf('\n', from);
    return end === -1 ? text.length : end;
  };
  const kind = (start: number, end: number): 'blank' | 'table' | 'text' => {
    const trimmed = text.slice(start, end).trim();
    return trimmed === '' ? 'blank' : trimmed.startsWith('|') ? 'table' : 'text';
  };
  for (let hint = hints.exec(text); hint !== null; hint = hints.exec(text)) {
    let start = text.lastIndexOf('\n', hint.index) + 1;
    let end = lineAt(hint.index);
    if (kind(start, end) === 'text') {
      while (start > 0) {
        const previous = text.lastIndexOf('\n', start - 2) + 1;
        if (kind(previous, start - 1) !== 'text') break;
        start = previous;
      }
      while (end < text.length) {
        const next = lineAt(end + 1);
        if (kind(end + 1, next) !== 'text') break;
        end = next;
      }
    }
    units.push({ text: text.slice(start, end), start });
    hints.lastIndex = end;
  }
  return units;
}

const PERIOD = 46;
const BANG = 33;
const QUESTION = 63;

/** The sentence of `text` around `index` (table lines and comments are one sentence each). */
function sentenceAround(text: string, index: number): string {
  const ends = (at: number) => {
    const code = text.charCodeAt(at);
    return (code === PERIOD || code === BANG || code === QUESTION) && (at + 1 >= text.length || /\s/.test(text[at + 1]));
  };
  let start = index;
  while (start > 0 && !ends(start - 1)) start--;
  let end = index;
  while (end < text.length && !ends(end)) end++;
  return text.slice(start, end + 1);
}

function checkProse(text: string, start: number, extraCommands: CommandSpec[], context: FileContext, doc: Document, statuses: Set<string>): void {
  if (!PROSE_HINT.test(text)) return;
  for (const { pattern, side } of TRIGGERS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const list = readList(text, match.index + match[0].length, statuses);
      if (!list) continue;
      const candidates = candidatesFor(match[1], sentenceAround(text, match.index), extraCommands);
      const message = judge(list, side, candidates);
      if (message) context.report({ span: { start: doc.pointAt(start + list.start), end: doc.pointAt(start + list.end) }, message });
    }
  }
}

/** Columns headed "Final", "Final statuses", "Stop when `status` is" (final) or "Still working" (not final). */
function checkTable(table: Table, context: FileContext, doc: Document, statuses: Set<string>): void {
  const sides = table.header.map((cell): Side | undefined =>
    /\b(?:final|stop when|end state)/i.test(cell.text) ? 'final' : /\b(?:still working|not final|in progress)/i.test(cell.text) ? 'notFinal' : undefined,
  );
  if (sides.every((side) => side === undefined)) return;
  for (const row of table.rows.slice(1)) {
    const rowText = row.map((cell) => cell.inlineCode.map((code) => `\`${code}\``).join(' ') || cell.text).join(' | ');
    const candidates = candidatesFor(undefined, rowText, []);
    const named = ownersOfNouns(row[0]?.text ?? '');
    row.forEach((cell, column) => {
      const side = sides[column];
      if (!side || cell.inlineCode.length === 0 || !cell.inlineCode.every((code) => statuses.has(code))) return;
      const cellText = doc.text.slice(cell.span.start.offset, cell.span.end.offset);
      const first = cellText.indexOf('`');
      const list = readList(cellText, first, statuses);
      if (!list) return;
      const message = judge(list, side, candidates.length > 0 ? candidates : named);
      const base = cell.span.start.offset;
      if (message) context.report({ span: { start: doc.pointAt(base + list.start), end: doc.pointAt(base + list.end) }, message });
    });
  }
}

/** The field path of a filter that is only fields (`.batch.status` → `['batch', 'status']`). */
function fieldPath(node: JqNode): string[] | undefined {
  if (node.type === 'identity') return [];
  if (node.type !== 'field') return undefined;
  const before = fieldPath(node.target);
  return before ? [...before, node.name] : undefined;
}

/** Shell variables assigned the status of a command's answer: `status=$(cargo-ai … | jq -r '.batch.status')`. */
function statusVariables(doc: Document): Map<string, StatusObject[]> {
  const variables = new Map<string, StatusObject[]>();
  for (const shell of extractShell(doc).commands) {
    const jq = readJqCall(shell.words);
    const invocation = shell.input?.invocation;
    if (!jq || !invocation || jq.files.length > 0) continue;
    let steps: string[] | undefined;
    try {
      steps = fieldPath(parseJq(jq.filter.value));
    } catch {
      continue;
    }
    if (!steps || steps[steps.length - 1] !== 'status') continue;
    const resolved = resolveCommand(invocation.args.map((arg) => arg.value));
    const result = resolved.ok ? resultOf(resolved.command) : undefined;
    if (result?.kind !== 'body') continue;
    const lineStart = doc.text.lastIndexOf('\n', invocation.program.span.start.offset - 1) + 1;
    const name = /([A-Za-z_][A-Za-z0-9_]*)=\$\(\s*$/.exec(doc.text.slice(lineStart, invocation.program.span.start.offset))?.[1];
    if (name) variables.set(name, statusOwnersAt(result.schema, steps));
  }
  return variables;
}

const CASE = /\bcase\s+"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?\s+in\b/g;

/** `case "$status" in success|error) break ;; esac` on a status variable: the patterns that leave the loop. */
function checkCases(doc: Document, block: CodeBlock, variables: Map<string, StatusObject[]>, context: FileContext, statuses: Set<string>): void {
  const text = block.value;
  // Only a block that reads a status variable has anything to check.
  if (variables.size === 0 || !text.includes('case')) return;
  const lines = text.split('\n');
  // Block text offset → document offset, through the line it falls on.
  const toDoc = (index: number) => {
    let line = 0;
    let lineStart = 0;
    while (line < lines.length - 1 && lineStart + lines[line].length < index) {
      lineStart += lines[line].length + 1;
      line++;
    }
    return block.lineOffsets[line] + index - lineStart;
  };
  for (const match of text.matchAll(CASE)) {
    const owners = variables.get(match[1]);
    if (!owners || owners.length === 0) continue;
    const end = text.indexOf('esac', match.index);
    if (end < 0) continue;
    const body = text.slice(match.index + match[0].length - 2, end + 4);
    const bodyStart = match.index + match[0].length - 2;
    for (const item of body.matchAll(/(?:\bin|;;)\s*\(?\s*([^()\n;]+?)\s*\)([^;]*?)(?=;;|\besac\b)/g)) {
      if (!/\b(?:break|exit|return)\b/.test(item[2])) continue;
      const patterns = item[1].split('|').map((pattern) => pattern.trim().replace(/^(['"])(.*)\1$/, '$2'));
      if (patterns.some((pattern) => !statuses.has(pattern))) continue;
      const patternStart = bodyStart + item.index + item[0].indexOf(item[1]);
      const list: StatusList = { members: patterns, start: toDoc(patternStart), end: toDoc(patternStart + item[1].length) };
      const message = judge(list, 'final', owners);
      if (message) context.report({ span: { start: doc.pointAt(list.start), end: doc.pointAt(list.end) }, message: `This loop stops on them. ${message}` });
    }
  }
}

/** `# every 10 s until status is success, error or cancelled`: comments speak of the block's commands. */
function checkComments(doc: Document, block: CodeBlock, context: FileContext, statuses: Set<string>): void {
  if (!PROSE_HINT.test(block.value)) return;
  const blockCommands = extractShell(doc)
    .invocations.filter((invocation) => invocation.span.start.offset >= block.span.start.offset && invocation.span.end.offset <= block.span.end.offset)
    .map((invocation) => resolveCommand(invocation.args.map((arg) => arg.value)))
    .flatMap((resolved) => (resolved.ok ? [resolved.command] : []));
  block.value.split('\n').forEach((line, index) => {
    const hash = line.search(/(?:^|\s)#/);
    if (hash < 0) return;
    const comment = line.slice(hash);
    checkProse(comment, block.lineOffsets[index] + hash, blockCommands, context, doc, statuses);
  });
}

const rule: Rule = {
  meta: {
    id: 'output-final-status',
    description: 'Where a page says when to stop polling (a shell `case` on a status read from an answer, "until `status` is ...", a "Final" table column), it names exactly the final statuses of the object polled (schemas/final-statuses.json).',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    const statuses = allStatuses();
    // Most pages never speak of when to stop: neither their prose nor their comments are read at all.
    const hinted = PROSE_HINT.test(doc.text);
    if (hinted) for (const unit of hintedUnits(proseOf(doc))) checkProse(unit.text, unit.start, [], context, doc, statuses);
    for (const table of doc.tables) checkTable(table, context, doc, statuses);
    const variables = statusVariables(doc);
    for (const block of doc.codeBlocks) {
      if (!SHELL_LANGS.has(block.lang) || !block.value.includes('cargo-ai')) continue;
      checkCases(doc, block, variables, context, statuses);
      if (hinted) checkComments(doc, block, context, statuses);
    }
  },
};

export default rule;
