// Compares the two markdown readers on one text: the Documents they give must be equal but for `pointAt`.
import { expect } from 'vitest';
import type { Document } from '../../scripts/core/types.ts';
import { parseDocument } from '../../scripts/parse/document.ts';

function documentsOf(text: string): { fast: Partial<Document>; remark: Partial<Document> } {
  const file = { path: '/virtual/page.md', displayPath: 'page.md', text, hadBom: false, binary: false, size: text.length, tooLarge: false };
  const { pointAt: _fast, ...fast } = parseDocument(file, 'fast');
  const { pointAt: _remark, ...remark } = parseDocument(file, 'remark');
  return { fast, remark };
}

export function sameDocument(text: string): void {
  const { fast, remark } = documentsOf(text);
  expect(fast, JSON.stringify(text)).toEqual(remark);
}
