import { describe, expect, it } from 'vitest';
import {
  containsPlaceholder,
  isPlaceholder,
  maskPlaceholders,
  unmaskPlaceholders,
} from '../../scripts/parse/placeholders.ts';

describe('isPlaceholder', () => {
  it.each(['<uuid>', '<workflow-uuid>', '<play.workflowUuid>', '<your-api-token>', '<your value here>', '...', '…'])(
    'accepts %s',
    (value) => {
      expect(isPlaceholder(value)).toBe(true);
    },
  );

  it.each(['uuid', '<uuid>,<uuid>', 'x<uuid>', '<uuid>x', '<>', '< uuid>', '<a<b>', '....', '"<uuid>"'])(
    'rejects %s',
    (value) => {
      expect(isPlaceholder(value)).toBe(false);
    },
  );
});

describe('containsPlaceholder', () => {
  it('finds placeholders inside larger values', () => {
    expect(containsPlaceholder('<a>,<b>')).toBe(true);
    expect(containsPlaceholder('https://app.test/runs/<uuid>')).toBe(true);
    expect(containsPlaceholder('{"a": ...}')).toBe(true);
    expect(containsPlaceholder('success,error')).toBe(false);
    expect(containsPlaceholder('a < b')).toBe(false);
  });
});

describe('maskPlaceholders', () => {
  const masked = (text: string) => {
    const result = maskPlaceholders(text);
    expect(result).toHaveLength(text.length);
    expect(unmaskPlaceholders(result)).toBe(text);
    return result;
  };

  it('hides the brackets of placeholders, keeping the length', () => {
    expect(masked('run get <uuid> --x <play.workflowUuid>')).toBe('run get \x01uuid\x02 --x \x01play.workflowUuid\x02');
    expect(masked('--url=https://x/<id> a<b>')).toBe('--url=https://x/\x01id\x02 a\x01b\x02');
  });

  it('keeps a spaced placeholder as one word', () => {
    expect(masked('--name <your value here>')).toBe('--name \x01your\x03value\x03here\x02');
  });

  it.each([
    'cat <<EOF',
    'cat <<-EOF>x',
    'cmd <in.txt >out.txt',
    'cmd 2>err.log',
    'cmd 0<in>out',
    'cmd <in 2>err',
    'cmd <<<word',
    'x >> y',
    'diff <(a) <(b)',
  ])('leaves the real redirections in %s', (text) => {
    expect(masked(text)).toBe(text);
  });
});
