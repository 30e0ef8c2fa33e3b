// Compares the fast readers with the real parsers on one text: the two markdown readers must give equal
// Documents but for `pointAt`, the two frontmatter readers equal Frontmatter.
import { expect } from 'vitest';
import type { Document, Frontmatter, Table } from '../../scripts/core/types.ts';
import { parseDocument } from '../../scripts/parse/document.ts';
import { parseFrontmatter } from '../../scripts/parse/frontmatter.ts';
import { lineStartsOf, makePointAt } from '../../scripts/parse/positions.ts';

function documentsOf(text: string): { fast: Partial<Document>; remark: Partial<Document> } {
  const file = { path: '/virtual/page.md', displayPath: 'page.md', text, hadBom: false, binary: false, size: text.length, tooLarge: false };
  const { pointAt: _fast, ...fast } = parseDocument(file, 'fast');
  const { pointAt: _remark, ...remark } = parseDocument(file, 'remark');
  return { fast: { ...fast, tables: plainTables(fast.tables) }, remark: { ...remark, tables: plainTables(remark.tables) } };
}

/** Tables as plain objects: the fast reader's may read their body rows only when `rows` is read. */
function plainTables(tables: Table[]): Table[] {
  return tables.map((table) => ({ span: table.span, header: table.header, rows: table.rows }));
}

export function sameDocument(text: string): void {
  const { fast, remark } = documentsOf(text);
  expect(fast, JSON.stringify(text)).toEqual(remark);
}

/** The frontmatter of a whole file, which both frontmatter readers must give alike. */
export function sameFrontmatter(text: string): Frontmatter {
  const pointAt = makePointAt(lineStartsOf(text), text.length);
  const fast = parseFrontmatter(text, pointAt);
  expect(fast, JSON.stringify(text)).toEqual(parseFrontmatter(text, pointAt, 'yaml'));
  return fast;
}
