// The fast markdown reader: what it reads itself (and reads exactly as remark does), what it hands to
// remark, and how much of the real package it covers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../scripts/load/files.ts';
import { fastTree } from '../../scripts/parse/document.ts';
import { parseFrontmatter } from '../../scripts/parse/frontmatter.ts';
import { lineStartsOf, makePointAt } from '../../scripts/parse/positions.ts';
import { repoRoot } from '../../scripts/core/paths.ts';
import { sameDocument } from './reader-helpers.ts';

function scan(text: string) {
  const lineStarts = lineStartsOf(text);
  const pointAt = makePointAt(lineStarts, text.length);
  return fastTree(text, parseFrontmatter(text, pointAt), lineStarts, pointAt);
}

const accepted: [string, string][] = [
  ['frontmatter, headings and prose', '---\nname: a\ndescription: b\n---\n# Title\n\nSome *prose* and `code`.\n\n## Next ## \n'],
  ['duplicate headings and closing hashes', '# A\n\n## A\n\n### A ###\n#\n'],
  ['links, images, autolinks and brackets', 'See [the page](references/x.md#part "t"), ![logo](a.png), <https://e.com/x> and [not a link].\n'],
  ['a link spanning lines', 'a [two\nlines](b.md) c\n'],
  ['nested brackets and a badge link', '[a [b] c](d.md) [![x](i.svg)](u)\n'],
  ['code spans of several backticks', 'Use ``a ` b`` and ` padded ` and `` ` ``.\n'],
  ['a code span across lines keeps the indent', 'a `b\n   c` d\n'],
  ['fenced code, info string and tildes', '```bash title=x\ncargo-ai ai agent list\n```\n\n~~~json\n{}\n~~~\n'],
  ['indented fence with a longer close', '  ````sh\n  a\n   b\n  `````\n'],
  ['lists with code and continuation', '- one\n  more\n- two\n\n  ```sh\n  x\n  ```\n1. first\n   1. nested `c`\n'],
  ['lazy continuation', '- item\nstill the item [l](x.md)\n'],
  ['block quotes', '> quote [l](a.md)\n> ```\n> code\n> ```\n'],
  ['tables with inline code, links and ragged rows', '| a | b |\n|:-|-:|\n| `x` | [y](z.md) |\n| only |\n\nx | y\n--|--\n1 | 2\n'],
  ['a table after a paragraph line', 'intro\n| a |\n|---|\n| b |\n'],
  ['comments, disable comments and thematic breaks', '<!-- skill-lint-disable-next-line link-target -->\n[x](y.md)\n\n***\n\n<!--\nmulti\n-->\n'],
  ['escaped pipes in a table, in text and in code', '| a | b |\n|---|---|\n| x \\| y | `c \\| d` |\n| \\\\| z |\n'],
  ['escapes', 'a \\[b\\] \\`c\\` \\\\\n# x \\#\n'],
  ['intraword underscores and lone stars in headings', '# snake_case a * b\n'],
];

const handedToRemark: [string, string, string][] = [
  ['a setext heading', 'Title\n=====\n', 'a setext heading'],
  ['a setext heading with dashes', 'Title\n---\n', 'a setext heading'],
  ['indented code', '    code\n', 'indented code'],
  ['an HTML block', '<div>\nx\n</div>\n', 'an HTML block'],
  ['inline HTML', 'a <b>c</b>\n', 'inline HTML'],
  ['a character reference', 'a &amp; b\n', 'a character reference'],
  ['a link reference definition', '[x]\n\n[x]: /u\n', 'a link reference definition'],
  ['a footnote', 'a[^1]\n\n[^1]: n\n', 'a footnote'],
  ['a tab', 'a\tb\n', 'a tab, carriage return or NUL'],
  ['CRLF line ends', '# a\r\nb\r\n', 'a tab, carriage return or NUL'],
  ['an unterminated fence', '```sh\nx\n', 'an unterminated code fence'],
  ['emphasis in a heading', '# *a*\n', 'emphasis in a heading or table cell'],
  ['a link destination with parentheses', '[a](b(c))\n', 'an unusual link destination'],
  ['lazy text that could open a block', '- a\n# b\n'.replace('# b', '| b'), 'lazy continuation that may start a block'],
  ['an ordered list interrupting a paragraph at 2', 'a\n2. b\n', 'an ordered list not starting at 1 after a paragraph'],
  ['a list item that starts blank', '-\n  a\n', 'a list item that starts blank or with indented code'],
  ['frontmatter closed with dots', '---\nname: a\n...\n# x\n', 'frontmatter fences other than plain ---'],
  ['unterminated frontmatter', '---\nname: a\n', 'frontmatter fences other than plain ---'],
];

describe('fast markdown reader', () => {
  it.each(accepted)('reads %s itself, exactly as remark does', (_name, text) => {
    expect(scan(text)).toHaveProperty('tree');
    sameDocument(text);
  });

  it.each(handedToRemark)('hands %s to remark', (_name, text, construct) => {
    expect(scan(text)).toEqual({ unsupported: construct });
    // The Document is remark's either way.
    sameDocument(text);
  });

  it('reads nearly all of this package itself, giving remark’s Document for each file', () => {
    const files = loadTree(['skills'], repoRoot).markdown;
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if ('tree' in scan(text)) fast++;
      sameDocument(text);
    }
    expect(files.length).toBeGreaterThan(100);
    // The speed of `skill-lint check skills` rests on this share: a drop means a construct the package uses
    // started going to remark.
    expect(fast / files.length, `${fast} of ${files.length} read fast (${path.basename(repoRoot)})`).toBeGreaterThan(0.95);
  });
});
