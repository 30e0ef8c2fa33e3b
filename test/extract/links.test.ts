// Link resolution: what a link points at, and how often the disk is asked about it.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSkillFile } from '../../scripts/load/files.ts';
import { resolveLink } from '../../scripts/extract/links.ts';
import { parseDocument } from '../../scripts/parse/document.ts';
import { asIndex, fromSent, toSent } from '../../scripts/engine/pool.ts';

const root = mkdtempSync(path.join(tmpdir(), 'skill-lint-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveLink', () => {
  it('resolves a relative link to a file, and says whether it exists', () => {
    writeFileSync(path.join(root, 'target.md'), '# Target\n');
    writeFileSync(path.join(root, 'page.md'), '[there](target.md#target) [gone](missing.md)\n');
    const doc = parseDocument(readSkillFile(path.join(root, 'page.md'), root));
    expect(resolveLink(doc, doc.links[0], root)).toEqual({ kind: 'file', target: path.join(root, 'target.md'), anchor: 'target', exists: true, isDirectory: false });
    expect(resolveLink(doc, doc.links[1], root)).toMatchObject({ kind: 'file', exists: false });
  });

  it('takes a link to a file the run lints as existing, and looks up any other', () => {
    writeFileSync(path.join(root, 'lister.md'), '[listed](listed.md) [other](other.md)\n');
    const doc = parseDocument(readSkillFile(path.join(root, 'lister.md'), root));
    // Neither file is on disk: only the run's list can say the first exists.
    const linted = new Set([path.join(root, 'listed.md')]);
    expect(resolveLink(doc, doc.links[0], root, linted)).toEqual({ kind: 'file', target: path.join(root, 'listed.md'), anchor: undefined, exists: true, isDirectory: false });
    expect(resolveLink(doc, doc.links[1], root, linted)).toMatchObject({ kind: 'file', exists: false });
  });

  it('asks the disk once per link: the index of a document answers from what the document resolved, on this thread or another', () => {
    const target = path.join(root, 'once.md');
    writeFileSync(target, '# Once\n');
    writeFileSync(path.join(root, 'asks.md'), '[once](once.md)\n');
    const doc = parseDocument(readSkillFile(path.join(root, 'asks.md'), root));
    expect(resolveLink(doc, doc.links[0], root)).toMatchObject({ exists: true });
    const index = asIndex(doc);
    // Gone from the disk now: only the shared resolution can still say it exists.
    unlinkSync(target);
    expect(resolveLink(index, index.links[0], root)).toMatchObject({ exists: true });
    // As a worker thread sends it: a structured clone, links and resolutions alike.
    const received = fromSent(structuredClone(toSent(doc)));
    expect(resolveLink(received, received.links[0], root)).toMatchObject({ exists: true });
    const reparsed = parseDocument(readSkillFile(path.join(root, 'asks.md'), root));
    expect(resolveLink(reparsed, reparsed.links[0], root)).toMatchObject({ exists: false });
  });
});
