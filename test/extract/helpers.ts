// Builds documents from markdown strings, and reads invocations back in a compact form for assertions.
import type { Document, Invocation, Span, Word } from '../../scripts/core/types.ts';
import { virtualFile } from '../../scripts/load/files.ts';
import { parseDocument } from '../../scripts/parse/document.ts';

export function docOf(text: string, displayPath = 'SKILL.md'): Document {
  return parseDocument(virtualFile(`/virtual/${displayPath}`, text, displayPath));
}

/** Argument values of each invocation. */
export function argvs(invocations: Invocation[]): string[][] {
  return invocations.map((inv) => inv.args.map((arg) => arg.value));
}

/** The document text a span covers. */
export function textAt(doc: Document, span: Span): string {
  return doc.text.slice(span.start.offset, span.end.offset);
}

/** `line:column-line:column` of a word. */
export function where(word: Word): string {
  const { start, end } = word.span;
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

/** The argument whose value is `value` (first match). */
export function arg(inv: Invocation, value: string): Word {
  const found = inv.args.find((word) => word.value === value);
  if (!found) throw new Error(`no argument ${value} in ${inv.args.map((word) => word.value).join(' ')}`);
  return found;
}

export const fence = (lang: string, ...lines: string[]): string => ['```' + lang, ...lines, '```'].join('\n');
