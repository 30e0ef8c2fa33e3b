// Parses one file, once, into the Document every rule reads.
import { pathMentions } from './mentions.ts';
import type { Code, Html, InlineCode as MdInlineCode, Nodes, Root, Table as MdTable, TableRow as MdTableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import type { CodeBlock, Document, Frontmatter, Heading, InlineCode, Link, Point, SkillFile, Span, Table, TableCell } from '../core/types.ts';
import { HeadingAnchors } from './anchors.ts';
import { type ScanResult, scanMarkdown } from './fast-markdown.ts';
import { countRead, referenceParsersOnly } from './fast-read.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { lineStartsOf, makePointAt, spanOf } from './positions.ts';

/**
 * Of GitHub's extensions to CommonMark, only tables and footnotes change what rules see. The rest
 * (autolinked bare URLs, strikethrough, task lists) would cost parse time and add nothing a rule reads.
 */
function gfmTablesAndFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}

const commonMark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const githubFlavoured = unified().use(remarkParse).use(gfmTablesAndFootnotes).use(remarkFrontmatter, ['yaml']);
/**
 * The table construct still doubles parse time (it is tried at every paragraph), and links, headings, code
 * and their positions are the same in both grammars: use it only where a table or footnote occurs.
 */
const DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/gm;

function needsGfm(text: string): boolean {
  if (text.includes('[^')) return true;
  for (const match of text.matchAll(DELIMITER_ROW)) if (match[0].includes('|')) return true;
  return false;
}
const DISABLE_NEXT_LINE = /^<!--\s*skill-lint-disable-next-line\b([^>]*?)\s*-->$/;

/** Which markdown reader builds the tree: the fast reader where it can (else remark), or remark alone. */
export type MarkdownReader = 'fast' | 'remark';

export function parseDocument(file: SkillFile, reader: MarkdownReader = referenceParsersOnly() ? 'remark' : 'fast'): Document {
  const text = file.text;
  const lineStarts = lineStartsOf(text);
  const pointAt = makePointAt(lineStarts, text.length);
  const frontmatter = parseFrontmatter(text, pointAt);
  const scanned = reader === 'fast' ? fastTree(text, frontmatter, lineStarts, pointAt) : undefined;
  if (scanned) countRead('markdown', scanned);
  const fastRead = scanned && 'read' in scanned ? scanned.read : undefined;
  const tree = fastRead ?? ((needsGfm(text) ? githubFlavoured : commonMark).parse(text) as Root);

  const headingAnchors = new HeadingAnchors();
  const headings: Heading[] = [];
  const links: Link[] = [];
  const codeBlocks: CodeBlock[] = [];
  const inlineCode: InlineCode[] = [];
  const tables: Table[] = [];
  const tableLinks = new Set<Nodes>();
  const disabledLines = new Map<number, Set<string>>();
  const anchors = new Set<string>();

  // The fast reader's positions are spans of this text already; remark's are read through `pointAt`.
  const spanOfNode = fastRead ? fastSpan : (node: Nodes) => spanOf(pointAt, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  // Depth-first, in document order, without recursion: hostile input can nest thousands of levels deep.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'heading': {
        const headingText = toString(node);
        const anchor = headingAnchors.next(headingText);
        headings.push({ depth: node.depth, text: headingText, anchor, span: spanOfNode(node) });
        anchors.add(anchor);
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        links.push({ url: node.url, kind: node.type, span: spanOfNode(node), ...(tableLinks.has(node) ? { inTable: true as const } : {}) });
        break;
      case 'code':
        // The fast reader reads fenced blocks only, and gives each line's offset.
        if (node.data?.lineOffsets) codeBlocks.push(scannedCodeBlock(node, node.data.lineOffsets, spanOfNode(node)));
        else if (isFenced(text, node)) codeBlocks.push(codeBlockOf(node, text, lineStarts, spanOfNode(node)));
        continue;
      case 'inlineCode':
        inlineCode.push(inlineCodeOf(node, text, spanOfNode(node)));
        continue;
      case 'html':
        collectHtml(node, spanOfNode(node).end.line, disabledLines, anchors);
        continue;
      case 'table':
        tables.push(tableOf(node, spanOfNode(node), spanOfNode, tableLinks));
        break;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }

  const bodyStartLine = frontmatter.span && !frontmatter.unterminated ? frontmatter.span.end.line + 1 : 1;
  const totalLines = text.length === 0 ? 0 : lineStarts.length - (text.endsWith('\n') ? 1 : 0);
  return {
    file,
    text,
    lineStarts,
    frontmatter,
    tables,
    headings,
    anchors,
    links,
    mentions: pathMentions(text, inlineCode.map((code) => code.value)),
    codeBlocks,
    inlineCode,
    bodyLines: Math.max(0, totalLines - bodyStartLine + 1),
    disabledLines,
    pointAt,
  };
}

/**
 * The fast reader's tree of the body. It starts after a frontmatter block only when remark-frontmatter would
 * read that block the same way (plain `---` fences); any other opening is left to remark.
 */
export function fastTree(text: string, frontmatter: Frontmatter, lineStarts: ArrayLike<number>, pointAt: (offset: number) => Point): ScanResult {
  if (!text.startsWith('---')) return scanMarkdown(text, 0, lineStarts, pointAt);
  const closeEnd = frontmatter.span?.end.offset ?? 0;
  if (frontmatter.unterminated || !(text.startsWith('---\n') || text.startsWith('---\r\n')) || text.slice(closeEnd - 4, closeEnd) !== '\n---') {
    return { fallback: 'frontmatter fences other than plain ---' };
  }
  return scanMarkdown(text, closeEnd + 1, lineStarts, pointAt);
}

