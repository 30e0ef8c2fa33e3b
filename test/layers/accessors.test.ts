// No object literal in scripts/ defines a getter or setter. V8 gives each such literal a hidden class of its
// own, and whatever the object holds then survives the young generation's collections: one lazy getter on
// each page's shell extraction put 9 MB more into the old generation on 1,000 files (scripts/bench/HISTORY.md).
// A class with the accessor on its prototype costs nothing of the kind.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/core/paths.ts';

/** `line:column name` of every accessor defined in an object literal of `source`. */
function literalAccessors(source: string, file = 'source.ts'): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const member of node.properties) {
        if (!ts.isGetAccessorDeclaration(member) && !ts.isSetAccessorDeclaration(member)) continue;
        const { line, character } = tree.getLineAndCharacterOfPosition(member.getStart(tree));
        found.push(`${line + 1}:${character + 1} ${member.name.getText(tree)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('object literals with accessors', () => {
  it('finds getters and setters of object literals, nested or not', () => {
    const source = [
      'const a = { value: 1, get twice() { return 2; } };',
      'call({ inner: { set name(v: string) {} } });',
      'export const b = () => ({',
      '  get lazy() { return 3; },',
      '});',
    ].join('\n');
    expect(literalAccessors(source)).toEqual(['1:23 twice', '2:17 name', '4:3 lazy']);
  });

  it('leaves class accessors, methods and function-valued properties alone', () => {
    const source = [
      'class Lazy { get value() { return 1; } set value(v: number) {} }',
      'const c = { get: () => 1, set(v: number) { return v; }, value() { return 2; } };',
      'const d = { getter: function () { return 3; } };',
    ].join('\n');
    expect(literalAccessors(source)).toEqual([]);
  });

  it('scripts/ defines none', () => {
    const found = typeScriptFiles(path.join(repoRoot, 'scripts')).flatMap((file) =>
      literalAccessors(readFileSync(file, 'utf8'), file).map((where) => `${path.relative(repoRoot, file)}:${where}`),
    );
    expect(found).toEqual([]);
  });
});
