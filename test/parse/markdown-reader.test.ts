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
  ['emphasis and strong in headings and cells', '# a *b* __c__ ***d*** *e **f** g*\n\n| **`x`** | _y_z_ |\n|--|--|\n| *[l](u.md)* | **a*b** |\n'],
  ['emphasis by the rule of three and across a link', '# *a**b* **c*d*** *[e](f.md) g*\n'],
  ['inline HTML in prose, headings and cells', 'a <b>c</b> <a name="x">d</a> <!-- n --> [l](u.md)\n\n# T <code>x</code>\n\n| <br> | <span id="y">z</span> |\n|--|--|\n| a | b |\n'],
  ['a less-than sign that opens no tag', 'a <3 b < c <a <x y=1 z>\n'],
  ['HTML blocks ended by a blank line or their closing marker', '<div>\n[hidden](h.md)\n</div>\n\n[seen](s.md)\n<details>\n<summary>S</summary>\n\n## After\n\n<pre>\n# not a heading\n\n</pre>\n<!-->\n# h\n'],
  ['HTML blocks in lists and quotes', '- <div>\n  x [a](b.md)\n  </div>\n\n> <!--\n> a\n> -->\n'],
  ['a lone tag does not interrupt a paragraph', 'para\n<span>\n[x](y.md)\n'],
  ['a fence that ends a list item’s paragraph', '- a\n```sh\nx\n```\n- b\n# c\n'],
  ['an HTML block that ends a quote’s paragraph', '> a\n<div>\nb [l](u.md)\n'],
  ['character references in headings, cells and prose', '# a &amp; b &copy; &#35; &#x41; &#0; &bogus;\n\n| &lt;x&gt; | &#124; |\n|--|--|\n| &nbsp; | b |\n\na &#91;x](y) [z](w.md)\n'],
  ['setext headings, in containers too, and a short underline', 'Title *x* &amp;\n=====\n\nSub\n--\n\n- a\n  ---\n\n> b\n> ===\n\nc\n- - -\n'],
  ['setext headings of several lines, whose text trims each line and drops hard breaks', 'Two \n  lines\n=====\n\nb \\\nc \t \nd  \ne\t  \n`f  \n g` *h\n i*\n  [l\n  m](u.md)\n---\n\n- a\nlazy\n  ==\n\nx\r\n\ty  \r\nz\r\n==\r\n'],
  ['indented code, whose lines are not markdown', '    code [x](y.md)\n    # no\n\n    more\n# h\n\n- a\n\n      code [z](w.md)\n  [v](u.md)\n'],
  ['a lone tag on a lazy line, an HTML block left in the list item', '- a\n</span>\n# x\n\n- b\n</Note>\nc [l](u.md)\n'],
  ['a lone tag on a lazy line, continued by the quote’s next line', '> a\n <a name="n">\n> [b](c.md)\n\n- > d\n</span>\n- e\n'],
  [
    'CRLF line ends, which multi-line values keep',
    '---\r\nname: a\r\n---\r\n# T\r\n\r\n```sh\r\nx\r\n\r\ny\r\n```\r\n<div>\r\n<a name="p\r\nq">\r\n</div>\r\n\r\np `c\r\nd` [l\r\nm](u.md)\r\n\r\n| a | `b` |\r\n|---|---|\r\n| c | d |\r\n\r\nA\r\n==\r\n- ```\r\n  z\r\n  ```\r\n',
  ],
  ['CRLF around padded code spans and a disable comment', 'a `\r\nb\r\n` c ` \r\nd` `\r\n`\r\n<!-- skill-lint-disable-next-line x -->\r\n[a](b.md)\r\n'],
  ['CRLF and LF mixed, and a fence the file ends inside', 'a\nb\r\n```\nx\r\ny\n```\r\n~~~\r\nz\r\n\r\n'],
  ['tabs in text, headings, fence info strings, tables, underlines and breaks', 'a\tb `c\td`\n\n#\ta\t#\t\n\n```\tsh\tx y\t\n```\t\n\n|\ta\t|\tb |\n|\t---\t|:-:\t|\n| c\t| `d\t`\t\n\nx\n===\t\n-\t-\t-\n'],
  ['tabs in fenced code, at any depth', '```make\nall:\n\tgo build\t./...\n\t\n```\n\n- x\n  ```\n  \tindented\n  ```\n'],
  ['a tab that indents code, continues a paragraph or fills a blank line', '\tcode [x](y.md)\n\na\n\tb `c\n\td`\n \t\nq `r`\n\t# not a heading\n\n1234. a\n\n\tcode `c`\n'],
  ['list items right after indented code, where only a list starting at 1 may begin', '    code\n- item [a](b.md)\n\n    code\n2. not an item `x`\n\n    code\n1. x\n2. y\n\n- a\n\n      code\n  - b\n'],
  ['tabs after list markers, and continuation lines a tab brings to the content column', '-\ta [x](y.md)\n\tb `c`\n\n\t```sh\n\tz\n\t```\n1.\tone `a`\n2.\ttwo\n\n\tmore `b`\n\n10.\tx\n    y `c\n\td`\n\n- \tx\n\ty\n-\t- z\n-\t> q `r`\n'],
  ['a tab short of column 4 past a container’s prefix', '> \tx `y`\n> \t# h\n\n- a\n  \t`b`\n'],
  ['indented code begun on a line that closes a quote, which ends with that line', '> #\n    x\n2. # h\n\n> #\n    x\n\n2. # i\n\n> #\n    x\n    z\n2. # not a heading\n'],
  ['tabs after block quote markers', '>\tx `y`\n>\t# h\n>\t\tcode\n\n  >\tx `y`\n  >\t\t# not h\n\n>\t```\n>\tx\n>\t\ty\n>\t```\n\n> - a\n>\t  b `c`\n\n>\t|a|\n>\t|-|\n>\t|b|\n'],
  ['blank lines of spaces in fences and HTML blocks inside quotes and list items', '> ```\n> a\n>\n> b\n> \n>  \n>   \n> ```\n\n- ```\n  a\n \n   \n    \n  ```\n\n> <pre>\n>  \n> </pre>\n\n> - ```\n>   a\n> \n>    \n>\n>   ```\n'],
  ['a fence the file ends inside', '# a\n```sh\nx\n\n'],
  ['footnote syntax in code, which is only text', '```js\nconst r = /[^a]/\n```\n\n`[^x]`\n'],
];