/** A node's span as the fast reader gave it: each node it builds carries a position of exactly this shape. */
function fastSpan(node: Nodes): Span {
  return node.position as Span;
}

/**
 * The table's cells; the links inside it go into `tableLinks` (the walk reaches them after the table). Body
 * rows the fast reader left unread (plain text: no link among them) are read when a rule first asks.
 */
function tableOf(node: MdTable, span: Table['span'], spanOfNode: (node: Nodes) => Span, tableLinks: Set<Nodes>): Table {
  const cellsOf = (row: MdTableRow): TableCell[] =>
    row.children.map((cell) => {
      const inlineCode: string[] = [];
      for (const child of cell.children) {
        if (child.type === 'inlineCode') inlineCode.push(child.value);
        else if (child.type !== 'text') markLinks(child, tableLinks);
      }
      return {
        text: cell.children.length === 1 && cell.children[0].type === 'text' ? cell.children[0].value : toString(cell),
        span: spanOfNode(cell),
        inlineCode,
      };
    });
  const rows = node.children.map(cellsOf);
  const unread = node.data?.bodyRows;
  if (!unread) return { span, header: rows[0] ?? [], rows };
  return new PartlyReadTable(span, rows, () => unread().map(cellsOf));
}

/** A table whose plain body rows are read when `rows` is first read (a class: test/layers/accessors.test.ts says why). */
class PartlyReadTable implements Table {
  readonly header: TableCell[];
  private all: TableCell[][] | undefined;

  constructor(
    readonly span: Span,
    private readonly read: TableCell[][],
    private readonly unread: () => TableCell[][],
  ) {
    this.header = read[0] ?? [];
  }

  get rows(): TableCell[][] {
    this.all ??= [...this.read, ...this.unread()];
    return this.all;
  }
}

/** Adds every link at or below `node` to `links`. */
function markLinks(node: Nodes, links: Set<Nodes>): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const inner = stack.pop()!;
    if (inner.type === 'link') links.add(inner);
    if ('children' in inner) for (const child of inner.children) stack.push(child as Nodes);
  }
}

/**
 * remark starts a fenced block at its fence, after any indent, quote or list marker before it; an indented
 * block starts at its indent.
 */
function isFenced(text: string, node: Code): boolean {
  const start = node.position?.start.offset ?? 0;
  return text.startsWith('```', start) || text.startsWith('~~~', start);
}

function scannedCodeBlock(node: Code, lineOffsets: number[], span: CodeBlock['span']): CodeBlock {
  return { lang: (node.lang ?? '').toLowerCase(), meta: node.meta ?? '', value: node.value, span, lineOffsets, unterminated: node.data?.unterminated === true };
}

function codeBlockOf(node: Code, text: string, lineStarts: number[], span: CodeBlock['span']): CodeBlock {
  const startLine = node.position?.start.line ?? 1;
  const endLine = node.position?.end.line ?? startLine;
  const openLine = lineText(text, lineStarts, startLine);
  const opening = /(`{3,}|~{3,})/.exec(openLine);
  const fence = opening?.[1] ?? '```';
  // A fence in a block quote is closed on a line that repeats the quote's markers: read past them.
  const quoteDepth = opening ? openLine.slice(0, opening.index).split('>').length - 1 : 0;
  let closeLine = lineText(text, lineStarts, endLine);
  for (let depth = 0; depth < quoteDepth; depth++) closeLine = closeLine.replace(/^ {0,3}>/, '');
  closeLine = closeLine.trim();
  const unterminated =
    endLine === startLine || !(closeLine.startsWith(fence[0].repeat(fence.length)) && /^(`+|~+)$/.test(closeLine));
  const valueLines = node.value.split(/\r?\n/);
  const lineOffsets = valueLines.map((valueLine, index) => {
    const sourceLine = startLine + 1 + index;
    const start = lineStarts[sourceLine - 1] ?? text.length;
    const source = lineText(text, lineStarts, sourceLine);
    return source.endsWith(valueLine) ? start + source.length - valueLine.length : start;
  });
  return {
    lang: (node.lang ?? '').toLowerCase(),
    meta: node.meta ?? '',
    value: node.value,
    span,
    lineOffsets,
    unterminated,
  };
}

function inlineCodeOf(node: MdInlineCode, text: string, span: InlineCode['span']): InlineCode {
  const source = text.slice(span.start.offset, span.end.offset);
  const index = source.indexOf(node.value);
  return { value: node.value, span, valueOffset: span.start.offset + Math.max(index, 0) };
}

function lineText(text: string, lineStarts: number[], line: number): string {
  const start = lineStarts[line - 1];
  if (start === undefined) return '';
  const next = lineStarts[line] ?? text.length + 1;
  return text.slice(start, next - 1).replace(/\r$/, '');
}

function collectHtml(node: Html, endLine: number, disabledLines: Map<number, Set<string>>, anchors: Set<string>): void {
  const value = node.value.trim();
  const disable = DISABLE_NEXT_LINE.exec(value);
  if (disable) {
    const ids = disable[1].split(/[\s,]+/).filter(Boolean);
    disabledLines.set(endLine + 1, new Set(ids.length > 0 ? ids : ['*']));
  }
  // Explicit HTML anchors (`<a id="x">`, `<a name="x">`) are link targets too, as on GitHub.
  for (const match of value.matchAll(/<a\s[^>]*\b(?:id|name)\s*=\s*"([^"]+)"/gi)) anchors.add(match[1]);
}
