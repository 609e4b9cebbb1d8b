import { describe, expect, it } from 'vitest';
import { parseScreeningTime } from '../../src/services/movie-night-service.ts';
import { normaliseLocale } from '../../src/services/user-service.ts';
import { cleanText, clip, cut, storable } from '../../src/text.ts';

describe('clip: grapheme-safe cuts of text people read', () => {
  it.each([
    ['short text is kept whole', 'Heat', 10, 'Heat'],
    ['exactly the limit is kept whole', 'abcde', 5, 'abcde'],
    ['a long text ends in an ellipsis within the limit', 'abcdefghij', 5, 'abcd…'],
    ['an emoji at the cut is left out whole', 'abc😀def', 5, 'abc…'],
    ['a family emoji (ZWJ sequence) is never split', 'ab👩‍👩‍👧‍👦cd', 8, 'ab…'],
    ['a flag is never split', 'ab🇬🇧cd', 5, 'ab…'],
    ['a letter keeps its combining accent', 'abce\u0301fg', 5, 'abc…'],
    ['trailing spaces before the ellipsis are dropped', 'abc   defg', 6, 'abc…'],
  ])('when %s, then the cut is right', (_name, text, max, expected) => {
    const out = clip(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
    expect(out.isWellFormed()).toBe(true);
  });

  it('when a 300-character title with emoji everywhere is cut at every length, then no result is malformed or too long', () => {
    const title = '🎬 Émile’s 👨‍👩‍👧 journey 🇫🇷 '.repeat(12);
    for (let max = 0; max <= 320; max++) {
      const out = clip(title, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.isWellFormed()).toBe(true);
    }
  });

  it('when cut without an ellipsis, then it is the longest whole prefix', () => {
    expect(cut('ab😀', 3)).toBe('ab');
  });
});

describe('cleanText and storable: text from outside made safe to store', () => {
  it('when text carries NUL and other control characters, then they are removed and tab and newline kept', () => {
    expect(cleanText('a\u0000b\u0007c\td\ne\u007f')).toBe('abc\td\ne');
  });

  it('when text is stored with a limit, then it is cleaned first and cut whole', () => {
    expect(storable('\u0000abc😀', 4)).toBe('abc');
  });
});

describe('what a person typed, quoted back in a refusal, is cut whole', () => {
  const family = '👨‍👩‍👧‍👦';
  const messageOf = (f: () => unknown): string => {
    try {
      f();
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('expected a refusal');
  };
  it.each([
    ['an unknown language', () => normaliseLocale(`x${'🇯🇵'.repeat(5)}`)],
    ['an unreadable screening time', () => parseScreeningTime(`x${family.repeat(4)}`, 'UTC', new Date(0))],
  ])('when %s carries an emoji across the cut, then the refusal quotes it without half an emoji', (_name, f) => {
    const message = messageOf(f);
    expect(message.isWellFormed()).toBe(true);
    expect(message).not.toMatch(/\u200d"/); // a family cut at a joiner
    expect(message).not.toMatch(/(?<!\p{Regional_Indicator})\p{Regional_Indicator}"/u); // half a flag
  });
});
