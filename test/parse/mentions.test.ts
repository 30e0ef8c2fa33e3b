// The paths a page names without a link (parse/mentions.ts), which orphan-file follows.
import { describe, expect, it } from 'vitest';
import { pathMentions, pathRuns } from '../../scripts/parse/mentions.ts';

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

  it('finds the same runs as the pattern it replaces: whole runs of path characters holding a . or / once their final dots are dropped', () => {
    // The definition, written as a pattern: a run starts where no path character precedes it.
    const pattern = /(?<![\w.@~$*<>{}\u2026/-])[\w.@~$*<>{}\u2026/-]*[./][\w.@~$*<>{}\u2026/-]*/g;
    const alphabet = ['a', 'Z', '7', '_', '.', '/', '-', '@', '~', '$', '*', '<', '>', '{', '}', '\u2026', ' ', '\n', ':', ',', '(', ')', '`', '#', 'é', '\u00a0', '|'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: random(40) }, () => alphabet[random(alphabet.length)]).join('');
      const runs: [string, number][] = [];
      pathRuns(text, (run, index) => {
        runs.push([run, index]);
        return true;
      });
      const expected = [...text.matchAll(pattern)].filter((match) => /[./]/.test(match[0].replace(/\.+$/, ''))).map((match) => [match[0], match.index]);
      expect(runs, JSON.stringify(text)).toEqual(expected);
    }
  });

  it('stops when told to', () => {
    const runs: string[] = [];
    pathRuns('a.md b.md c.md', (run) => {
      runs.push(run);
      return runs.length < 2;
    });
    expect(runs).toEqual(['a.md', 'b.md']);
  });
});
