// The one home for cutting and cleaning text that people read or that we store.
//
// Cuts are grapheme-safe (Intl.Segmenter): a cut never splits an emoji, a flag, a letter from its accent, or a
// surrogate pair, so a label or title never ends in a broken character. Lengths are counted in UTF-16 code units,
// which is never less than the count of code points: a text that fits here fits any limit counted either way
// (Discord's message limits, PostgreSQL's varchar(n)).

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

/** `text` whole when it fits in `max` UTF-16 code units; else its longest grapheme-whole prefix that fits, plus `…`. */
export function clip(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const room = max - ellipsis.length;
  if (room <= 0) return ellipsis.slice(0, max);
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}${ellipsis}`;
}

/** Like `clip` but with no ellipsis: the longest grapheme-whole prefix that fits (for stored values). */
export function cut(text: string, max: number): string {
  return clip(text, max, '');
}

// NUL cannot be stored in PostgreSQL text (08P01 / 22021); the other C0 controls but tab and newline have no place
// in names and titles either.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text from outside (Discord names, TMDB, CSV files) made safe to store: control characters removed. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, '');
}

/** `cleanText` then `cut`: what every stored free-text column gets. */
export function storable(text: string, max: number): string {
  return cut(cleanText(text), max);
}
