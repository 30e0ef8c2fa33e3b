// An error reason named beside a command must be one that command's API method can raise. Checked in prose
// sentences that name exactly one command in backticks (full, with or without `cargo-ai`, or `resource action`
// within the skill's domain), and in tables of reasons: a row's reasons against the commands of its `Command`
// column, or, without one, against the commands the heading above the table names (any of them may raise it).
import type { Rule } from '../core/rule.ts';
import type { Document, InlineCode, Span, Table } from '../core/types.ts';
import { type CommandSpec, commandName, loadCliSchema } from '../schema/index.ts';
import { errorReasonsOf } from '../schema/results.ts';
import { didYouMean } from '../schema/suggest.ts';
import { commandMentions, commandsNamedIn, nearestHeading, skillDomain } from './output-support.ts';

const SENTENCE_END = /[.!?](?:\s|$)|\n[ \t]*\n|\n[ \t>]*(?:[-*+]|\d+[.)])\s|\n#/;
const REASON_HEADER = /^reasons?$|^error reasons?$|^code$/i;
const COMMAND_HEADER = /^(?:commands?|raised by)$/i;

let allReasons: Set<string> | undefined;

/** Every reason some command can raise: a backticked word that is one of these names a reason. */
function knownReasons(): Set<string> {
  allReasons ??= new Set(loadCliSchema().commands.flatMap((command) => command.errorReasons ?? []));
  return allReasons;
}

const rule: Rule = {
  meta: {
    id: 'output-error-reason',
    description:
      'An error reason named in backticks beside one command (a sentence, or a row of a reasons table with its `Command` column or the heading above) is one that command can raise (reasons read from the API client).',
    severity: 'error',
    profile: 'cargo',
  },
  checkFile(doc, context) {
    const reasons = knownReasons();
    // Only a known reason in prose, or a table, can draw a finding.
    const namesReason = doc.inlineCode.some((code) => reasons.has(code.value));
    if (doc.tables.length === 0 && !namesReason) return;
    const domain = skillDomain(doc, loadCliSchema().domains);
    /** `code` must be raised by one of `commands` (a mention that may mean several commands, or a row's group of them). */
    const report = (code: { value: string; span: Span }, commands: CommandSpec[]) => {
      if (commands.some((command) => errorReasonsOf(command)?.includes(code.value))) return;
      const names = commands.map((command) => `\`${commandName(command)}\``).join(' or ');
      const own = commands.length === 1 ? (errorReasonsOf(commands[0]) ?? []) : [];
      const raisers = loadCliSchema()
        .commands.filter((command) => command.errorReasons?.includes(code.value))
        .map((command) => `\`${commandName(command)}\``);
      const parts = [
        own.length > 0 ? didYouMean(code.value, own) : undefined,
        raisers.length > 0 ? `\`${code.value}\` is raised by ${raisers.slice(0, 6).join(', ')}${raisers.length > 6 ? '…' : ''}` : undefined,
      ].filter((part) => part !== undefined);
      const hint = parts.length > 0 ? parts.join('; ') : own.length > 0 ? `its reasons: ${own.join(', ')}` : `${names} raise${commands.length > 1 ? '' : 's'} no reason code: describe the failure without one`;
      context.report({ span: code.span, message: `${names} cannot raise \`${code.value}\``, hint });
    };

    const prose = namesReason ? outsideTables(doc.inlineCode, doc.tables) : [];
    for (const sentence of sentences(doc, prose)) {
      if (!sentence.some((code) => reasons.has(code.value))) continue;
      const named = sentence.filter((code) => !reasons.has(code.value));
      const mentions = commandMentions(named.map((code) => `\`${code.value}\``).join(' '), domain);
      if (mentions.length !== 1) continue;
      const commands = mentions[0].filter((command) => errorReasonsOf(command) !== undefined);
      if (commands.length === 0) continue;
      for (const code of sentence) if (reasons.has(code.value)) report(code, commands);
    }
    for (const table of doc.tables) checkTable(doc, table, domain, report);
  },
};

/** The inline code outside every table; both lists are in document order, so one pass walks them together. */
function outsideTables(codes: InlineCode[], tables: Table[]): InlineCode[] {
  const out: InlineCode[] = [];
  let table = 0;
  for (const code of codes) {
    while (table < tables.length && tables[table].span.end.offset < code.span.end.offset) table++;
    const inside = table < tables.length && code.span.start.offset >= tables[table].span.start.offset && code.span.end.offset <= tables[table].span.end.offset;
    if (!inside) out.push(code);
  }
  return out;
}

/** Inline code spans grouped by the sentence they sit in (a boundary: end punctuation, blank line, list item). */
function sentences(doc: Document, codes: InlineCode[]): InlineCode[][] {
  const out: InlineCode[][] = [];
  let current: InlineCode[] = [];
  let previousEnd = -1;
  for (const code of codes) {
    if (previousEnd >= 0 && SENTENCE_END.test(doc.text.slice(previousEnd, code.span.start.offset))) {
      out.push(current);
      current = [];
    }
    current.push(code);
    previousEnd = code.span.end.offset;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function checkTable(
  doc: Document,
  table: Table,
  domain: string | undefined,
  report: (code: { value: string; span: Span }, commands: CommandSpec[]) => void,
): void {
  const header = table.header.map((cell) => cell.text.trim());
  const reasonColumns = header.flatMap((text, index) => (REASON_HEADER.test(text) ? [index] : []));
  if (reasonColumns.length === 0) return;
  const commandColumn = header.findIndex((text) => COMMAND_HEADER.test(text));
  const heading = nearestHeading(doc, table.span.start.offset);
  const headingCommands = heading ? commandsNamedIn(doc.text.slice(heading.span.start.offset, heading.span.end.offset), domain) : [];
  for (const row of table.rows.slice(1)) {
    const byColumn = commandColumn >= 0 ? commandsNamedIn((row[commandColumn]?.inlineCode ?? []).map((value) => `\`${value}\``).join(' '), domain) : [];
    const commands = (byColumn.length > 0 ? byColumn : headingCommands).filter((command) => errorReasonsOf(command) !== undefined);
    if (commands.length === 0) continue;
    for (const column of reasonColumns) {
      const cell = row[column];
      if (!cell) continue;
      // Everything in backticks in a reason column is put forward as a reason, known to the client or not.
      for (const code of codesIn(doc, cell.span, cell.inlineCode)) {
        if (/^[a-z][A-Za-z0-9]*$/.test(code.value)) report(code, commands);
      }
    }
  }
}

/** The inline code of a table cell, with spans (the cell keeps only their values). */
function codesIn(doc: Document, span: Span, values: string[]): { value: string; span: Span }[] {
  return doc.inlineCode.filter((code) => code.span.start.offset >= span.start.offset && code.span.end.offset <= span.end.offset && values.includes(code.value));
}

export default rule;
