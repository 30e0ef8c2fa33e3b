// Differential runs of the fast markdown reader against remark: on random markdown built from the
// constructs skills use (and the ones that trip readers up), every file the fast reader accepts must give
// the same Document as remark, position for position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastTree, parseDocument } from '../../scripts/parse/document.ts';
import { parseFrontmatter } from '../../scripts/parse/frontmatter.ts';
import { lineStartsOf, makePointAt } from '../../scripts/parse/positions.ts';
import { sameDocument } from '../parse/reader-helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60) * 30;
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/** The long run (`npm run fuzz`) takes minutes; the short one stays within the usual limit. */
const TIME_LIMIT_MS = Math.max(30_000, RUNS * 2);

const prefix = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', '', '', ' ', '  ', '   ', '> ', '>', '- ', '* ', '+ ', '1. ', '1) ', '  - ', '   1. ', '> - ', '- > ', '-  ', '>> ') },
  { weight: 1, arbitrary: fc.constantFrom('    ', '2) ', '10. ', '-     ', '-', '      ') },
  { weight: 1, arbitrary: fc.constantFrom('\t', ' \t', '  \t', '\t\t', '>\t', '> \t', '-\t', '- \t', '1.\t', '  - \t', '\t- ', '\t> ') },
);
/** What skills write (the fast reader's subset), then what it must hand to remark. */
const tame = fc.constantFrom(
  'word',
  'two words',
  ' ',
  '`code`',
  '``a ` b``',
  '` padded `',
  '`',
  '```',
  '[link](target.md)',
  '[link](#anchor "title")',
  "[l](<a b> 'x')",
  '[a [b] c](d)',
  '[[x](y)](z)',
  '![alt](img.png)',
  '[![b](i.svg)](u)',
  '[x]',
  '[x][y]',
  '[x]()',
  '<https://e.com/a>',
  '<a@b.co>',
  '< x',
  '& x',
  '\\*',
  '\\`',
  '\\',
  'snake_case',
  '\\|',
  'x\\\\|y',
  '`a\\|b`',
  'a * b',
  '|',
  ' | ',
  '#',
  ' #',
  'é🚀',
  'a\tb',
  '\t',
  '`\tx\t`',
  '$VAR',
  '*em*',
  '**strong**',
  '_under_',
  '***both***',
  '*a **b** c*',
  '__x__',
  'a*b*c',
  '*',
  '**',
  '_',
  '<b>',
  '</b>',
  '<a name="n">',
  '<span id=x>',
  '<br/>',
  '<!-- c -->',
  '&amp;',
  '&#35;',
  '&#x41;',
  '&copy;',
  '&bogus;',
  '&#0;',
  '[x](a(b))',
  '[x](a\\b)',
  '[x](a\\(b)',
  '[x](&amp;)',
  '[x](a b)',
  '[x](<a\\>b> (t&amp;))',
  "[x](a 't\\'' )",
  '[x](a"t")',
  '<https://e.com/&amp;\\x>',
  '[r]',
  '[R][]',
  '[t][r]',
  '![alt][r]',
  '[a  b]',
  '[x][A b]',
  '[r][nope]',
  '[*r*][r]',
  '[r][]',
  '[^1]',
  '[^N]',
  '[^n](u)',
  '[[^1]](v)',
);
const tricky = fc.constantFrom(
  '[x](a',
  '](',
  '<uuid>',
  '[x][r]',
  '<?pi?>',
  '<a',
  'https://e.com',
  '[x](a "t',
  '[x](&amp;)',
  '\r',
  '\0',
);
const inline = fc.oneof({ weight: 12, arbitrary: tame }, { weight: 1, arbitrary: tricky });
const lineContent = fc.oneof(
  { weight: 6, arbitrary: fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###', '#######', '#x'), fc.constantFrom(' ', '  ', ''), fc.array(inline, { maxLength: 4 }), fc.constantFrom('', ' #', ' ##  ', '#', '  ')).map((p) => `${p[0]}${p[1]}${p[2].join('')}${p[3]}`) },
  { weight: 2, arbitrary: fc.constantFrom('```', '```bash', '```sh x y ', '````', '~~~', '~~~ json', '``` a`b', '```\\x', '```a\\_b&amp;c d\\&e', '~~~ x&#32;y', '```\tsh\tx', '```\t', '\t```') },
  { weight: 2, arbitrary: fc.array(inline, { minLength: 1, maxLength: 3 }).map((cells) => `| ${cells.join(' | ')} |`) },
  { weight: 1, arbitrary: fc.constantFrom('|---|---|', '| --- | :-: |', '---|---', '|:-|', '| - |', '|\t---\t|\t:-:', '-\t-\t-', '===\t', '#\tx\t#\t') },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '- - -', '===', '___', '<!--', '-->', '<!-- skill-lint-disable-next-line x -->', '<div>', '[r]: /url', '[^1]: note', '') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('</div>', '<details>', '<pre>', '</pre>', '<script>', '<!DOCTYPE x>', '<?x', '?>', '<span>', '<![CDATA[', ']]>', '<!-->', 'Title', 'Title\\', '    indented', '\tcode', '</span>', '<a name="n">', '</Note>'),
  },
);
/** Link reference definitions, some not quite one, whose labels the references above use (or differ in case). */
const definition = fc
  .tuple(
    fc.constantFrom('r', 'r', 'R', ' r ', 'a b', 'A  B', 'x', 'nope', '^n'),
    fc.constantFrom(' ', '  ', ''),
    fc.constantFrom('/u', '<a b>', 'a\\)b', '&amp;', '<>', 'a(b)', ''),
    fc.constantFrom('', '', ' "t"', " 't'", ' (t)', ' "t" x', ' x', ' "t'),
  )
  .map(([label, space, destination, title]) => `[${label}]:${space}${destination}${title}`);
