import { describe, expect, it } from 'vitest';
import {
  blendVersion,
  exploreWeights,
  type LoggedImpression,
  labelFor,
  pairwiseAuc,
  refitBlendWeights,
} from '../../src/recommender/blend-learning.ts';

/** A deterministic pseudo-random sequence (the engine takes randomness as an argument; so do these tests). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A log where users like films that `item_knn` scored high and `popularity` is noise. */
function constructedLog(users: number, perUser: number, truth: (s: Record<string, number>) => number) {
  const rnd = lcg(7);
  const log: LoggedImpression[] = [];
  let t = 0;
  for (let u = 0; u < users; u++) {
    for (let i = 0; i < perUser; i++) {
      const sourceScores = {
        content: rnd(),
        user_knn: rnd(),
        item_knn: rnd(),
        ease: rnd(),
        popularity: rnd(),
      };
      const p = truth(sourceScores);
      const label = p > 0.6 ? 1 : p < 0.4 ? 0 : null;
      log.push({ userId: `u${u}`, shownAt: t++, sourceScores, label });
    }
  }
  return log;
}

const equal = { content: 0.2, user_knn: 0.2, item_knn: 0.2, ease: 0.2, popularity: 0.2 };

describe('blend learning', () => {
  it('when feedback follows one source, then the re-fit moves weight to it and is adopted on the held-out log', () => {
    const log = constructedLog(40, 20, (s) => (s.item_knn as number) * 0.8 + (s.ease as number) * 0.2);
    const r = refitBlendWeights(log, { global: popularityHeavy() }, { minPairs: 50 });
    expect(r.adoptedGlobal).toBe(true);
    expect(r.report.candidateHoldoutAuc as number).toBeGreaterThan(r.report.currentHoldoutAuc as number);
    expect(r.global.popularity).toBeLessThan(0.5); // from 0.8 (damped: half-way per re-fit)
    expect(r.global.item_knn).toBeGreaterThan(0.25); // from 0.05
    const sum = Object.values(r.global).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 9);
  });

  it('when the current weights are already right, then nothing is adopted', () => {
    const log = constructedLog(40, 20, (s) => s.content as number);
    const r = refitBlendWeights(
      log,
      { global: { content: 1, user_knn: 0, item_knn: 0, ease: 0, popularity: 0 } },
      { minPairs: 50 },
    );
    expect(r.adoptedGlobal).toBe(false);
    expect(r.global.content).toBe(1);
  });

  it('when there is too little feedback, then the weights stay as they are', () => {
    const log = constructedLog(2, 5, (s) => s.item_knn as number);
    const r = refitBlendWeights(log, { global: equal });
    expect(r).toMatchObject({ adoptedGlobal: false, changed: false });
    expect(r.global).toEqual(equal);
  });

  it('when one user likes something else than everyone, then that user gets personal weights', () => {
    const crowd = constructedLog(30, 20, (s) => s.item_knn as number);
    const loner = constructedLog(1, 80, (s) => s.popularity as number).map((i) => ({ ...i, userId: 'loner' }));
    const r = refitBlendWeights([...crowd, ...loner], { global: equal }, { minPairs: 50 });
    expect(r.perUser.get('loner')?.popularity).toBeGreaterThan(0.4);
    expect(r.global.item_knn).toBeGreaterThan(r.global.popularity as number);
  });

  it('when the log is below the default sample size, then the global weights stay even if a re-fit would win', () => {
    const log = constructedLog(40, 20, (s) => (s.item_knn as number) * 0.8 + (s.ease as number) * 0.2);
    const r = refitBlendWeights(log, { global: popularityHeavy() });
    expect(r.adoptedGlobal).toBe(false);
    expect(r.global).toEqual(popularityHeavy());
  });

  it('when pairs are ordered, then the AUC counts them and ties count half', () => {
    const pairs = { n: 3, dims: 2, d: Float64Array.from([1, 0, -1, 0, 0, 0]) };
    expect(pairwiseAuc(pairs, [1, 0])).toBeCloseTo(0.5);
    expect(pairwiseAuc({ n: 0, dims: 2, d: new Float64Array() }, [1, 0])).toBeNull();
  });

  it.each([
    [['up'], null, 1],
    [['down'], 5, 0],
    [['not_interested'], null, 0],
    [['seen'], 4.5, 1],
    [['seen'], 2, 0],
    [[], 3, null],
  ] as const)('when feedback is %j and a later rating %s, then the label is %s', (kinds, rating, label) => {
    expect(labelFor(kinds, rating)).toBe(label);
  });

  it('when weights differ, then their versions differ; equal weights give equal versions', () => {
    expect(blendVersion(equal)).toBe(blendVersion({ ...equal }));
    expect(blendVersion(equal)).not.toBe(blendVersion(popularityHeavy()));
  });
});

function popularityHeavy() {
  return { content: 0.05, user_knn: 0.05, item_knn: 0.05, ease: 0.05, popularity: 0.8 };
}

describe('exploration over the blend weights', () => {
  const w = { content: 0.4, user_knn: 0.1, item_knn: 0.1, ease: 1, popularity: 0.05 };

  it('when σ is 0, then the weights are unchanged and no randomness is drawn', () => {
    let draws = 0;
    expect(
      exploreWeights(w, 0, () => {
        draws++;
        return 0.5;
      }),
    ).toEqual(w);
    expect(draws).toBe(0);
  });

  it('when σ > 0, then each weight is scaled by a log-normal factor: same draws, same weights; spread as asked', () => {
    expect(exploreWeights(w, 0.4, lcg(7))).toEqual(exploreWeights(w, 0.4, lcg(7)));
    const rand = lcg(11);
    const logs: number[] = [];
    for (let t = 0; t < 4000; t++) logs.push(Math.log((exploreWeights(w, 0.4, rand).ease ?? 0) / w.ease));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeGreaterThan(0.36);
    expect(sd).toBeLessThan(0.44);
    for (const x of Object.values(exploreWeights(w, 0.4, rand))) expect(x).toBeGreaterThan(0);
  });
});
