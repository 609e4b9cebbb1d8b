import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.ts';
import { validateStars } from '../../src/services/rating-service.ts';
import { normaliseRegion } from '../../src/services/user-service.ts';
import { parseWatchedDate } from '../../src/services/watched-service.ts';

describe('validateStars', () => {
  it.each([0.5, 1, 2.5, 4.5, 5])('when stars are %s, then they are accepted', (s) => {
    expect(validateStars(s)).toBe(s);
  });
  it.each([0, 0.3, 2.25, 5.5, 6, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'when stars are %s, then a clear user-facing error explains the rule',
    (s) => {
      expect(() => validateStars(s)).toThrow(UserFacingError);
      expect(() => validateStars(s)).toThrow(/0.5 to 5 stars in half steps/);
    },
  );
});

describe('parseWatchedDate', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  it.each([
    [undefined, '2026-11-24'],
    ['', '2026-11-24'],
    ['today', '2026-11-24'],
    ['Yesterday', '2026-11-23'],
    ['2024-02-29', '2024-02-29'],
    ['1895-12-28', '1895-12-28'],
  ])('when the date is %j, then it becomes %s', (input, expected) => {
    expect(parseWatchedDate(input, now)).toBe(expected);
  });
  it.each([
    ['2023-02-29', /year-month-day/],
    ['31/05/2024', /year-month-day/],
    ['2026-11-25', /future/],
    ['1700-01-01', /before cinema/],
  ])('when the date is %s, then it is refused', (input, message) => {
    expect(() => parseWatchedDate(input, now)).toThrow(message);
  });
});

describe('normaliseRegion', () => {
  it('when a region is lower case, then it is upper-cased', () => expect(normaliseRegion(' gb ')).toBe('GB'));
  it('when a region is not two letters, then it is refused', () => {
    expect(() => normaliseRegion('GBR')).toThrow(/two-letter country code/);
  });
});
