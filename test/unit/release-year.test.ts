import { describe, expect, it } from 'vitest';
import { GENRES } from '../../src/commands/recommend.ts';
import { yearOf } from '../../src/release-year.ts';

describe('yearOf (the one home for a release year)', () => {
  it.each([
    ['1995-12-15', 1995],
    ['2001', 2001],
    [new Date('1972-03-14T00:00:00Z'), 1972],
    ['', null],
    [null, null],
    [undefined, null],
    ['0000-01-01', null],
    ['soon', null],
    [new Date('nope'), null],
    [1995, null],
  ] as const)('when the release date is %s, then the year is %s', (date, year) => {
    expect(yearOf(date)).toBe(year);
  });
});

describe('genres', () => {
  it('when /recommend offers genres, then they are TMDB’s movie genres without TV Movie, alphabetically', () => {
    expect(GENRES).toHaveLength(18);
    expect(GENRES[0]).toBe('Action');
    expect(GENRES).toContain('Science Fiction');
    expect(GENRES).not.toContain('TV Movie');
  });
});
