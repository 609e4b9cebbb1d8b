import { describe, expect, it } from 'vitest';
import { concentration, gini } from '../../../src/recommender/concentration.ts';

describe('concentration of lists', () => {
  it('when every user gets the same list, then the top film is in all of them and overlap is total', () => {
    const c = concentration(
      [
        [0, 1],
        [0, 1],
        [1, 0],
      ],
      4,
    );
    expect(c.topFilmShare).toBe(1);
    expect(c.meanJaccard).toBe(1);
    expect(c.gini).toBeCloseTo(0.5, 6); // two of four films take all exposure
  });

  it('when lists are disjoint, then overlap is zero and the top film reaches one user in three', () => {
    const c = concentration(
      [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
      6,
    );
    expect(c.meanJaccard).toBe(0);
    expect(c.topFilmShare).toBeCloseTo(1 / 3, 9);
    expect(c.gini).toBe(0);
  });

  it('when two lists share one of three films, then their Jaccard overlap is 1/3', () => {
    expect(
      concentration(
        [
          [0, 1],
          [1, 2],
        ],
        3,
      ).meanJaccard,
    ).toBeCloseTo(1 / 3, 9);
  });

  it('when one value holds everything, then Gini is (n − 1) / n', () => {
    expect(gini([0, 0, 0, 8])).toBeCloseTo(0.75, 9);
    expect(gini([])).toBe(0);
  });
});
