import { describe, expect, it } from 'vitest';
import { type Candidate, chooseCandidate, normaliseTitle, titleSimilarity } from '../../src/services/import/match.ts';

const c = (
  id: number,
  title: string,
  year: number | null,
  voteCount = 100,
  originalTitle: string | null = null,
): Candidate => ({
  id,
  title,
  originalTitle,
  year,
  voteCount,
});

describe('import matching', () => {
  it.each([
    ['Amélie', 'amelie'],
    ['The Good, the Bad & the Ugly', 'good the bad and the ugly'],
    ["Schindler's List", 'schindlers list'],
    ['WALL·E', 'wall e'],
    ['  Crouching   Tiger,Hidden Dragon ', 'crouching tiger hidden dragon'],
  ])('when %s is normalised, then it reads %s', (input, out) => {
    expect(normaliseTitle(input)).toBe(out);
  });

  it('when titles differ only by accents and case, then they are the same', () => {
    expect(titleSimilarity('LÉON', 'Leon')).toBe(1);
  });

  it('when the title and year agree, then the film is matched with full confidence', () => {
    expect(chooseCandidate({ title: 'Heat', year: 1995 }, [c(949, 'Heat', 1995), c(1, 'Heat', 2013)])).toEqual({
      status: 'matched',
      movieId: 949,
      confidence: 1,
    });
  });

  it('when the row has accents the candidate lacks, then it still matches', () => {
    expect(chooseCandidate({ title: 'Amélie', year: 2001 }, [c(194, 'Amelie', 2001)])).toMatchObject({
      status: 'matched',
      movieId: 194,
    });
  });

  it('when only the original title matches, then it matches', () => {
    expect(
      chooseCandidate({ title: 'Le fabuleux destin d’Amélie Poulain', year: 2001 }, [
        c(194, 'Amélie', 2001, 10, 'Le Fabuleux Destin d’Amélie Poulain'),
      ]),
    ).toMatchObject({ status: 'matched', movieId: 194 });
  });

  it('when there is no year and two films share the title, then the row is ambiguous, not guessed', () => {
    const out = chooseCandidate({ title: 'Hamlet', year: null }, [c(1, 'Hamlet', 1948, 50), c(2, 'Hamlet', 1996, 500)]);
    expect(out).toMatchObject({ status: 'ambiguous' });
    expect(out.status !== 'matched' && out.notes).toMatchObject([{ k: 'could_be', addYear: true }]);
  });

  it('when there is no year and the title is unique, then it matches', () => {
    expect(
      chooseCandidate({ title: 'Inception', year: null }, [
        c(27205, 'Inception', 2010),
        c(9, 'Inception: The Cobol Job', 2010),
      ]),
    ).toMatchObject({ status: 'matched', movieId: 27205 });
  });

  it('when the best candidate is a different film, then the row is not found with the closest named', () => {
    const out = chooseCandidate({ title: 'Zorblax Returns', year: 2011 }, [c(5, 'Zorro Returns', 1998)]);
    expect(out.status).toBe('not_found');
    expect(out.status !== 'matched' && out.notes).toMatchObject([{ k: 'closest', film: 'Zorro Returns (1998)' }]);
  });

  it('when the year is one off, then the title still matches', () => {
    expect(chooseCandidate({ title: 'Heat', year: 1996 }, [c(949, 'Heat', 1995)])).toMatchObject({
      status: 'matched',
      movieId: 949,
    });
  });

  it('when there are no candidates, then the row is not found', () => {
    expect(chooseCandidate({ title: 'Heat', year: 1995 }, [])).toMatchObject({ status: 'not_found' });
  });
});
