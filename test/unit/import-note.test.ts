// The unmatched-rows CSV's notes: stored as data, worded in the reader's language, English column names.
import { describe, expect, it } from 'vitest';
import { importNoteText, unmatchedCsv } from '../../src/bot/import-render.ts';
import type { ImportRow } from '../../src/entities/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { decodeNotes, encodeNotes, type ImportNote } from '../../src/services/import/import-note.ts';

const ALL: ImportNote[] = [
  { k: 'no_title' },
  { k: 'no_film' },
  { k: 'closest', film: 'Zorro Returns (1998)', sure: 0.42 },
  { k: 'could_be', first: 'Hamlet (1948)', second: 'Hamlet (1996)', addYear: true },
  { k: 'tmdb_off' },
  { k: 'no_imdb', id: 'tt0000001' },
  { k: 'bad_stars', raw: '7' },
  { k: 'bad_imdb', raw: '11' },
  { k: 'tv', type: 'TV Series' },
];

describe('import notes', () => {
  it('when a note is stored and read back, then it is the same data, and it fits the 300-character column', () => {
    expect(decodeNotes(encodeNotes(ALL.slice(0, 3)))).toEqual(ALL.slice(0, 3));
    const long = '"'.repeat(300);
    const stored = encodeNotes([
      { k: 'no_imdb', id: 'tt1' },
      { k: 'could_be', first: long, second: long, addYear: false },
    ]);
    expect(stored.length).toBeLessThanOrEqual(300);
    expect(decodeNotes(stored)).toMatchObject([{ k: 'could_be', addYear: false }]);
  });

  it('when a note was stored as English text before notes were data, then it is shown as it is', () => {
    expect(importNoteText(translator('de'), 'no film with that title')).toBe('no film with that title');
  });

  it.each(LOCALES.filter((l) => l !== 'en-US'))(
    'when the %s reader gets the CSV, then every note is in %s',
    (locale) => {
      const en = translator('en-US');
      const tr = translator(locale);
      for (const n of ALL) {
        const text = importNoteText(tr, encodeNotes([n]));
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toBe(importNoteText(en, encodeNotes([n])));
      }
    },
  );

  it('when the CSV is written, then its columns are English and the note is the reader’s', () => {
    const row = {
      file: 'ratings.csv',
      line: 4,
      title: 'Hamlet',
      year: null,
      imdbId: null,
      status: 'ambiguous',
      confidence: 0.91,
      note: encodeNotes([ALL[3] as ImportNote]),
    } as unknown as ImportRow;
    const csv = unmatchedCsv(translator('fr'), [row]).split('\n');
    expect(csv[0]).toBe('file,line,title,year,imdb_id,status,confidence,note');
    expect(csv[1]).toBe(
      'ratings.csv,4,Hamlet,,,ambiguous,0.91,peut-être Hamlet (1948) ou Hamlet (1996) (ajoute l’année)',
    );
    expect(unmatchedCsv(translator('en-US'), [row]).split('\n')[1]).toContain(
      'could be Hamlet (1948) or Hamlet (1996) (add the year)',
    );
  });
});
