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
  ['plain body rows, then rows with a link and code, in order', '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |\n| [x](y.md) | 4 |\n| 5 | `6` |\n| 7 | 8 |\n'],
  ['plain tables in a list and a quote, with tabs and CRLF', '- | a | b |\r\n  |---|---|\r\n  | 1\t| 2 |\r\n\r\n> x | y\n> --|--\n> 3 | 4 |\n> 5 |\n'],
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
  [
    'escapes, character references and parentheses in link destinations and titles',
    '[a](b(c)) [x](a\\(b&amp;&#x20;c "t\\"&quot;") [y](<a\\>b c> (t&amp;)) [z](a\\)b) [w](a (b(c))\n',
  ],
  ['brackets and parentheses that make no link', '[a](b c) [d](<e<f>) [g](h "i" j) [k](l"m") [n](((o)) [p]( <> ) [q]()\n'],
  ['escapes and character references in fence info strings', '```a\\&b&amp;c d&lt;e\\q  x\\ y\n```\n~~~ a\\~b&#32;c\n~~~\n'],
  ['autolinks keep escapes and references as written', '<https://a.b/&amp;\\x?y=1&z=2> <a&b@c.d>\n'],
  ['a definition after its use', '[x]\n\n[x]: /u\n'],
  [
    'full, collapsed and shortcut references, images, case and spacing in labels, a label never defined',
    '[x][y] [y][] [ Y ] ![y][] [x][] [z] [Z\nz] [y][nope] [nope]\n\n[y]: /u\n[z]: <v w> "t"\n   [Z  z]: &amp;\\x (t)\n',
  ],
  ['a duplicated definition, both kept as links', '[a]: /first\n[A]: /second\n\n[a]\n'],
  [
    'references in headings and cells change their text; links do not nest in them',
    '# [a [b] c][b] [[b]](x) [a][c] ![i][b] *x [b*][b] y*\n\n| [b] | `c` [d][b] |\n|--|--|\n\n[b]: /u\n',
  ],
  ['definitions in lists and quotes, with trailing spaces', '- [a]: /u  \n- b [a] `c`\n\n> x\n>\n> [b]: /v "t" \n> [a]\n'],
  ['definitions ending nothing: the next line is more of their block', '[b]: /u\n===\n\n[c]: /u\n<span id="z">\n\n[d]: /u\nT\n---\n'],
  ['lines that are not definitions', 'p\n[a]: /u\n\n[b]: /u x\n\n[c]: <u>"t"\n\n[d] : /u\n\n[e]: /u "t" x\n\n[a] [b] [c] [d] [e]\n'],
  ['definitions that follow one at any indent', '[r]: /u\n    [s]: /v\n        [t]: /w "x"\n[r] [s] [t]\n'],
  ['an indented or lazy first line after a definition, under a setext underline', '[r]: /u\n  ]]>\n---\n\n> [s]: /u\n  x\n> ---\n'],
  ['a link text across lines that is no definition', '[a\nb](c) [d\ne]\n'],
  ['a footnote call and its definition', 'a[^1]\n\n[^1]: n\n'],
  ['a footnote call in a heading, which leaves its text', '# a [^1] b\n\n# c [^1]\n\n[^1]: n\n'],
  ['calls without a definition, which are brackets', '# [^2] [^1 x]\n\n[^2](u) [[^1]](v) [^1](w)\n\n[^1]: n\n'],
  [
    'a footnote definition’s content: paragraphs, code, headings, lazy lines, indented continuation',
    '[^x]: `c` [l](m)\n    more [k](j)\nlazy [i](h)\n\n        code [g](f)\n\n    ```sh\n    e\n    ```\n[^y]:\n    # h [^x]\n[^z]: # i\n',
  ],
  ['footnote definitions interrupting a paragraph, in lists, quotes and cells', 'a\n[^1]: b\n\n- c\n  [^2]: d\n      e [l](m)\n\n> [^3]: f\n>     g `h`\n\n| [^1] | [^2] |\n|--|--|\n| [^3] | [^4] |\n'],
  ['escaped brackets in footnote labels', '[^a\\]b] [^a]b]\n\n[^a\\]b]: x\n'],
  ['a footnote definition that ends a paragraph, and the code span that would run across it', 'a `b\n[^1]: note\n`\n'],
  ['a tab-indented definition after a definition', '[r]: /u\n\t[s]: /v\n[s]\n'],
  ['footnotes in a file with tabs: a tab in a call’s line, in a definition’s content and continuation', 'a[^1]\tb [^2]\n\n[^1]: n\tm\n\tmore `c`\n\n-\tx\n\t[^2]: y\n\tz\n'],
  ['under a setext heading after definitions, a first line that reads as an underline itself', '[r]: /u\n==\n===\n\n[s]: /v\n--\t\n---\n\n> [t]: /w\n> ===\t\n>===\n'],
  ['definitions and references with CRLF line ends', '[r]: /u\r\n[s]: <v w> "t"\r\n\r\n[r] [x][s] [a](b\r\n"c")\r\n'],
  ['tabs in a definition and in a link resource', '[r]:\t/u\t"t"\t\n\n[a](b\t"c") [r]\n'],
  ['footnote syntax in code, which is only text', '```js\nconst r = /[^a]/\n```\n\n`[^x]`\n'],
];

