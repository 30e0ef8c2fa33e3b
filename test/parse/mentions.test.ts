// The paths a page names without a link (parse/mentions.ts), which orphan-file follows.
import { describe, expect, it } from 'vitest';
import { pathMentions } from '../../scripts/parse/mentions.ts';

describe('pathMentions', () => {
  it('finds paths, file names, patterns, Python modules and words in backticks, without URLs', () => {
    const text = [
      'Run `python scripts/pack.py in/ out.docx`, then read FORMS.md.',
      'Per language: references/<lang>/api.md, see https://example.com/docs/guide.md.',
      'from core.gif_builder import GIFBuilder',
      'Version 1.2.3 is out.',
    ].join('\n');
    expect(pathMentions(text, ['templates', 'two words'])).toEqual(['scripts/pack.py', 'in/', 'out.docx', 'FORMS.md', 'references/<lang>/api.md', 'core.gif_builder', 'templates']);
  });

  // A quadratic scan would not finish these megabyte inputs within the test timeout.
  it('reads long runs of path characters as data, not paths', () => {
    for (const text of ['a'.repeat(1_000_000), 'a/'.repeat(500_000), 'a.'.repeat(500_000), `import ${'a'.repeat(999_000)}`]) {
      expect(pathMentions(text, [])).toEqual([]);
    }
  });
});
