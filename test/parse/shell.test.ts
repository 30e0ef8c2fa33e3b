import { describe, expect, it } from 'vitest';
import { parseShell } from '../../scripts/parse/shell.ts';

const values = (text: string) => parseShell(text).calls.map((call) => call.words.map((word) => word.value));

describe('parseShell', () => {
  it('returns offsets in UTF-16 units, also after multi-byte characters', () => {
    const text = 'echo "é😀" ; cargo-ai whoami';
    const call = parseShell(text).calls[1];
    const word = call.words[1];
    expect(text.slice(word.start, word.end)).toBe('whoami');
    expect(word.start).toBe(text.indexOf('whoami'));
  });

  it('reports error offsets in UTF-16 units', () => {
    const text = "echo 'é😀' 'open";
    const [error] = parseShell(text).errors;
    expect(error.offset).toBe(text.lastIndexOf("'"));
    expect(error.incomplete).toBe(true);
  });

  it('returns calls in source order, outer before inner', () => {
    expect(values('a $(b `c`) ; d')).toEqual([['a', '$(b `c`)'], ['b', '`c`'], ['c'], ['d']]);
  });

  it('reads words in arithmetic, parameter defaults and process substitution as dynamic', () => {
    const [call] = parseShell('x $((1+2)) ${A:-b} <(y) @(z)').calls;
    expect(call.words.map((word) => word.dynamic)).toEqual([false, true, true, true, true]);
  });

  it('removes a continuation inside double quotes', () => {
    expect(values('x "a\\\nb"')).toEqual([['x', 'ab']]);
  });

  it('gives the same answer from its cache', () => {
    const first = parseShell('cargo-ai whoami');
    expect(parseShell('cargo-ai whoami')).toBe(first);
    expect(values('cargo-ai whoami')).toEqual([['cargo-ai', 'whoami']]);
  });

  it('reports a recovered error only once, with statements on both sides', () => {
    const result = parseShell('a\nb )\n\nc');
    expect(result.errors).toHaveLength(1);
    expect(values('a\nb )\n\nc')).toEqual([['a'], ['c']]);
  });

  it('turns a garbage input into an error, never an exception', () => {
    for (const text of ['((((', '$(', '`', 'if', '"\\', "$'", 'case x in', '<<EOF', 'a && ', '}']) {
      expect(() => parseShell(text)).not.toThrow();
    }
  });
});
