import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_LIMITS,
  imdbToStars,
  readImportUpload,
  type SourceChoice,
} from '../../src/services/import/read-upload.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

const RATINGS =
  'Date,Name,Year,Letterboxd URI,Rating\n2024-01-02,Amélie,2001,https://boxd.it/1,4.5\n2024-01-03,Heat,1995,https://boxd.it/2,5\n';
const DIARY =
  'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n' +
  '2024-02-01,Heat,1995,https://boxd.it/3,5,,,2024-01-31\n' +
  '2024-03-01,Heat,1995,https://boxd.it/4,4.5,Yes,,2024-02-28\n';
const WATCHED = 'Date,Name,Year,Letterboxd URI\n2023-05-05,"Crouching Tiger, Hidden Dragon",2000,https://boxd.it/5\n';
const WATCHLIST = 'Date,Name,Year,Letterboxd URI\n2023-06-06,Alien,1979,https://boxd.it/6\n';
const IMDB_RATINGS =
  'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n' +
  'tt0113277,8,2020-01-01,Heat,Heat,https://www.imdb.com/title/tt0113277/,Movie,8.3,170,1995,Crime,700000,1995-12-15,Michael Mann\n' +
  'tt0903747,10,2020-01-02,Breaking Bad,Breaking Bad,https://www.imdb.com/title/tt0903747/,TV Series,9.5,49,2008,Drama,2000000,2008-01-20,\n';

function letterboxdZip(files: Record<string, string>, folder = ''): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [`${folder}${n}`, strToU8(t)])));
}