const handedToRemark: [string, string, string][] = [
  ['inline HTML across lines', 'a <b\nclass="x">c</b>\n', 'inline HTML across lines'],
  ['a processing instruction inline', 'a <?x?>\n', 'inline HTML other than a tag or comment'],
  ['a definition label across lines', '[a\nb]: /u\n', 'a link reference definition across lines'],
  ['a definition destination on the next line', '[a]:\n/u\n', 'a link reference definition across lines'],
  ['a definition title on the next line', '[a]: /u\n"t"\n', 'a link reference definition that may have its title on the next line'],
  ['a definition title across lines', '[a]: /u "t\nu"\n', 'a link title across lines'],
  ['a definition on a lazy line', '> [a]: /u\n[b]: /v\n', 'a lazy line after a link reference definition'],
  ['a delimiter row under a definition', '[a]: /u\n|---|\n', 'a table delimiter row right after a link reference definition'],
  ['a table header row indented as code after a definition', '[r]: /u\n    | a | b |\n|---|---|\n', 'an indented line right after a link reference definition'],
  ['an indented line after a definition', '[a]: /u\n    not code [x](y)\n', 'an indented line right after a link reference definition'],
  ['a reference label near micromark’s length limit', `[x][${'a'.repeat(995)}]\n`, 'a link label of nearly 1,000 characters or more'],
  ['a definition label starting with ^', '[^a b]: /u\n', 'a link reference definition whose label starts with ^'],
  ['an image bracket around a footnote call', '![^1] x\n\n[^1]: y\n', 'an image bracket around a footnote call'],
  ['a link title across lines', '[a](b "c\nd")\n', 'a link title across lines'],
  ['a blank line with a tab in an HTML block in a quote', '> <pre>\n> \t\n> </pre>\n', 'a blank line with a tab in an HTML block inside a container'],
  ['a blank line with a tab in a code fence in a list item', '- ```\n  a\n\t\n  ```\n', 'a blank line with a tab in a code fence inside a container'],
  ['a tab after a list marker that reaches past column 4', '-\t\tcode\n', 'a list item that starts blank or with indented code'],
  ['a tab after a block quote marker, on a paragraph’s further line', '> a\n>\tb\n', 'a tab after a block quote marker, in a line a value keeps'],
  ['a tab after a block quote marker, in a fence it does not open', '> ```\n>\tx\n> ```\n', 'a tab after a block quote marker, in a line a value keeps'],
  ['a tab a list item’s content column splits', '- a\n\n\tb\n', 'a tab in the indentation of a line in a block quote or list item'],
  ['a tab short of column 4 before a list marker in a quote', '> a\n> \t- b [x](y.md)\n', 'a tab in the indentation of a line in a block quote or list item'],
  ['a tab in a lazy line', '> a\n\tb\n', 'a tab in the indentation of a line in a block quote or list item'],
  ['a tab a code fence’s indent splits', '  ```\n\tx\n  ```\n', 'a tab split by a code fence’s indent'],
  ['a footnote definition inside another', '[^1]: x\n    [^2]: <b>\n    | <a@b.co> | word |\n', 'a footnote definition inside another'],
  ['a tab after a footnote definition’s label', 'a[^1]\n\n[^1]:\tb\n', 'a tab after a footnote definition’s label'],
  ['a tab short of column 4 before a footnote definition in a quote', 'a[^1]\tb\n\n> \t[^1]: n\n', 'a tab in the indentation of a line in a block quote or list item'],
  ['a carriage return that ends a line alone', '# a\rb\r\n', 'a carriage return not followed by a line feed'],
  ['a NUL character', 'a\0b\n', 'a NUL character'],
  ['a fence a list item ends', '- ```sh\n  x\ny\n', 'an unterminated code fence'],
  ['a table header row that is a lone tag after a paragraph line', 'word\n</b>\n|:-|\n', 'a table header row that is a lone HTML tag'],
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
