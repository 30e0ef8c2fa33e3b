// A fast reader for the markdown skills are written in. It builds only the mdast nodes rules read (headings,
// fenced code, links, images, inline code, comments, tables), with the positions remark gives them, and
// gives up on anything outside its subset, naming the construct, so the caller parses that file with remark.
// Differential tests hold it to remark on every file it accepts.
import type {
  Code,
  Definition,
  Emphasis,
  FootnoteReference,
  Heading,
  Html,
  Image,
  ImageReference,
  InlineCode,
  Link,
  LinkReference,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import type { Point } from '../core/types.ts';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { type FastRead, outside, readFast } from './fast-read.ts';

declare module 'mdast' {
  interface CodeData {
    /** Set by this reader: the document offset where each line of the value starts. */
    lineOffsets?: number[];
    /** Set by this reader on a fence the text ends before it is closed. */
    unterminated?: boolean;
  }
  interface TableData {
    /**
     * Set by this reader on a table whose body rows hold plain text alone (no link, code span or other inline
     * construct): they are built when first asked for. Most tables are not the kind a rule reads past its
     * header, and their cells were a sixth of what a lint allocated.
     */
    bodyRows?: () => TableRow[];
  }
}

/** The tree, or the construct (first met) that sent the file to remark. */
export type ScanResult = FastRead<Root>;

interface Quote {
  kind: 'quote';
}
interface Item {
  kind: 'item';
  /** Column where the item's content starts; continuation lines must be indented this far. */
  contentColumn: number;
}
/** A GitHub footnote definition (`[^label]:`): its further lines are indented four columns past its start. */
interface Footnote {
  kind: 'footnote';
  contentColumn: number;
}
type Container = Quote | Item | Footnote;

interface Paragraph {
  kind: 'paragraph';
  /** Each line's content (a continuation line keeps its indent) and the document offset where it starts. */
  lines: string[];
  starts: number[];
  /**
   * Where the link reference definitions this paragraph follows start (remark's content block): a setext
   * heading over the paragraph starts there. A paragraph with no lines yet is the block after a definition.
   */
  definitionsStart?: number;
}
interface Fence {
  kind: 'fence';
  start: number;
  marker: number;
  length: number;
  indent: number;
  lang: string | null;
  meta: string | null;
  lines: string[];
  /** The document offset where each of `lines` starts. */
  offsets: number[];
}
interface HtmlBlock {
  kind: 'html';
  start: number;
  end: number;
  lines: string[];
  /** The document offset where each of `lines` starts. */
  starts: number[];
  /** What ends the block on the line that holds it, or undefined when a blank line ends it (before it). */
  closer: RegExp | undefined;
}
interface TableLeaf {
  kind: 'table';
  rows: TableRow[];
  /** Start and end offsets of each body row left unread, in order: set while every body row is plain text. */
  plainRows: number[] | undefined;
  start: number;
  end: number;
}
/** Indented code: no rule reads it (only fenced blocks hold examples), but its lines are not markdown. */
interface IndentedCode {
  kind: 'indented';
  /**
   * Begun on a lazy line (one that closed containers, opening none): micromark ends such a block with that
   * line, so the next line does not follow indented code; a further indented line begins a block of its own.
   */
  lazy: boolean;
}
type Leaf = Paragraph | Fence | HtmlBlock | TableLeaf | IndentedCode;

/** Normalized labels of the definitions in a text: link reference definitions and footnote definitions. */
interface Labels {
  links: Set<string>;
  footnotes: Set<string>;
}

/**
 * First characters of lines not read as lazy continuation even when they open no block: a setext underline
 * or a table row there follows rules not copied here.
 */
const LAZY_DOUBT = '=|';
const SPACE = 32;
const TAB = 9;
const BACKTICK = 96;
const TILDE = 126;
const HASH = 35;
const GT = 62;
const LT = 60;
const DASH = 45;
const EQUALS = 61;
const OPEN_BRACKET = 91;
const PIPE = 124;
const CARET = 94;
const COLON = 58;

/**
 * The document's nodes of interest, in document order, as children of one root; or, when the text uses
 * anything this reader does not handle exactly as remark does, the first such construct.
 */
export function scanMarkdown(text: string, bodyStart: number, lineStarts: ArrayLike<number>, pointAt: (offset: number) => Point): ScanResult {
  // A CR ends a line (and remark counts lines by it) even when no LF follows: remark reads such a file.
  let crlf = false;
  let tabs = false;
  if (/[\t\r\0]/.test(text)) {
    if (text.includes('\0')) return { fallback: 'a NUL character' };
    crlf = text.includes('\r');
    if (crlf && /\r(?!\n)/.test(text)) return { fallback: 'a carriage return not followed by a line feed' };
    tabs = text.includes('\t');
  }
  return readFast(() => {
    const scanner = new Scanner(text, lineStarts, pointAt, crlf, tabs, undefined);
    const root = scanner.run(bodyStart);
    // A bracket may refer to a definition further down: once all are known, the text is read again.
    if (!scanner.needsSecondPass()) return root;
    return new Scanner(text, lineStarts, pointAt, crlf, tabs, scanner.definedLabels()).run(bodyStart);
  });
}

class Scanner {
  private readonly out: RootContent[] = [];
  private containers: Container[] = [];
  private leaf: Leaf | undefined;

  /** The normalized labels of the link reference and footnote definitions met so far. */
  private readonly labels: Labels = { links: new Set(), footnotes: new Set() };
  /** Whether a bracket asked for a definition: only then can the definitions change what this pass read. */
  private askedForDefinition = false;

  constructor(
    private readonly text: string,
    private readonly lineStarts: ArrayLike<number>,
    private readonly pointAt: (offset: number) => Point,
    /** Some lines end in CRLF: a line's content stops before its CR, which multi-line values keep. */
    private readonly crlf: boolean,
    /** Some lines hold tabs: where one is in a line's indentation, widths are counted in columns (tab stops of 4). */
    private readonly tabs: boolean,
    /** The labels every definition of the text has (read by an earlier pass), or undefined in the first. */
    private readonly knownLabels: Labels | undefined,
  ) {}

  /** Where the current line starts. */
  private lineStart = 0;
  /** The columns the tabs passed on the current line add beyond one each: a position's column is its offset in the line plus this. */
  private columnShift = 0;
  /** The offset of a tab on the current line whose first column a quote marker took (remark keeps the rest as spaces), or -1. */
  private splitTab = -1;

  /** After a first `run`: brackets were read without the definitions the text has, so read it again. */
  needsSecondPass(): boolean {
    return this.knownLabels === undefined && (this.labels.links.size > 0 || this.labels.footnotes.size > 0) && this.askedForDefinition;
  }

  definedLabels(): Labels {
    return this.labels;
  }

  /** The bracket text `label` (as written) names a definition of `kind` somewhere in the text. */
  private readonly isDefined = (kind: keyof Labels, label: string): boolean => {
    this.askedForDefinition = true;
    return this.knownLabels !== undefined && this.knownLabels[kind].has(normalizeLabel(label));
  };

  run(bodyStart: number): Root {
    const { text, lineStarts } = this;
    let lineCount = lineStarts.length;
    if (text.length > 0 && text.charCodeAt(text.length - 1) === 10) lineCount--;
    for (let line = 0; line < lineCount; line++) {
      const start = lineStarts[line];
      if (start < bodyStart) continue;
      let end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
      if (this.crlf && text.charCodeAt(end - 1) === 13) end--;
      this.line(start, end);
    }
    const leaf = this.leaf;
    if (leaf?.kind === 'fence' && this.containers.length === 0) {
      // A last line that reads as a fence once trimmed (indented too far to close it) is not worth the doubt.
      // So is a last line of spaces under an indented fence, which remark may drop from the value.
      const last = leaf.lines.at(-1)?.trim();
      if ((last !== undefined && /^(?:`{3,}|~{3,})$/.test(last)) || (leaf.indent > 0 && last === '')) outside('an unterminated code fence');
      // A top-level fence still open at the end of the text runs to its end, final line break included.
      this.leaf = undefined;
      this.emitCode(leaf, text.length, true);
    }
    this.closeLeaf();
    return { type: 'root', children: this.out };
  }

  private line(lineStart: number, lineEnd: number): void {
    const { text } = this;
    this.lineStart = lineStart;
    this.columnShift = 0;
    this.splitTab = -1;
    let pos = lineStart;
    let matched = 0;
    for (const container of this.containers) {
      if (container.kind === 'quote') {
        const indent = spacesAt(text, pos, lineEnd);
        if (indent > 3 || text.charCodeAt(pos + indent) !== GT) {
          // Past a tab the line may still reach a `>` short of column 4, at a column its offset no longer gives.
          if (this.tabs && indent <= 3 && text.charCodeAt(pos + indent) === TAB && !isBlankFrom(text, pos, lineEnd) && this.indentWidth(pos, lineEnd) < 4) outside(TAB_IN_CONTAINER_INDENT);
          break;
        }
        pos += indent + 1;
        if (text.charCodeAt(pos) === SPACE) pos++;
        else if (this.tabs && text.charCodeAt(pos) === TAB) pos = this.tabAfterQuoteMarker(pos);
      } else {
        const spaces = spacesAt(text, pos, lineEnd);
        const column = pos - lineStart + this.columnShift;
        if (pos + spaces === lineEnd) {
          // A line of spaces: those up to the content column are the item's, the rest its content's.
          pos += Math.min(spaces, container.contentColumn - column);
        } else if (!(this.tabs && isBlankFrom(text, pos + spaces, lineEnd))) {
          if (column + spaces >= container.contentColumn) pos += container.contentColumn - column;
          else {
            const past = this.tabs && text.charCodeAt(pos + spaces) === TAB ? this.skipColumns(pos, lineEnd, container.contentColumn - column) : undefined;
            if (past === undefined) break;
            pos = past;
          }
        }
      }
      matched++;
    }
    let allMatched = matched === this.containers.length;
    const leaf = this.leaf;

    if (allMatched && leaf?.kind === 'fence') {
      this.fenceLine(leaf, pos, lineEnd);
      return;
    }
    // micromark lets a list item start after indented code only as it would after a paragraph.
    let afterIndentedCode = false;
    if (allMatched && leaf?.kind === 'indented') {
      const indent = spacesAt(text, pos, lineEnd);
      if (pos + indent === lineEnd || (this.tabs && isBlankFrom(text, pos, lineEnd))) return;
      if (indent > 3 || (this.tabs && text.charCodeAt(pos + indent) === TAB && this.indentWidth(pos, lineEnd) > 3)) {
        leaf.lazy = false;
        return;
      }
      this.closeLeaf();
      afterIndentedCode = !leaf.lazy;
    }
    if (allMatched && leaf?.kind === 'html') {
      const line = text.slice(pos, lineEnd);
      if (leaf.closer || line.trim() !== '') {
        // A blank line with a tab inside a container: how much of it remark keeps is not worth copying.
        if (this.containers.length > 0 && line.trim() === '' && line.includes('\t')) outside('a blank line with a tab in an HTML block inside a container');
        this.wholeFrom(pos);
        leaf.lines.push(line);
        leaf.starts.push(pos);
        leaf.end = lineEnd;
        if (leaf.closer?.test(line)) this.closeLeaf();
        return;
      }
      this.closeLeaf();
    }

    // New containers: block quotes and list items.
    let opened = false;
    for (;;) {
      const indent = spacesAt(text, pos, lineEnd);
      if (indent > 3) break;
      const at = pos + indent;
      if (this.tabs && text.charCodeAt(at) === TAB) {
        // A tab at the start of a line reaches column 4 (indented code); past a container's prefix it may stop
        // short of it, where a marker after it would be read at a column not copied here.
        const content = pos + whitespaceAt(text, pos, lineEnd);
        const opensContainer = text.charCodeAt(content) === GT || listMarker(text, content, lineEnd) || (text.charCodeAt(content) === OPEN_BRACKET && text.charCodeAt(content + 1) === CARET);
        if (content < lineEnd && this.indentWidth(pos, lineEnd) < 4 && opensContainer) outside(TAB_IN_CONTAINER_INDENT);
        break;
      }
      if (text.charCodeAt(at) === GT) {
        this.closeTo(matched);
        this.containers.push({ kind: 'quote' });
        matched = this.containers.length;
        allMatched = opened = true;
        pos = at + 1;
        if (text.charCodeAt(pos) === SPACE) pos++;
        else if (this.tabs && text.charCodeAt(pos) === TAB) pos = this.tabAfterQuoteMarker(pos);
        continue;
      }
      if (text.charCodeAt(at) === OPEN_BRACKET && text.charCodeAt(at + 1) === CARET) {
        const label = footnoteLabel(text, at);
        if (label && text.charCodeAt(label.end) === COLON) {
          this.closeTo(matched);
          // Lines after one nested in another follow laziness rules not copied here.
          if (this.containers.some((container) => container.kind === 'footnote')) outside('a footnote definition inside another');
          // Its content starts past the spaces after the colon; further lines need four columns of indent.
          this.containers.push({ kind: 'footnote', contentColumn: pos - lineStart + this.columnShift + 4 });
          this.labels.footnotes.add(normalizeLabel(label.label));
          matched = this.containers.length;
          allMatched = opened = true;
          pos = label.end + 1 + spacesAt(text, label.end + 1, lineEnd);
          // How many of a tab's columns its content keeps there is not copied here.
          if (text.charCodeAt(pos) === TAB) outside('a tab after a footnote definition’s label');
          continue;
        }
      }
      if (isThematicBreak(text, at, lineEnd)) break;
      const marker = listMarker(text, at, lineEnd);
      if (!marker) break;
      // The columns after the marker (a tab reaching the next multiple of 4), all of them the item's when at most 4.
      let after = spacesAt(text, marker.end, lineEnd);
      let contentStart = marker.end + after;
      if (this.tabs && text.charCodeAt(contentStart) === TAB) {
        contentStart = marker.end + whitespaceAt(text, marker.end, lineEnd);
        after = this.indentWidth(marker.end, lineEnd);
      }
      // An item that starts blank, or with indented code, follows rules this reader does not implement.
      if (contentStart === lineEnd || after === 0 || after > 4) outside('a list item that starts blank or with indented code');
      if (allMatched && this.leaf?.kind === 'paragraph' && !opened && marker.ordered && marker.number !== 1) outside('an ordered list not starting at 1 after a paragraph');
      // As after a paragraph, only a list starting at 1 may follow indented code: `2.` there starts a paragraph.
      if (afterIndentedCode && !opened && marker.ordered && marker.number !== 1) break;
      this.closeTo(matched);
      this.containers.push({ kind: 'item', contentColumn: marker.end - lineStart + this.columnShift + after });
      this.columnShift += after - (contentStart - marker.end);
      matched = this.containers.length;
      allMatched = opened = true;
      pos = contentStart;
    }

    const blank = pos + spacesAt(text, pos, lineEnd) === lineEnd || (this.tabs && isBlankFrom(text, pos, lineEnd));
    if (!allMatched) {
      const at = pos + spacesAt(text, pos, lineEnd);
      if (this.tabs && this.leaf?.kind === 'paragraph' && !blank && text.charCodeAt(at) === TAB) outside(TAB_IN_CONTAINER_INDENT);
      if (this.leaf?.kind === 'paragraph' && !blank && !(at - pos <= 3 && opensBlockWhenLazy(text, at, lineEnd))) {
        if (at - pos <= 3 && text.charCodeAt(at) === LT && htmlBlockStart(text.slice(at, lineEnd), false)) {
          // On a lazy line micromark lets a lone tag interrupt the paragraph, and the HTML block it starts stays
          // in the paragraph's containers (from the line's indent on): the next line ends it unless it continues them.
          this.closeLeaf();
          this.leaf = { kind: 'html', start: pos, end: lineEnd, lines: [text.slice(pos, lineEnd)], starts: [pos], closer: undefined };
          return;
        }
        // Lazy continuation: a paragraph line without its container's prefix, if it cannot start a block.
        if (at - pos > 3 || LAZY_DOUBT.includes(text[at])) outside('lazy continuation that may start a block');
        // remark reads a lazy line after a definition as more of its content block, where it may define again.
        if (this.leaf.lines.length === 0 && text.charCodeAt(at) === OPEN_BRACKET) outside('a lazy line after a link reference definition');
        this.paragraphLine(this.leaf, this.leaf.lines.length === 0 ? at : pos, lineEnd);
        return;
      }
      if (blank) this.closeLeaf();
      this.closeTo(matched);
    } else if (opened) {
      this.closeLeaf();
    }
    this.leafLine(pos, lineEnd, blank, !allMatched);
  }

  /** The line's leaf content from `pos`; `lazy` when the line closed containers and opened none. */
  private leafLine(pos: number, lineEnd: number, blank: boolean, lazy: boolean): void {
    const { text } = this;
    const leaf = this.leaf;
    if (blank) {
      this.closeLeaf();
      return;
    }
    let indent = spacesAt(text, pos, lineEnd);
    let at = pos + indent;
    let first = text.charCodeAt(at);
    if (first === TAB) {
      // Past a container's prefix a tab may stop short of column 4: the block starts after it.
      indent = this.indentWidth(pos, lineEnd);
      if (indent < 4) {
        at = pos + whitespaceAt(text, pos, lineEnd);
        first = text.charCodeAt(at);
      }
    }
    if (leaf?.kind === 'table') {
      // A row may leave out its outer pipes; a line that could open another block is left to remark.
      if (indent > 3 || (first !== PIPE && (mayOpenBlock(text, at, lineEnd) || !text.slice(at, lineEnd).includes('|')))) outside('a table row that may be another block');
      this.bodyRow(leaf, at, lineEnd);
      leaf.end = lineEnd;
      return;
    }
    if (indent > 3) {
      if (leaf?.kind === 'paragraph' && leaf.lines.length === 0) {
        // Definitions may follow each other at any indent (of spaces or tabs): the content block they are in
        // has begun, and its next line starts past all of it.
        const content = pos + whitespaceAt(text, pos, lineEnd);
        if (text.charCodeAt(content) === OPEN_BRACKET && this.definition(leaf, content, lineEnd)) return;
        // Its indent is dropped here, where the table and heading checks could no longer see it.
        outside('an indented line right after a link reference definition');
      } else if (leaf?.kind === 'paragraph') this.paragraphLine(leaf, pos, lineEnd);
      else {
        this.closeLeaf();
        this.leaf = { kind: 'indented', lazy };
      }
      return;
    }
    if (first === HASH) {
      const heading = this.atxHeading(at, lineEnd);
      if (heading) {
        this.closeLeaf();
        this.out.push(heading);
        return;
      }
    }
    if (first === BACKTICK || first === TILDE) {
      const fence = this.openFence(at, lineEnd, indent);
      if (fence) {
        this.closeLeaf();
        this.leaf = fence;
        return;
      }
    }
    if (first === LT) {
      const html = htmlBlockStart(text.slice(at, lineEnd), leaf?.kind === 'paragraph');
      if (html) {
        this.closeLeaf();
        const line = text.slice(at, lineEnd);
        this.leaf = { kind: 'html', start: at, end: lineEnd, lines: [line], starts: [at], closer: html.closer };
        if (html.closer?.test(line.slice(html.openerLength))) this.closeLeaf();
        return;
      }
    }
    if (leaf?.kind === 'paragraph' && leaf.lines.length > 0 && (first === DASH || first === EQUALS) && SETEXT_UNDERLINE.test(text.slice(at, lineEnd))) {
      this.setextHeading(leaf, first === EQUALS ? 1 : 2, lineEnd);
      return;
    }
    if (isThematicBreak(text, at, lineEnd)) {
      this.closeLeaf();
      return;
    }
    if (leaf?.kind === 'paragraph') {
      if (leaf.lines.length === 0) {
        // remark makes the definition line above a table's header row.
        if (isDelimiterRow(text, at, lineEnd)) outside('a table delimiter row right after a link reference definition');
        if (first === OPEN_BRACKET && this.definition(leaf, at, lineEnd)) return;
      } else if (isDelimiterRow(text, at, lineEnd)) {
        this.startTable(leaf, at, lineEnd);
        return;
      }
      this.paragraphLine(leaf, leaf.lines.length === 0 ? at : pos, lineEnd);
      return;
    }
    const paragraph: Paragraph = { kind: 'paragraph', lines: [], starts: [] };
    this.leaf = paragraph;
    if (first === OPEN_BRACKET && this.definition(paragraph, at, lineEnd)) return;
    this.paragraphLine(paragraph, at, lineEnd);
  }

  /**
   * Reads the line from `at` as a link reference definition, when it is one, whole on the line, at the start
   * of `paragraph` (a definition cannot interrupt a paragraph, but definitions may follow each other). The
   * paragraph stays open with no lines: the next line continues remark's content block, as text would.
   */
  private definition(paragraph: Paragraph, at: number, lineEnd: number): boolean {
    const { text } = this;
    const label = scanLabel(text, at, false);
    if (label === undefined) return false;
    if (label === 'elsewhere') {
      // Its label does not close on this line: whether it is a definition depends on the lines after.
      if (definitionAhead(text, at)) outside('a link reference definition across lines');
      return false;
    }
    if (text.charCodeAt(label.end) !== COLON) return false;
    // With footnotes on, `[^x]:` is a footnote definition when it can be one; a label like `^a b` is not.
    if (text.charCodeAt(at + 1) === CARET) outside('a link reference definition whose label starts with ^');
    const destinationStart = label.end + 1 + whitespaceAt(text, label.end + 1, lineEnd);
    if (destinationStart === lineEnd) outside('a link reference definition across lines');
    const destination = readDestination(text, destinationStart, Number.POSITIVE_INFINITY);
    if (!destination) return false;
    let title: string | null = null;
    let end = destination.end + whitespaceAt(text, destination.end, lineEnd);
    if (end === lineEnd) {
      // A title may follow on the next line.
      if (titleMayFollow(text, lineEnd)) outside('a link reference definition that may have its title on the next line');
    } else {
      const marker = text[end];
      if (end === destination.end || (marker !== '"' && marker !== "'" && marker !== '(')) return false;
      const read = readTitle(text, end);
      if (!read) return false;
      title = read.title;
      end = read.end + whitespaceAt(text, read.end, lineEnd);
      if (end !== lineEnd) return false;
    }
    const node: Definition = {
      type: 'definition',
      identifier: normalizeLabel(label.label).toLowerCase(),
      label: label.label,
      url: destination.url,
      title,
      position: this.position(at, lineEnd),
    };
    this.out.push(node);
    this.labels.links.add(normalizeLabel(label.label));
    paragraph.definitionsStart ??= at;
    return true;
  }

  /** The paragraph above an `===` or `---` underline, as a heading that ends with the underline's line. */
  private setextHeading(paragraph: Paragraph, depth: 1 | 2, lineEnd: number): void {
    this.leaf = undefined;
    const { lines, starts } = paragraph;
    const last = lines.length - 1;
    let end = lines[last].length;
    while (end > 0 && isSpaceOrTab(lines[last].charCodeAt(end - 1))) end--;
    lines[last] = lines[last].slice(0, end);
    // After definitions, remark starts the heading at the first of them, unless the heading's own first line
    // reads as an underline itself.
    const start = paragraph.definitionsStart !== undefined && !SETEXT_UNDERLINE.test(lines[0]) ? paragraph.definitionsStart : starts[0];
    // Text across lines reads as remark gives it: see InlineReader.lineEnding.
    const children = this.inline(this.joinLines(lines, starts), starts, true);
    this.out.push({ type: 'heading', depth, children, position: this.position(start, lineEnd) });
  }

  /** A paragraph line from `start`: continuation lines keep their indent, which code spans hold in remark. */
  private paragraphLine(paragraph: Paragraph, start: number, lineEnd: number): void {
    this.wholeFrom(start);
    paragraph.lines.push(this.text.slice(start, lineEnd));
    paragraph.starts.push(start);
  }

  /** Closes the containers from `depth` inward (and the open leaf with them). */
  private closeTo(depth: number): void {
    if (depth >= this.containers.length) return;
    // remark lets the next line's cells lazily continue or end such a table in ways not worth copying.
    if (this.leaf?.kind === 'table') outside('a table ended by a line outside its container');
    this.closeLeaf();
    this.containers.length = depth;
  }

  /** Ends the open leaf block. */
  private closeLeaf(): void {
    const leaf = this.leaf;
    if (!leaf) return;
    this.leaf = undefined;
    switch (leaf.kind) {
      case 'paragraph':
        this.paragraph(leaf);
        break;
      case 'fence':
        // Where remark ends a fence that never closes depends on what closed it: remark reads that file.
        outside('an unterminated code fence');
        break;
      case 'html': {
        const value = this.joinLines(leaf.lines, leaf.starts);
        this.out.push({ type: 'html', value, position: this.position(leaf.start, leaf.end) } as Html);
        break;
      }
      case 'indented':
        break;
      case 'table': {
        const table = { type: 'table', align: [], children: leaf.rows, position: this.position(leaf.start, leaf.end) } as Table;
        const plain = leaf.plainRows;
        if (plain && plain.length > 0) table.data = { bodyRows: () => this.tableRows(plain) };
        this.out.push(table);
        break;
      }
    }
  }

  private atxHeading(at: number, lineEnd: number): Heading | undefined {
    const { text } = this;
    let level = 0;
    while (level < 7 && text.charCodeAt(at + level) === HASH) level++;
    if (level > 6) return undefined;
    const afterHashes = at + level;
    if (afterHashes < lineEnd && !isSpaceOrTab(text.charCodeAt(afterHashes))) return undefined;
    let contentStart = afterHashes + whitespaceAt(text, afterHashes, lineEnd);
    let contentEnd = lineEnd;
    while (contentEnd > contentStart && isSpaceOrTab(text.charCodeAt(contentEnd - 1))) contentEnd--;
    let closing = contentEnd;
    while (closing > contentStart && text.charCodeAt(closing - 1) === HASH) closing--;
    if (closing < contentEnd && (closing === contentStart || isSpaceOrTab(text.charCodeAt(closing - 1)))) {
      contentEnd = closing;
      while (contentEnd > contentStart && isSpaceOrTab(text.charCodeAt(contentEnd - 1))) contentEnd--;
    }
    if (contentStart > contentEnd) contentStart = contentEnd;
    const children = contentStart < contentEnd ? this.inline(text.slice(contentStart, contentEnd), [contentStart], true) : [];
    return { type: 'heading', depth: level as Heading['depth'], children, position: this.position(at, lineEnd) };
  }

  private openFence(at: number, lineEnd: number, indent: number): Fence | undefined {
    const { text } = this;
    const marker = text.charCodeAt(at);
    let length = 0;
    while (text.charCodeAt(at + length) === marker) length++;
    if (length < 3) return undefined;
    const info = text.slice(at + length, lineEnd);
    if (marker === BACKTICK && info.includes('`')) return undefined;
    const trimmed = info.replace(/^[ \t]+/, '');
    const space = trimmed.search(/[ \t]/);
    // The info string splits at its first space or tab as written; escapes and references are decoded after.
    const lang = decodeString(space === -1 ? trimmed : trimmed.slice(0, space));
    const meta = space === -1 ? '' : decodeString(trimmed.slice(space).replace(/^[ \t]+/, ''));
    return {
      kind: 'fence',
      start: at,
      marker,
      length,
      indent,
      lang: lang === '' ? null : lang,
      meta: meta === '' ? null : meta,
      lines: [],
      offsets: [],
    };
  }

  private fenceLine(fence: Fence, pos: number, lineEnd: number): void {
    const { text } = this;
    const indent = spacesAt(text, pos, lineEnd);
    // A tab in the indent: the width of the whole run, in columns, decides whether the line may close the fence.
    const tabbed = this.tabs && text.charCodeAt(pos + indent) === TAB;
    const at = tabbed ? pos + whitespaceAt(text, pos, lineEnd) : pos + indent;
    if ((tabbed ? this.indentWidth(pos, lineEnd) : indent) < 4) {
      let run = 0;
      while (text.charCodeAt(at + run) === fence.marker) run++;
      const rest = at + run;
      if (run >= fence.length && (rest + spacesAt(text, rest, lineEnd) === lineEnd || (this.tabs && isBlankFrom(text, rest, lineEnd)))) {
        this.leaf = undefined;
        this.emitCode(fence, lineEnd, false);
        return;
      }
    }
    // A blank line with a tab inside a container: how much of it remark keeps is not worth copying.
    if (tabbed && at === lineEnd && this.containers.length > 0) outside('a blank line with a tab in a code fence inside a container');
    // Up to the fence's indent comes off, in columns: whole tabs only (remark keeps what one leaves as spaces).
    let contentStart = pos + Math.min(indent, fence.indent);
    if (tabbed && indent < fence.indent) contentStart = this.skipColumns(pos, lineEnd, fence.indent, 'a tab split by a code fence’s indent') ?? pos + whitespaceAt(text, pos, lineEnd);
    this.wholeFrom(contentStart);
    fence.lines.push(text.slice(contentStart, lineEnd));
    fence.offsets.push(contentStart);
  }

  /** The code node of a fence that ends at `end`, closed there or by the end of the text. */
  private emitCode(fence: Fence, end: number, unterminated: boolean): void {
    // An empty block's one (empty) line sits at its end, as document.ts reads remark's.
    const lineOffsets = fence.lines.length > 0 ? fence.offsets : [end];
    const data = unterminated ? { lineOffsets, unterminated } : { lineOffsets };
    const code: Code = { type: 'code', lang: fence.lang, meta: fence.meta, value: this.joinLines(fence.lines, fence.offsets), position: this.position(fence.start, end), data };
    this.out.push(code);
  }

  private startTable(paragraph: Paragraph, at: number, lineEnd: number): void {
    const { text } = this;
    const lineStart = paragraph.starts.pop()!;
    const headerEnd = lineStart + paragraph.lines.pop()!.length;
    const headerStart = lineStart + spacesAt(text, lineStart, headerEnd);
    if (headerStart - lineStart > 3) outside('a table header row indented as code');
    if (text.charCodeAt(headerStart) === TAB) outside('a table header row indented with a tab');
    if (text.slice(headerStart, headerEnd).trim() === '|') outside('a table header row of one pipe');
    // remark makes no table of a paragraph's later line that is one lone tag: the rule is not copied here.
    if (paragraph.lines.length > 0 && text.charCodeAt(headerStart) === LT && htmlBlockStart(text.slice(headerStart, headerEnd), false)) outside('a table header row that is a lone HTML tag');
    const headerRow = this.tableRow(headerStart, headerEnd);
    const delimiterCells = splitRow(text, at, lineEnd, () => {});
    // A header and delimiter row that disagree make no table: remark reads the lines as a paragraph.
    if (headerRow.children.length !== delimiterCells) outside('a table whose header and delimiter rows disagree');
    if (paragraph.lines.length > 0) this.paragraph(paragraph);
    this.leaf = { kind: 'table', rows: [headerRow], plainRows: [], start: headerStart, end: lineEnd };
  }

  /**
   * A body row: left unread while it and every row before it are plain text, else read now (the inline reader
   * may find a construct that sends the file to remark, which must be known before the page is read).
   */
  private bodyRow(leaf: TableLeaf, start: number, end: number): void {
    if (leaf.plainRows && !INLINE_CONSTRUCT.test(this.text.slice(start, end))) {
      leaf.plainRows.push(start, end);
      return;
    }
    if (leaf.plainRows) {
      leaf.rows.push(...this.tableRows(leaf.plainRows));
      leaf.plainRows = undefined;
    }
    leaf.rows.push(this.tableRow(start, end));
  }

  /** The rows of a table's plain body rows, from their start and end offsets. */
  private tableRows(plainRows: number[]): TableRow[] {
    const rows: TableRow[] = [];
    for (let index = 0; index < plainRows.length; index += 2) rows.push(this.tableRow(plainRows[index], plainRows[index + 1]));
    return rows;
  }

  private tableRow(start: number, end: number): TableRow {
    const { text } = this;
    const children: TableCell[] = [];
    splitRow(text, start, end, (cellStart, cellEnd, contentStart, contentEnd) => {
      children.push({ type: 'tableCell', children: this.cellContent(contentStart, contentEnd), position: this.position(cellStart, cellEnd) });
    });
    // No position of its own: the document index reads only its cells' (remark's rows have one; it goes unread).
    return { type: 'tableRow', children };
  }

  /** A cell's inline content; most cells are plain words, one text node with no inline reader to run. */
  private cellContent(start: number, end: number): PhrasingContent[] {
    if (start >= end) return [];
    const source = this.text.slice(start, end);
    if (!INLINE_CONSTRUCT.test(source)) return [{ type: 'text', value: source }];
    return this.inline(source, [start], true, true);
  }

  private paragraph(paragraph: Paragraph): void {
    // Only inline code, links and images are read from a paragraph: skip those that hold none.
    if (!paragraph.lines.some((line) => INLINE_START.test(line))) return;
    const last = paragraph.lines.length - 1;
    let end = paragraph.lines[last].length;
    while (end > 0 && paragraph.lines[last].charCodeAt(end - 1) === 0x20) end--;
    paragraph.lines[last] = paragraph.lines[last].slice(0, end);
    const source = this.joinLines(paragraph.lines, paragraph.starts);
    for (const node of this.inline(source, paragraph.starts, false)) {
      if (node.type !== 'text') this.out.push(node);
    }
  }

  /**
   * Inline content: code spans, links, images and autolinks as nodes, the rest as text. `starts` holds the
   * document offset of each line of `source`. With `needText`, text must equal remark's (headings, cells).
   */
  private inline(source: string, starts: number[], needText: boolean, inCell = false): PhrasingContent[] {
    const lineOffsets = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineOffsets.push(i + 1);
    const at = (index: number): number => {
      let line = lineOffsets.length - 1;
      while (lineOffsets[line] > index) line--;
      return starts[line] + index - lineOffsets[line];
    };
    return new InlineReader(source, at, needText, inCell, (start, end) => this.position(start, end), this.isDefined).read();
  }

  /** Lines (each starting at its offset in `starts`) joined by the line ends that follow them in the text. */
  private joinLines(lines: string[], starts: number[]): string {
    if (!this.crlf) return lines.join('\n');
    let joined = lines.length > 0 ? lines[0] : '';
    for (let i = 1; i < lines.length; i++) {
      joined += this.text.charCodeAt(starts[i - 1] + lines[i - 1].length) === 13 ? '\r\n' : '\n';
      joined += lines[i];
    }
    return joined;
  }

  /** The width in columns of the whitespace from `pos`, a tab reaching the next multiple of 4. */
  private indentWidth(pos: number, lineEnd: number): number {
    const { text } = this;
    const column = pos - this.lineStart + this.columnShift;
    let width = 0;
    for (let i = pos; i < lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === SPACE) width++;
      else if (code === TAB) width += 4 - ((column + width) % 4);
      else break;
    }
    return width;
  }

  /**
   * The offset `columns` columns of whitespace past `pos`, tabs included (and counted in the line's column
   * shift); undefined when the whitespace ends short of it. A tab across that column is split: not read here.
   */
  private skipColumns(pos: number, lineEnd: number, columns: number, splitReason = TAB_IN_CONTAINER_INDENT): number | undefined {
    const { text } = this;
    let column = pos - this.lineStart + this.columnShift;
    const target = column + columns;
    let shift = 0;
    let i = pos;
    for (; column < target; i++) {
      const code = i < lineEnd ? text.charCodeAt(i) : -1;
      if (code === SPACE) column++;
      else if (code === TAB) {
        const width = 4 - (column % 4);
        if (column + width > target) outside(splitReason);
        column += width;
        shift += width - 1;
      } else return undefined;
    }
    this.columnShift += shift;
    return i;
  }

  /**
   * A tab after `>`, whose first column is the marker's optional space: the position past what the marker
   * takes. A tab wider than that column stays, its other columns the line's indent (see `splitTab`).
   */
  private tabAfterQuoteMarker(pos: number): number {
    const column = pos - this.lineStart + this.columnShift;
    if (column % 4 === 3) return pos + 1;
    this.columnShift++;
    this.splitTab = pos;
    return pos;
  }

  /** A line's text from `start` on goes into a value as it is: a tab the quote marker took a column of may not. */
  private wholeFrom(start: number): void {
    if (start === this.splitTab) outside('a tab after a block quote marker, in a line a value keeps');
  }

  private position(start: number, end: number): { start: Point; end: Point } {
    return { start: this.pointAt(start), end: this.pointAt(end) };
  }
}

interface Opener {
  /** Index of the opener's text node in the output. */
  node: number;
  source: number;
  image: boolean;
  active: boolean;
  /** How many emphasis delimiters came before it: those after it are matched when its link closes. */
  delimiters: number;
}

/** A run of `*` or `_` that may open or close emphasis, as its text node (which loses what a match uses). */
interface Delimiter {
  node: Text;
  char: string;
  open: boolean;
  close: boolean;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
/** Characters that can open inline code, a link, an image, an autolink or a character reference. */
const INLINE_START = /[`[<&]/;
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\0- <>]*)>/;
const EMAIL = /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
/** An inline open or closing tag, by CommonMark's grammar (attribute names, quoted and unquoted values). */
const INLINE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t\r\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t\r\n]*=[ \t\r\n]*(?:[^ \t\r\n"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t\r\n]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t\r\n]*>)/;
/** An inline comment that neither starts with `>` or `->` nor ends early. */
const INLINE_COMMENT = /^<!--(?!-?>)[^]*?-->/;
const CHARACTER_REFERENCE = /^&(?:#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/;

/** The character reference `source` starts with, decoded, and its length; undefined when it starts with none. */
function characterReference(source: string): { value: string; length: number } | undefined {
  const found = CHARACTER_REFERENCE.exec(source);
  if (!found) return undefined;
  const [whole, decimal, hex, name] = found;
  if (name !== undefined) {
    const value = decodeNamedCharacterReference(name);
    return value === false ? undefined : { value, length: whole.length };
  }
  return { value: numericCharacter(decimal === undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal, 10)), length: whole.length };
}

/**
 * The character a numeric reference stands for. Controls other than tab and line ends, surrogates,
 * noncharacters and numbers past Unicode stand for U+FFFD, as in micromark.
 */
function numericCharacter(code: number): string {
  const control = code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160);
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  const nonCharacter = (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
  return control || surrogate || nonCharacter || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
}

/** Characters that may begin an inline construct; everything between them is plain text. */
const INLINE_SPECIAL = /[\\`[\]!<&*_]/g;
const INLINE_SPECIAL_LINES = /[\\`[\]!<&*_\n]/g;
/** INLINE_SPECIAL as a test of a whole text: without any of them, the text is one text node. */
const INLINE_CONSTRUCT = new RegExp(INLINE_SPECIAL.source);

class InlineReader {
  private readonly nodes: PhrasingContent[] = [];
  private readonly openers: Opener[] = [];
  private readonly delimiters: Delimiter[] = [];
  private text = '';

  constructor(
    private readonly source: string,
    private readonly at: (index: number) => number,
    private readonly needText: boolean,
    /** In a table cell an escaped pipe is a pipe, even inside a code span. */
    private readonly inCell: boolean,
    private readonly position: (start: number, end: number) => { start: Point; end: Point },
    /** Whether a label (as written) is that of a link reference or footnote definition in the text. */
    private readonly isDefined: (kind: keyof Labels, label: string) => boolean,
  ) {}

  read(): PhrasingContent[] {
    const { source } = this;
    // One reader runs at a time, so the shared expression's lastIndex is this reader's. Text of several lines
    // (a setext heading's) stops at line ends too.
    const lineEnds = this.needText && source.includes('\n');
    const special = lineEnds ? INLINE_SPECIAL_LINES : INLINE_SPECIAL;
    let i = 0;
    let reference: { value: string; length: number } | undefined;
    let call: number | undefined;
    while (i < source.length) {
      special.lastIndex = i;
      const next = special.exec(source)?.index ?? source.length;
      if (next > i) this.addText(source.slice(i, next));
      i = next;
      if (i >= source.length) break;
      const char = source[i];
      if (char === '\\' && i + 1 < source.length && ESCAPABLE.test(source[i + 1])) {
        this.addText(source[i + 1]);
        i += 2;
      } else if (lineEnds && char === '\\' && (source[i + 1] === '\n' || (source[i + 1] === '\r' && source[i + 2] === '\n'))) {
        // A hard line break, which reads as no text.
        i = this.nextLineContent(source.indexOf('\n', i) + 1);
      } else if (char === '\n') {
        i = this.lineEnding(i);
      } else if (char === '`') {
        i = this.codeSpan(i);
      } else if (char === '[' && source[i + 1] === '^' && (call = this.footnoteCall(i))) {
        i = call;
      } else if (char === '[' || (char === '!' && source[i + 1] === '[')) {
        const image = char === '!';
        // remark reads `![^x]` as `!` and a footnote call, when no link is made of it: not worth copying.
        if (image && source[i + 2] === '^' && this.definedCall(i + 1)) outside('an image bracket around a footnote call');
        this.flush();
        this.openers.push({ node: this.nodes.length, source: i, image, active: true, delimiters: this.delimiters.length });
        this.nodes.push({ type: 'text', value: image ? '![' : '[' });
        i += image ? 2 : 1;
      } else if (char === ']') {
        i = this.closeBracket(i);
      } else if (char === '<') {
        i = this.angle(i);
      } else if (char === '&' && (reference = characterReference(source.slice(i, i + 40)))) {
        // Read as a unit: the character it stands for is text, never markup (`&#91;` opens no link).
        this.addText(reference.value);
        i += reference.length;
      } else if (this.needText && (char === '*' || char === '_')) {
        i = this.delimiterRun(i);
      } else {
        this.addText(char);
        i++;
      }
    }
    this.flush();
    if (this.delimiters.length > 0) this.matchEmphasis(0);
    return this.nodes;
  }

  /**
   * A line end in text: the whitespace around it goes, and it reads as no text at all where two or more spaces
   * (and no tab) end the line, a hard break. A CRLF, already in the text, stays whole.
   */
  private lineEnding(index: number): number {
    const lineEnd = this.text.endsWith('\r') ? '\r\n' : '\n';
    const before = this.text.slice(0, this.text.length - lineEnd.length + 1);
    const kept = before.replace(/[ \t]+$/, '');
    const trailing = before.slice(kept.length);
    this.text = trailing.length >= 2 && !trailing.includes('\t') ? kept : kept + lineEnd;
    return this.nextLineContent(index + 1);
  }

  /** Where the next line's text starts, past its indent. */
  private nextLineContent(lineStart: number): number {
    let i = lineStart;
    while (this.source[i] === ' ' || this.source[i] === '\t') i++;
    return i;
  }

  /** Text matters only where it is read (headings, cells); in paragraphs only the nodes do. */
  private addText(value: string): void {
    if (this.needText) this.text += value;
  }

  private flush(): void {
    if (this.text === '') return;
    this.nodes.push({ type: 'text', value: this.text });
    this.text = '';
  }

  private codeSpan(start: number): number {
    const { source } = this;
    let length = 0;
    while (source[start + length] === '`') length++;
    let search = start + length;
    for (;;) {
      const close = source.indexOf('`', search);
      if (close === -1) {
        this.addText(source.slice(start, start + length));
        return start + length;
      }
      let run = 0;
      while (source[close + run] === '`') run++;
      if (run === length) {
        let value = source.slice(start + length, close);
        // One space or line end (CRLF counting as one) comes off each side of a span that is not all of them.
        const head = lineEndOrSpaceAt(value, 0);
        if (head > 0) {
          const last = value.charCodeAt(value.length - 1);
          const tail = last === SPACE ? 1 : last === 10 ? (value.charCodeAt(value.length - 2) === 13 ? 2 : 1) : 0;
          if (tail > 0 && /[^ \r\n]/.test(value)) value = value.slice(head, value.length - tail);
        }
        if (this.inCell) value = value.replaceAll('\\|', '|');
        this.flush();
        const node: InlineCode = { type: 'inlineCode', value, position: this.position(this.at(start), this.at(close + run - 1) + 1) };
        this.nodes.push(node);
        return close + run;
      }
      search = close + run;
    }
  }

  private closeBracket(index: number): number {
    const { source } = this;
    const opener = this.openers.pop();
    if (!opener || !opener.active) {
      this.addText(']');
      return index + 1;
    }
    const resource = source[index + 1] === '(' ? readResource(source, index + 1) : undefined;
    const reference = resource ? undefined : this.reference(source.slice(opener.source + (opener.image ? 2 : 1), index), index + 1);
    if (!resource && !reference) {
      this.addText(']');
      return index + 1;
    }
    const end = resource?.end ?? reference!.end;
    this.flush();
    if (this.delimiters.length > opener.delimiters) this.matchEmphasis(opener.delimiters);
    const children = this.nodes.splice(opener.node + 1);
    this.nodes.pop();
    const position = this.position(this.at(opener.source), this.at(end - 1) + 1);
    if (opener.image) {
      const alt = children.map(plainText).join('');
      if (resource) this.nodes.push({ type: 'image', url: resource.url, alt, title: resource.title, position } as Image);
      else this.nodes.push({ type: 'imageReference', ...reference!.node, alt, position } as ImageReference);
    } else {
      if (resource) this.nodes.push({ type: 'link', url: resource.url, title: resource.title, children, position } as Link);
      else this.nodes.push({ type: 'linkReference', ...reference!.node, children, position } as LinkReference);
      // Links do not nest: brackets opened before this one can no longer make a link.
      for (const earlier of this.openers) if (!earlier.image) earlier.active = false;
    }
    return end;
  }

  /** The label of the footnote call `[^label]` at `start`, when the text defines that footnote. */
  private definedCall(start: number): { label: string; end: number } | undefined {
    const label = footnoteLabel(this.source, start);
    return label && this.isDefined('footnotes', label.label) ? label : undefined;
  }

  /**
   * Adds the footnote call at `start` (its node gives a heading no text) and returns its end; undefined when
   * the text defines no such footnote, and the `[` opens a bracket.
   */
  private footnoteCall(start: number): number | undefined {
    const label = this.definedCall(start);
    if (!label) return undefined;
    this.flush();
    const node: FootnoteReference = {
      type: 'footnoteReference',
      identifier: normalizeLabel(label.label).toLowerCase(),
      label: label.label,
      position: this.position(this.at(start), this.at(label.end - 1) + 1),
    };
    this.nodes.push(node);
    return label.end;
  }

  /**
   * The reference a bracket's text `label` makes with what follows its `]` (at `after`), as remark resolves
   * it: full `[text][label]` when that label is defined; else, when the text itself is, collapsed `[text][]`
   * or shortcut `[text]` (a shortcut only when no `[` follows).
   */
  private reference(label: string, after: number): { node: Pick<LinkReference, 'identifier' | 'label' | 'referenceType'>; end: number } | undefined {
    const { source } = this;
    if (source[after] === '[') {
      const full = scanLabel(source, after, true);
      if (typeof full === 'object' && this.isDefined('links', full.label)) return { node: referenceNode(full.label, 'full'), end: full.end };
      if (source[after + 1] === ']' && this.isDefined('links', label)) return { node: referenceNode(label, 'collapsed'), end: after + 2 };
      return undefined;
    }
    return this.isDefined('links', label) ? { node: referenceNode(label, 'shortcut'), end: after } : undefined;
  }

  private angle(index: number): number {
    const { source } = this;
    const rest = source.slice(index, index + 2100);
    const link = AUTOLINK.exec(rest);
    const email = link ? undefined : EMAIL.exec(rest);
    const found = link ?? email;
    if (found) {
      // An autolink keeps escapes and character references as written, in its URL and its text.
      this.flush();
      const url = link ? found[1] : `mailto:${found[1]}`;
      const end = index + found[0].length;
      const children: PhrasingContent[] = [{ type: 'text', value: found[1] }];
      this.nodes.push({ type: 'link', url, title: null, children, position: this.position(this.at(index), this.at(end - 1) + 1) } as Link);
      return end;
    }
    const html = INLINE_TAG.exec(rest) ?? INLINE_COMMENT.exec(rest);
    if (html) {
      // Where a tag's line break falls, remark strips the next line's indent from its value: left to it.
      if (html[0].includes('\n')) outside('inline HTML across lines');
      this.flush();
      const end = index + html[0].length;
      // Headings and cells read as text with the tag in it, as mdast-util-to-string gives it.
      this.nodes.push({ type: 'html', value: html[0], position: this.position(this.at(index), this.at(end - 1) + 1) } as Html);
      return end;
    }
    // Declarations, processing instructions, CDATA and the shortest comments follow rules not copied here.
    if (rest.startsWith('<!') || rest.startsWith('<?')) outside('inline HTML other than a tag or comment');
    this.addText('<');
    return index + 1;
  }

  /**
   * A run of `*` or `_` in a heading or cell, as its own text node; one that may open or close emphasis is
   * kept as a delimiter for matchEmphasis. Whether it may is decided by the characters on either side (the
   * flanking rules), the start and end of the text counting as whitespace.
   */
  private delimiterRun(index: number): number {
    const { source } = this;
    const char = source[index];
    let end = index;
    while (source[end] === char) end++;
    const before = index === 0 ? ' ' : source[index - 1];
    const after = end >= source.length ? ' ' : source[end];
    const leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
    const rightFlanking = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
    const open = char === '*' ? leftFlanking : leftFlanking && (!rightFlanking || isPunctuation(before));
    const close = char === '*' ? rightFlanking : rightFlanking && (!leftFlanking || isPunctuation(after));
    this.flush();
    const node: Text = { type: 'text', value: source.slice(index, end) };
    this.nodes.push(node);
    if (open || close) this.delimiters.push({ node, char, open, close });
    return end;
  }

  /**
   * Pairs the delimiters from `bottom` on into emphasis and strong nodes, as CommonMark's delimiter algorithm
   * does: each closer, left to right, with the nearest opener of its character before it (the rule of three
   * excepted), two characters from each when both have two, else one. The delimiters are then spent.
   */
  private matchEmphasis(bottom: number): void {
    const { delimiters, nodes } = this;
    for (let c = bottom; c < delimiters.length; c++) {
      const closer = delimiters[c];
      while (closer.close && closer.node.value.length > 0) {
        let o = c - 1;
        for (; o >= bottom; o--) {
          const opener = delimiters[o];
          if (!opener.open || opener.char !== closer.char || opener.node.value.length === 0) continue;
          const openSize = opener.node.value.length;
          const closeSize = closer.node.value.length;
          if ((opener.close || closer.open) && closeSize % 3 !== 0 && (openSize + closeSize) % 3 === 0) continue;
          break;
        }
        if (o < bottom) break;
        const opener = delimiters[o];
        const use = opener.node.value.length > 1 && closer.node.value.length > 1 ? 2 : 1;
        opener.node.value = opener.node.value.slice(use);
        closer.node.value = closer.node.value.slice(use);
        const from = nodes.indexOf(opener.node) + 1;
        const children = nodes.splice(from, nodes.indexOf(closer.node) - from);
        nodes.splice(from, 0, (use === 2 ? { type: 'strong', children } : { type: 'emphasis', children }) as Strong | Emphasis);
        // Delimiters inside the new node can no longer pair with any outside it.
        for (let inner = o + 1; inner < c; inner++) delimiters[inner].open = delimiters[inner].close = false;
      }
    }
    delimiters.length = bottom;
  }
}

/**
 * A link's `(destination "title")` from the `(` at `open`, by CommonMark's grammar (a raw destination's
 * parentheses nest at most 32 deep), decoded; undefined where the text is no resource, as `[a](b c)` is not.
 */
function readResource(source: string, open: number): { url: string; title: string | null; end: number } | undefined {
  let i = skipWhitespace(source, open + 1);
  let url = '';
  let title: string | null = null;
  if (source[i] !== ')') {
    const destination = readDestination(source, i, 32);
    if (!destination) return undefined;
    url = destination.url;
    i = skipWhitespace(source, destination.end);
    if (i > destination.end && (source[i] === '"' || source[i] === "'" || source[i] === '(')) {
      const read = readTitle(source, i);
      if (!read) return undefined;
      title = read.title;
      i = skipWhitespace(source, read.end);
    }
  }
  if (source[i] !== ')') return undefined;
  return { url, title, end: i + 1 };
}

function skipWhitespace(source: string, from: number): number {
  let i = from;
  while (source[i] === ' ' || source[i] === '\t' || source[i] === '\r' || source[i] === '\n') i++;
  return i;
}

/**
 * A destination from `start`: `<...>` on one line without unescaped `<` or `>`, or a run of characters other
 * than controls and spaces whose unescaped parentheses balance, nesting at most `depthLimit` deep.
 */
function readDestination(source: string, start: number, depthLimit: number): { url: string; end: number } | undefined {
  if (source[start] === '<') {
    for (let i = start + 1; i < source.length; i++) {
      const char = source[i];
      if (char === '>') return { url: decodeString(source.slice(start + 1, i)), end: i + 1 };
      if (char === '<' || char === '\n') return undefined;
      if (char === '\\' && '<>\\'.includes(source[i + 1] ?? '')) i++;
    }
    return undefined;
  }
  let depth = 0;
  let i = start;
  for (; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (depth === 0 && (code === 41 || code === SPACE || code === TAB || code === 10 || code === 13)) break;
    if (code === 40 && depth < depthLimit) depth++;
    else if (code === 41) depth--;
    else if (code === 40 || code <= SPACE || code === 127) return undefined;
    else if (code === 92 && '()\\'.includes(source[i + 1] ?? '')) i++;
  }
  if (i === start || depth > 0) return undefined;
  return { url: decodeString(source.slice(start, i)), end: i };
}

/** A title in `"..."`, `'...'` or `(...)` from `start`, on one line (one across lines is left to remark). */
function readTitle(source: string, start: number): { title: string; end: number } | undefined {
  const close = source[start] === '(' ? ')' : source[start];
  for (let i = start + 1; i < source.length; i++) {
    const char = source[i];
    if (char === close) return { title: decodeString(source.slice(start + 1, i)), end: i + 1 };
    if (char === '\n') outside('a link title across lines');
    if (char === '\\' && (source[i + 1] === close || source[i + 1] === '\\')) i++;
  }
  return undefined;
}

const ESCAPE_OR_REFERENCE = /\\[!-/:-@[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g;

/** A destination, title or info string as remark gives it: backslash escapes and character references decoded. */
function decodeString(value: string): string {
  if (!value.includes('\\') && !value.includes('&')) return value;
  return value.replace(ESCAPE_OR_REFERENCE, (found) => (found[0] === '\\' ? found[1] : (characterReference(found)?.value ?? found)));
}

/**
 * A link label from the `[` at `open`: up to 999 characters, some not spaces, without unescaped brackets.
 * Undefined where there is none; 'elsewhere' where, read line by line, it does not close on its line.
 */
function scanLabel(source: string, open: number, acrossLines: boolean): { label: string; end: number } | 'elsewhere' | undefined {
  let seen = false;
  for (let i = open + 1; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 93) {
      if (!seen) return undefined;
      // micromark counts a label's length in a way not worth copying near its limit.
      if (i - open > 990) outside('a link label of nearly 1,000 characters or more');
      return { label: source.slice(open + 1, i), end: i + 1 };
    }
    if (code === OPEN_BRACKET) return undefined;
    if (code === 10) {
      if (!acrossLines) return 'elsewhere';
      continue;
    }
    if (code !== SPACE) seen = true;
    if (code === 92 && '[]\\'.includes(source[i + 1] ?? '')) i++;
  }
  return undefined;
}

/**
 * The label of a footnote call or definition from the `[` of `[^` at `open`: up to 999 characters, without
 * whitespace or unescaped `[`; and the index after its `]`.
 */
function footnoteLabel(source: string, open: number): { label: string; end: number } | undefined {
  for (let i = open + 2; i < source.length && i <= open + 1001; i++) {
    const code = source.charCodeAt(i);
    if (code === 93) return i === open + 2 ? undefined : { label: source.slice(open + 2, i), end: i + 1 };
    if (code === OPEN_BRACKET || code === SPACE || code === 10) return undefined;
    if (code === 92 && '[]\\'.includes(source[i + 1] ?? '')) i++;
  }
  return undefined;
}

function referenceNode(label: string, referenceType: LinkReference['referenceType']): Pick<LinkReference, 'identifier' | 'label' | 'referenceType'> {
  return { identifier: normalizeLabel(label).toLowerCase(), label, referenceType };
}

/** A label as remark compares labels: runs of whitespace as one space, trimmed, case folded. */
function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

/** The `[` at `open` starts a label that closes on a later line of the paragraph, followed by `:`. */
function definitionAhead(text: string, open: number): boolean {
  const found = scanLabel(text.slice(open, open + 1000).replace(/\n *(?:\n|$)[^]*/, ''), 0, true);
  return typeof found === 'object' && text.charCodeAt(open + found.end) === COLON;
}

/** The line after `lineEnd`, past any quote markers and spaces, opens a link title. */
function titleMayFollow(text: string, lineEnd: number): boolean {
  let i = lineEnd + (text.charCodeAt(lineEnd) === 13 ? 2 : 1);
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '>') i++;
  return text[i] === '"' || text[i] === "'" || text[i] === '(';
}

function plainText(node: PhrasingContent): string {
  if ('value' in node) return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as PhrasingContent[]).map(plainText).join('');
  return '';
}

function isWhitespace(char: string): boolean {
  return /\s/u.test(char);
}

function isPunctuation(char: string): boolean {
  return /[\p{P}\p{S}]/u.test(char);
}


/** The character at `index` follows an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let count = 0;
  while (index - count - 1 >= 0 && text.charCodeAt(index - count - 1) === 92) count++;
  return count % 2 === 1;
}

const RAW_HTML = /^<(?:pre|script|style|textarea)(?=[ \t>]|$)/i;
const RAW_HTML_END = /<\/(?:pre|script|style|textarea)>/i;
const BLOCK_HTML =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[ \t>]|\/>|$)/i;
/** A line that is one complete open or closing tag (an unquoted value stops at `/` here), and nothing else. */
const LONE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`/]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;

/**
 * The kind of HTML block `line` opens, by CommonMark's seven start conditions: what ends it (`closer`,
 * searched from `openerLength` on the first line) or, for block-level and lone tags, a blank line. A lone tag
 * cannot interrupt a paragraph.
 */
function htmlBlockStart(line: string, inParagraph: boolean): { closer: RegExp | undefined; openerLength: number } | undefined {
  if (RAW_HTML.test(line)) return { closer: RAW_HTML_END, openerLength: 1 };
  // `<!-->` and `<!--->` are whole comments: the search for `-->` starts inside the opener.
  if (line.startsWith('<!--')) return { closer: /-->/, openerLength: 2 };
  if (line.startsWith('<?')) return { closer: /\?>/, openerLength: 2 };
  if (line.startsWith('<![CDATA[')) return { closer: /\]\]>/, openerLength: 9 };
  if (/^<![A-Za-z]/.test(line)) return { closer: />/, openerLength: 2 };
  if (BLOCK_HTML.test(line)) return { closer: undefined, openerLength: 0 };
  if (!inParagraph && LONE_TAG.test(line) && !/^<(?:pre|script|style|textarea)(?![A-Za-z0-9-])/i.test(line)) return { closer: undefined, openerLength: 0 };
  return undefined;
}

/**
 * A tab split by a list item's content column, or one after which a line's container markers (or its lazy
 * continuation) would be read at columns not copied here.
 */
const TAB_IN_CONTAINER_INDENT = 'a tab in the indentation of a line in a block quote or list item';

/** The text from `pos` to `end` is spaces and tabs only. */
function isBlankFrom(text: string, pos: number, end: number): boolean {
  return pos + whitespaceAt(text, pos, end) === end;
}

/** The length of the space, LF or CRLF at `index`, or 0. */
function lineEndOrSpaceAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code === SPACE || code === 10) return 1;
  return code === 13 && text.charCodeAt(index + 1) === 10 ? 2 : 0;
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** How many spaces and tabs come from `pos` on. */
function whitespaceAt(text: string, pos: number, end: number): number {
  let count = 0;
  while (pos + count < end && isSpaceOrTab(text.charCodeAt(pos + count))) count++;
  return count;
}

function spacesAt(text: string, pos: number, end: number): number {
  let count = 0;
  while (pos + count < end && text.charCodeAt(pos + count) === SPACE) count++;
  return count;
}

function isThematicBreak(text: string, at: number, end: number): boolean {
  const char = text.charCodeAt(at);
  if (char !== 42 && char !== 45 && char !== 95) return false;
  let count = 0;
  for (let i = at; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === char) count++;
    else if (!isSpaceOrTab(code)) return false;
  }
  return count >= 3;
}

/**
 * The line, without its containers' prefixes, opens a block and so is no lazy continuation of a paragraph:
 * an ATX heading, a fence, a thematic break or an HTML block of the first six kinds. Quotes and list items
 * are opened before this is asked.
 */
function opensBlockWhenLazy(text: string, at: number, end: number): boolean {
  const line = text.slice(at, end);
  if (!line.startsWith('<')) return /^(?:#{1,6}(?:[ \t]|$)|`{3,}(?!.*`)|~{3,})/.test(line) || isThematicBreak(text, at, end);
  return htmlBlockStart(line, true) !== undefined;
}

/** The line may open a block other than a paragraph (heading, fence, quote, HTML, list item, break). */
function mayOpenBlock(text: string, at: number, end: number): boolean {
  return '#`~><'.includes(text[at]) || isThematicBreak(text, at, end) || listMarker(text, at, end) !== undefined;
}

function listMarker(text: string, at: number, end: number): { end: number; ordered: boolean; number: number } | undefined {
  const char = text.charCodeAt(at);
  if (char === 45 || char === 42 || char === 43) {
    return at + 1 === end || isSpaceOrTab(text.charCodeAt(at + 1)) ? { end: at + 1, ordered: false, number: 0 } : undefined;
  }
  let digits = 0;
  while (digits < 10 && text.charCodeAt(at + digits) >= 48 && text.charCodeAt(at + digits) <= 57) digits++;
  if (digits === 0 || digits > 9) return undefined;
  const delimiter = text.charCodeAt(at + digits);
  if (delimiter !== 46 && delimiter !== 41) return undefined;
  const markerEnd = at + digits + 1;
  if (markerEnd !== end && !isSpaceOrTab(text.charCodeAt(markerEnd))) return undefined;
  return { end: markerEnd, ordered: true, number: Number(text.slice(at, at + digits)) };
}

const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

function isDelimiterRow(text: string, at: number, end: number): boolean {
  // Most lines are prose: their first character rules them out before any copy or pattern.
  const first = text.charCodeAt(at);
  if (first !== PIPE && first !== COLON && first !== DASH) return false;
  const line = text.slice(at, end);
  return line.includes('|') && DELIMITER_ROW.test(line);
}

/**
 * Hands `each` a table row's cells, as their start, end, content start and content end (a cell runs from its
 * pipe, or the row's start, to the next pipe; the last runs to the end of the line, trailing pipe and spaces
 * included), and returns how many there are. No list of them is made: a page's tables have many cells.
 */
function splitRow(text: string, start: number, end: number, each: (cellStart: number, cellEnd: number, contentStart: number, contentEnd: number) => void): number {
  let trimmedEnd = end;
  while (trimmedEnd > start && isSpaceOrTab(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
  const isPipe = (at: number) => text.charCodeAt(at) === PIPE && !isEscaped(text, at);
  const leading = start < end && isPipe(start);
  // A pipe closing the row bounds its last cell, unless it is also the row's opening pipe.
  const lastBound = trimmedEnd - 1 > start && isPipe(trimmedEnd - 1) ? trimmedEnd - 1 : trimmedEnd;
  let cells = 0;
  let left = leading ? start : start - 1;
  for (;;) {
    let right = text.indexOf('|', left + 1);
    while (right !== -1 && right < lastBound && isEscaped(text, right)) right = text.indexOf('|', right + 1);
    const isLast = right === -1 || right >= lastBound;
    if (isLast) right = lastBound;
    let contentStart = left + 1;
    let contentEnd = right;
    while (contentStart < contentEnd && isSpaceOrTab(text.charCodeAt(contentStart))) contentStart++;
    while (contentEnd > contentStart && isSpaceOrTab(text.charCodeAt(contentEnd - 1))) contentEnd--;
    each(cells === 0 ? start : left, isLast ? end : right, contentStart, contentEnd);
    cells++;
    if (isLast) return cells;
    left = right;
  }
}
