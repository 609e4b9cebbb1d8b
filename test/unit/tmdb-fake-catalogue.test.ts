import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_MOVIES, loadTmdb5000, TMDB_MOVIE_GENRES } from '../../fakes/tmdb/index.ts';
import { parseCsv, parseCsvObjects } from '../../src/data/csv.ts';

describe('parseCsv', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    ['a quoted comma', 'a,"b,c"\n', [['a', 'b,c']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    [
      'a newline inside quotes',
      '"line1\nline2",y\r\nz,w',
      [
        ['line1\nline2', 'y'],
        ['z', 'w'],
      ],
    ],
    ['empty fields', ',,\n', [['', '', '']]],
    ['a byte-order mark', '\ufeffid,title\n', [['id', 'title']]],
    ['a JSON column', '"[{""id"": 28, ""name"": ""Action""}]",1\n', [['[{"id": 28, "name": "Action"}]', '1']]],
  ])('when the input has %s, then fields come out exactly', (_name, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('when a quoted field never closes, then it throws', () => {
    expect(() => parseCsv('"open,field\n')).toThrow(/quote/i);
  });

  it('when records are read, then the header names the fields', () => {
    expect(parseCsvObjects('id,title\n949,Heat\n')).toEqual([{ id: '949', title: 'Heat' }]);
  });
});

describe('demo catalogue', () => {
  it('when loaded, then it has 60–100 films with unique ids, Heat among them', () => {
    expect(DEMO_MOVIES.length).toBeGreaterThanOrEqual(60);
    expect(DEMO_MOVIES.length).toBeLessThanOrEqual(100);
    expect(new Set(DEMO_MOVIES.map((m) => m.id)).size).toBe(DEMO_MOVIES.length);
    expect(DEMO_MOVIES.find((m) => m.id === 949)?.title).toBe('Heat');
  });

  it('when checked, then every film is facts only: no overview, known genres, sane numbers', () => {
    const genreIds = new Set(TMDB_MOVIE_GENRES.map((g) => g.id));
    for (const m of DEMO_MOVIES) {
      expect(m.overview, m.title).toBe('');
      expect(m.releaseDate, m.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(
        m.genreIds.every((g) => genreIds.has(g)),
        m.title,
      ).toBe(true);
      expect(m.directors.length, m.title).toBeGreaterThan(0);
      expect(m.cast.length, m.title).toBeGreaterThan(1);
      expect(m.runtime, m.title).toBeGreaterThan(60);
      expect(m.voteAverage, m.title).toBeLessThanOrEqual(10);
    }
  });

  it('when a person appears in several films, then their id always maps to the same name', () => {
    const names = new Map<number, string>();
    for (const m of DEMO_MOVIES) {
      for (const p of [...m.cast, ...m.directors]) {
        const seen = names.get(p.id);
        if (seen) expect(`${p.id} ${p.name}`).toBe(`${p.id} ${seen}`);
        names.set(p.id, p.name);
      }
    }
  });
});

const CSV = '../shared/data/tmdb/tmdb_5000_movies.csv.gz';
describe.skipIf(!existsSync(CSV))('TMDB 5000 loader', () => {
  it('when the shared CSV is read, then about 4,800 films load with genres and keywords', () => {
    const movies = loadTmdb5000(CSV);
    expect(movies.length).toBeGreaterThan(4_700);
    const avatar = movies.find((m) => m.id === 19995);
    expect(avatar?.title).toBe('Avatar');
    expect(avatar?.genreIds).toContain(878);
    expect(avatar?.keywords.length).toBeGreaterThan(5);
  });
});