/** Footnote definitions, whose labels the calls above use (or differ in case), with content on their line. */
const footnoteDefinition = fc
  .tuple(fc.constantFrom('1', 'n', 'x y', '1'), fc.constantFrom(' ', '  ', ''), fc.array(inline, { maxLength: 3 }))
  .map(([label, space, content]) => `[^${label}]:${space}${content.join('')}`);
const line = fc.tuple(prefix, fc.oneof({ weight: 8, arbitrary: lineContent }, { weight: 2, arbitrary: definition }, { weight: 1, arbitrary: footnoteDefinition }), fc.constantFrom('', '', ' ', '  ', '\t')).map((p) => p.join(''));
/** A paragraph of a few lines and an underline: a setext heading of several lines, with indents and hard breaks. */
const setext = fc
  .tuple(
    prefix,
    fc.array(fc.tuple(fc.constantFrom('', '', ' ', '   ', '\t'), fc.array(inline, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', ' ', '  ', '\\', ' \t')), { minLength: 2, maxLength: 3 }),
    fc.constantFrom('===', '---', '  ==', '- - -'),
  )
  .map(([first, lines, underline]) => first + lines.map(([indent, parts, end]) => indent + parts.join('') + end).join('\n').trimStart() + '\n' + underline);
const block = fc.oneof({ weight: 12, arbitrary: line }, { weight: 2, arbitrary: setext });
const frontmatter = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('', '---\nname: a\n---\n', '---\n---\n') },
  { weight: 1, arbitrary: fc.constantFrom('---\nname: a\n...\n', '--- \nx: 1\n---\n', '---\nx: 1\n') },
);
/** Now and then with CRLF line ends, as files written on Windows have, or both kinds (edited on two systems). */
const markdown = fc
  .tuple(frontmatter, fc.array(block, { maxLength: 14 }), fc.constantFrom('', '\n'), fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\n', '\r\n', 'mixed'))
  .map(([front, lines, end, lineEnd]) => {
    const text = front + lines.join('\n') + end;
    if (lineEnd !== 'mixed') return text.replaceAll('\n', lineEnd);
    let count = 0;
    return text.replaceAll('\n', () => (count++ % 3 === 0 ? '\r\n' : '\n'));
  });

function fastAccepts(text: string): boolean {
  const lineStarts = lineStartsOf(text);
  const pointAt = makePointAt(lineStarts, text.length);
  return 'read' in fastTree(text, parseFrontmatter(text, pointAt), lineStarts, pointAt);
}

describe('fast markdown reader against remark', () => {
  it('gives remark’s Document for every file it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(markdown, (text) => {
        if (!fastAccepts(text)) return;
        accepted++;
        sameDocument(text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generator must keep reaching the fast path, or this test would pass on remark alone.
    expect(accepted).toBeGreaterThan(RUNS / 8);
  }, TIME_LIMIT_MS);

  it('is exercised by parseDocument by default', () => {
    const text = '# T\n\n[a](b.md)\n';
    const file = { path: '/x.md', displayPath: 'x.md', text, hadBom: false, binary: false, size: text.length, tooLarge: false };
    expect(parseDocument(file).links).toEqual(parseDocument(file, 'remark').links);
  });
});