describe('reading an import upload', () => {
  it('when a Letterboxd ZIP holds all four lists, then every row comes out with its kind, stars and dates', () => {
    const zip = letterboxdZip(
      {
        'ratings.csv': RATINGS,
        'diary.csv': DIARY,
        'watched.csv': WATCHED,
        'watchlist.csv': WATCHLIST,
        'profile.csv': 'x',
      },
      'letterboxd-alice-2026-11-30/',
    );
    const parsed = readImportUpload(zip, 'letterboxd-alice.zip');
    expect(parsed.source).toBe('letterboxd');
    expect(parsed.files).toEqual(['ratings.csv', 'diary.csv', 'watched.csv', 'watchlist.csv']);
    expect(parsed.rows.map((r) => [r.kind, r.title, r.year, r.stars, r.date, r.rewatch])).toEqual([
      ['rating', 'Amélie', 2001, 4.5, '2024-01-02', false],
      ['rating', 'Heat', 1995, 5, '2024-01-03', false],
      ['diary', 'Heat', 1995, 5, '2024-01-31', false],
      ['diary', 'Heat', 1995, 4.5, '2024-02-28', true],
      ['watched', 'Crouching Tiger, Hidden Dragon', 2000, null, '2023-05-05', false],
      ['watchlist', 'Alien', 1979, null, '2023-06-06', false],
    ]);
  });

  it('when the ZIP also has deleted/ and orphaned/ copies, then only the top-level lists are read', () => {
    const zip = zipSync({
      'ratings.csv': strToU8(RATINGS),
      'deleted/ratings.csv': strToU8(RATINGS.replace('Heat', 'Nope')),
    });
    expect(readImportUpload(zip, 'export.zip').rows.map((r) => r.title)).toEqual(['Amélie', 'Heat']);
  });

  it('when one Letterboxd CSV is uploaded, then its name tells watched from watchlist', () => {
    expect(readImportUpload(utf8(WATCHLIST), 'watchlist.csv').rows[0]?.kind).toBe('watchlist');
    expect(readImportUpload(utf8(WATCHED), 'watched.csv').rows[0]?.kind).toBe('watched');
    expect(() => readImportUpload(utf8(WATCHED), 'export.csv')).toThrow(/watched\.csv or watchlist\.csv/);
  });

  it('when an IMDb ratings CSV is uploaded, then 1–10 become half stars and TV series are skipped with a reason', () => {
    const parsed = readImportUpload(utf8(IMDB_RATINGS), 'ratings.csv');
    expect(parsed.source).toBe('imdb');
    expect(parsed.rows[0]).toMatchObject({ imdbId: 'tt0113277', stars: 4, date: '2020-01-01', kind: 'rating' });
    expect(parsed.rows[1]?.skip).toEqual({ k: 'tv', type: 'TV Series' });
  });

  it.each([
    [1, 0.5],
    [2, 1],
    [7, 3.5],
    [10, 5],
    [0, null],
    [11, null],
    [7.5, null],
  ])('when IMDb says %s, then Marquee stores %s stars', (imdb, stars) => {
    expect(imdbToStars(imdb)).toBe(stars);
  });

  it('when an IMDb watchlist is uploaded, then rows go to the watchlist', () => {
    const csv =
      'Position,Const,Created,Modified,Description,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n' +
      '1,tt0078748,2021-03-04,2021-03-04,,Alien,Alien,https://www.imdb.com/title/tt0078748/,Movie,8.5,117,1979,Horror,900000,1979-05-25,Ridley Scott\n';
    expect(readImportUpload(utf8(csv), 'WATCHLIST.csv').rows).toEqual([
      expect.objectContaining({ kind: 'watchlist', imdbId: 'tt0078748', date: '2021-03-04', title: 'Alien' }),
    ]);
  });

  it.each([
    [
      'a PNG',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'poster.png',
      /not a CSV or a ZIP/,
    ],
    ['text that is not an export', utf8('id,name,score\n1,x,2\n'), 'scores.csv', /don't recognise the columns/],
    [
      'Latin-1 instead of UTF-8',
      new Uint8Array([...utf8('Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Am'), 0xe9, ...utf8('lie,2001,u,4\n')]),
      'ratings.csv',
      /not UTF-8/,
    ],
    ['an empty file', new Uint8Array(), 'ratings.csv', /empty/],
    [
      'a broken quote',
      utf8('Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,"Heat,1995,u,4\n'),
      'ratings.csv',
      /not a readable CSV/,
    ],
    ['a ZIP without Letterboxd lists', zipSync({ 'notes.txt': strToU8('hi') }), 'export.zip', /none of Letterboxd/],
    ['a .zip name on something else', utf8('hello'), 'export.zip', /not a readable ZIP/],
    ['the wrong source chosen', utf8(RATINGS), 'ratings.csv', /Letterboxd export, not IMDb/, 'imdb' as const],
  ])(
    'when the upload is %s, then it is refused with a clear message',
    (_name, bytes, fileName, message, source?: SourceChoice) => {
      expect(() => readImportUpload(bytes, fileName, source ?? 'auto')).toThrow(message);
    },
  );

  it('when the upload is over the size limit, then it is refused before it is read', () => {
    const big = new Uint8Array(IMPORT_LIMITS.maxUploadBytes + 1).fill(0x61);
    expect(() => readImportUpload(big, 'ratings.csv')).toThrow(/limited to 8 MB/);
  });

  it('when a file has 100,000 rows, then it is refused', () => {
    const lines = ['Date,Name,Year,Letterboxd URI,Rating'];
    for (let i = 0; i < 100_000; i++) lines.push(`2024-01-01,Film ${i},2000,u,3`);
    expect(() => readImportUpload(utf8(lines.join('\n')), 'ratings.csv')).toThrow(/more than 20,000 rows/);
  });

  it('when a ZIP inflates past the limit (a ZIP bomb), then reading stops and it is refused', () => {
    const limits = { ...IMPORT_LIMITS, maxUnzippedBytes: 1024 * 1024 };
    const bomb = zipSync({ 'ratings.csv': new Uint8Array(5 * 1024 * 1024).fill(0x20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => readImportUpload(bomb, 'export.zip', 'auto', limits)).toThrow(/unpacks to more than 1 MB/);
  });

  it('when a ZIP understates its sizes, then the bytes actually inflated are what count', () => {
    const limits = { ...IMPORT_LIMITS, maxUnzippedBytes: 1024 * 1024 };
    const bomb = zipSync({ 'ratings.csv': new Uint8Array(3 * 1024 * 1024).fill(0x20) });
    // Rewrite the declared uncompressed size (local header offset 22, central directory +24) to 100 bytes.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    view.setUint32(22, 100, true);
    for (let i = bomb.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 100, true);
        break;
      }
    }
    expect(() => readImportUpload(bomb, 'export.zip', 'auto', limits)).toThrow(/unpacks to more than|damaged/);
  });
});