const handedToRemark: [string, string, string][] = [
  ['inline HTML across lines', 'a <b\nclass="x">c</b>\n', 'inline HTML across lines'],
  ['a processing instruction inline', 'a <?x?>\n', 'inline HTML other than a tag or comment'],
  ['a blank line with a tab in an HTML block in a quote', '> <pre>\n> \t\n> </pre>\n', 'a blank line with a tab in an HTML block inside a container'],
  ['a blank line with a tab in a code fence in a list item', '- ```\n  a\n\t\n  ```\n', 'a blank line with a tab in a code fence inside a container'],
  ['a link reference definition', '[x]\n\n[x]: /u\n', 'a link reference definition'],
  ['a footnote', 'a[^1]\n\n[^1]: n\n', 'a footnote'],
  ['a footnote call in a heading', '# a [^1]\n', 'a footnote'],
  ['a footnote definition that would end a code span across it', 'a `b\n[^1]: note\n`\n', 'a footnote'],
  ['a tab after a list marker that reaches past column 4', '-\t\tcode\n', 'a list item that starts blank or with indented code'],
  ['a tab after a block quote marker, on a paragraph’s further line', '> a\n>\tb\n', 'a tab after a block quote marker, in a line a value keeps'],
  ['a tab after a block quote marker, in a fence it does not open', '> ```\n>\tx\n> ```\n', 'a tab after a block quote marker, in a line a value keeps'],
  ['a tab a list item’s content column splits', '- a\n\n\tb\n', 'a tab in the indentation of a line in a block quote or list item'],
  ['a tab short of column 4 before a list marker in a quote', '> a\n> \t- b [x](y.md)\n', 'a tab in the indentation of a line in a block quote or list item'],
  ['a tab in a lazy line', '> a\n\tb\n', 'a tab in the indentation of a line in a block quote or list item'],
  ['a tab a code fence’s indent splits', '  ```\n\tx\n  ```\n', 'a tab split by a code fence’s indent'],
  ['a carriage return that ends a line alone', '# a\rb\r\n', 'a carriage return not followed by a line feed'],
  ['a NUL character', 'a\0b\n', 'a NUL character'],
  ['a fence a list item ends', '- ```sh\n  x\ny\n', 'an unterminated code fence'],
  ['a table header row that is a lone tag after a paragraph line', 'word\n</b>\n|:-|\n', 'a table header row that is a lone HTML tag'],
  ['a link destination with parentheses', '[a](b(c))\n', 'an unusual link destination'],
  ['a setext underline on a lazy line', '> a\n> b\n===\n', 'lazy continuation that may start a block'],
  ['lazy text that could open a block', '- a\n# b\n'.replace('# b', '| b'), 'lazy continuation that may start a block'],
  ['an ordered list interrupting a paragraph at 2', 'a\n2. b\n', 'an ordered list not starting at 1 after a paragraph'],
  ['a list item that starts blank', '-\n  a\n', 'a list item that starts blank or with indented code'],
  ['frontmatter closed with dots', '---\nname: a\n...\n# x\n', 'frontmatter fences other than plain ---'],
  ['unterminated frontmatter', '---\nname: a\n', 'frontmatter fences other than plain ---'],
];

describe('fast markdown reader', () => {
  it.each(accepted)('reads %s itself, exactly as remark does', (_name, text) => {
    expect(scan(text)).toHaveProperty('read');
    sameDocument(text);
  });

  it.each(handedToRemark)('hands %s to remark', (_name, text, construct) => {
    expect(scan(text)).toEqual({ fallback: construct });
    // The Document is remark's either way.
    sameDocument(text);
  });

  it('reads nearly all of this package itself, giving remark’s Document for each file', () => {
    const files = loadTree(['skills'], repoRoot).markdown;
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if ('read' in scan(text)) fast++;
      sameDocument(text);
    }
    expect(files.length).toBeGreaterThan(100);
    // The speed of `skill-lint check skills` rests on this share: a drop means a construct the package uses
    // started going to remark.
    expect(fast / files.length, `${fast} of ${files.length} read fast (${path.basename(repoRoot)})`).toBeGreaterThan(0.95);
  });
});
