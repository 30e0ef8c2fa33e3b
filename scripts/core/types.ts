// The data that flows through skill-lint: load → parse → extract → rules → report.
// Every stage reads these shapes; nothing else passes between stages.

export type Severity = 'error' | 'warning';

/** 1-based line and column (column counts UTF-16 code units), 0-based offset into the document text. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/**
 * A replacement of part of a document's text, by 0-based offsets into that text (after any byte-order mark).
 * `replaces`, when given, is the text the range must hold for the edit to apply: a rule that sees only a
 * document's index (no text) says what it expects there, and an edit whose file changed meanwhile is dropped.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  replaces?: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** Path as given to the user: relative to the working directory when inside it. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** What would be right ("did you mean `conjonction`?"). */
  hint?: string;
  /** The repair `check --fix` applies, from a rule whose metadata says `fixable`: edits to `file`. */
  fix?: TextEdit[];
}

/** One file as read from disk, before parsing. */
export interface SkillFile {
  /** Absolute path. */
  path: string;
  /** Path for messages (relative to cwd when possible). */
  displayPath: string;
  /** Decoded text; a leading byte-order mark is removed (see `hadBom`). */
  text: string;
  hadBom: boolean;
  /** Raw bytes contained a NUL or were not valid UTF-8. */
  binary: boolean;
  /** Size in bytes; files over the parse limit are not parsed (`text` is empty). */
  size: number;
  tooLarge: boolean;
  /** Absolute path of the skill folder this file belongs to, if any. */
  skillDir?: string;
}

export interface Heading {
  depth: number;
  text: string;
  /** GitHub anchor, with duplicate suffixes (`-1`, `-2`) applied. */
  anchor: string;
  span: Span;
}

export interface Link {
  url: string;
  kind: 'link' | 'image' | 'definition' | 'html';
  span: Span;
  /** The link sits in a table cell. */
  inTable?: true;
}

/** One cell of a GFM table: its plain text, span and inline code values. */
export interface TableCell {
  text: string;
  span: Span;
  /** Values of the inline code spans directly in the cell, in order. */
  inlineCode: string[];
}

/** A GFM table. */
export interface Table {
  span: Span;
  /** The header row, `rows[0]`: read it first, since the body rows of a plain table are built when first read. */
  header: TableCell[];
  /** Every row, the header first. */
  rows: TableCell[][];
}

export interface CodeBlock {
  /** Language from the info string, lower-cased; '' when unlabelled. */
  lang: string;
  meta: string;
  value: string;
  /** Span of the whole block, fences included. */
  span: Span;
  /** Document offset of the first character of each line of `value`. */
  lineOffsets: number[];
  /** Opening fence never closed. */
  unterminated: boolean;
}

export interface InlineCode {
  value: string;
  span: Span;
  /** Document offset of the first character of `value`. */
  valueOffset: number;
}

export interface Frontmatter {
  /** A `---` block opens the file. */
  present: boolean;
  /** Opened but never closed. */
  unterminated: boolean;
  /** YAML text between the fences. */
  raw: string;
  /** Document offset where `raw` starts. */
  rawOffset: number;
  /** Span of the whole block, fences included. */
  span?: Span;
  /** Parsed value; undefined when absent or invalid. */
  value?: unknown;
  /** Span of each top-level key and of each nested key as `parent.child`. */
  keySpans: Map<string, Span>;
  /** Span of each top-level value and nested value as `parent.child`. */
  valueSpans: Map<string, Span>;
  /** YAML syntax errors, duplicate keys, non-mapping root. */
  problems: { message: string; span: Span; code: string }[];
}

/** A file as rules that look across files see it: everything but its text. */
export type FileInfo = Omit<SkillFile, 'text'>;

/**
 * What rules that look across files (anchors on other pages, reachability, the catalog) read of every
 * document: identity, frontmatter, headings and anchors, links and disable comments. Small enough to keep
 * for twenty thousand files.
 */
export interface DocumentIndex {
  file: FileInfo;
  frontmatter: Frontmatter;
  headings: Heading[];
  anchors: Set<string>;
  links: Link[];
  /** Paths the page names without a link (in prose, code or inline code), as written: see parse/mentions.ts. */
  mentions: string[];
  /** Markdown body (after frontmatter) line count. */
  bodyLines: number;
  /** line → rule ids silenced on that line by `<!-- skill-lint-disable-next-line ... -->` ('*' for all). */
  disabledLines: Map<number, Set<string>>;
  /** Converts an offset into a point. */
  pointAt(offset: number): Point;
}

/**
 * A document in full, as per-file rules read it. The syntax tree is walked once while parsing and not
 * kept: rules read what was extracted from it (twenty thousand mdast trees would take gigabytes).
 */
export interface Document extends DocumentIndex {
  file: SkillFile;
  text: string;
  /** Offset at which each line of `text` starts (what `pointAt` searches). */
  lineStarts: number[];
  tables: Table[];
  codeBlocks: CodeBlock[];
  inlineCode: InlineCode[];
}

/** One word of a shell command, with its exact source span. */
export interface Word {
  /** Value after shell quote removal; placeholders such as `<uuid>` kept as written. */
  value: string;
  /** Source text of the word exactly as written. */
  raw: string;
  span: Span;
  /** Holds `$VAR`, `$(...)` or backticks: the value is not known statically. */
  dynamic: boolean;
}

/** One `cargo-ai ...` (or `npx @cargo-ai/cli ...`) call found in a document. */
export interface Invocation {
  file: string;
  /** The program word (`cargo-ai`, or `npx` for `npx @cargo-ai/cli`). */
  program: Word;
  /** Arguments after the program (and after `@cargo-ai/cli` for npx). */
  args: Word[];
  /** Where it was found. */
  source: 'fence' | 'inline';
  /** Span of the whole command. */
  span: Span;
}

export interface Skill {
  name: string;
  /** Absolute folder path. */
  dir: string;
  /** The parsed SKILL.md (in full when parsed in this thread, as an index from worker threads). */
  doc: DocumentIndex;
  /** Every file under the skill folder (absolute paths), dotfiles included. */
  files: string[];
}

/** What rules that look across files may read: every document as an index. */
export interface Project {
  /** Absolute root the user pointed at (skills root, or the parent of a single skill). */
  root: string;
  skills: Skill[];
  /** Every markdown document, keyed by absolute path. */
  documents: Map<string, DocumentIndex>;
  /** Folders under the root that look like skills but have no SKILL.md. */
  strayDirs: string[];
  /** Symbolic links found inside skill folders (never followed). */
  symlinks: string[];
}

/** A project parsed in this thread: every document in full, with its invocations. */
export interface ParsedProject extends Project {
  documents: Map<string, Document>;
  /** Extracted invocations per document path, computed once. */
  invocations: Map<string, Invocation[]>;
}
