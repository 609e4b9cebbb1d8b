// node scripts/recommender/cold-content.ts — content-model variants for cold users (issue 15, protocol c), compared on
// validation only. Protocol (c)'s training data (ml-latest-small, TMDB 5000 metadata and stand-in TMDB lists, seed
// 42); a validation split carved from it as `tuneOnTraining` does; every validation user seen through ≤ 5 of their
// training films. For each variant of the content score, the cold blend weights are tuned by coordinate ascent on
// validation nDCG@10, once with and once without TMDB's lists; the test figure (the 137 cold users, their 5 training
// ratings) is printed for the record, never used to choose. "without content" is the same search with content and
// the lists at 0. EASE λ = 100 (what validation chose for protocol c).
import { zNormalise } from '../../src/recommender/blend.ts';
import { contentProfile, scoreContent } from '../../src/recommender/content.ts';
import { DEFAULT_EASE } from '../../src/recommender/ease.ts';
import { buildHybrid, type HybridModel } from '../../src/recommender/model.ts';
import type { UserEvidence } from '../../src/recommender/types.ts';
import { ascent, blendNdcg, cacheUsers, coldProtocol } from './cold-validation.ts';
import { progress } from './common.ts';

type Variant = (m: HybridModel, ev: UserEvidence) => Float32Array | null;

/** Content scores from a profile Σ coef × film vector. */
function fromCoefficients(m: HybridModel, items: Int32Array, coef: ArrayLike<number>): Float32Array {
  const c = m.content!;
  const p = new Float64Array(c.featureNames.length);
  const v = c.vectors;
  for (let t = 0; t < items.length; t++) {
    const it = items[t]!;
    for (let k = v.ptr[it]!; k < v.ptr[it + 1]!; k++) p[v.cols[k]!]! += coef[t]! * v.vals[k]!;
  }
  const out = new Float32Array(m.items.length);
  scoreContent(c, p, out);
  return out;
}

/** The served profile with the given stars (NaN = watched without stars). */
function served(m: HybridModel, ev: UserEvidence, ratings: Float32Array): Float32Array {
  const out = new Float32Array(m.items.length);
  scoreContent(m.content!, contentProfile(m.content!, ev.items, ratings), out);
  return out;
}

/** Coefficients centred on the user's mean shrunk towards `prior` with weight `k` (a few all-high answers stay positive). */
const shrunkMean =
  (k: number, prior: number, presence: number): Variant =>
  (m, ev) => {
    let s = 0;
    let n = 0;
    for (const r of ev.ratings)
      if (!Number.isNaN(r)) {
        s += r;
        n++;
      }
    const mean = (s + k * prior) / (n + k);
    return fromCoefficients(
      m,
      ev.items,
      Array.from(ev.ratings, (r) => (Number.isNaN(r) ? presence + 0.2 : presence + (r - mean))),
    );
  };

/** Content score × log(1 + raters): content among the films people here watch. */
const popularityWeighted =
  (f: Variant): Variant =>
  (m, ev) => {
    const o = f(m, ev) ?? served(m, ev, ev.ratings);
    for (let i = 0; i < o.length; i++) o[i] = o[i]! * Math.log1p(m.popularity.counts[i]!);
    return o;
  };

/** Neighbours found by content: users whose content profile (Σ film vectors) is closest; score Σ sim^pw over their films. */
const contentNeighbours = (K: number, pw: number): Variant => {
  const cache = new WeakMap<HybridModel, { prof: Float32Array[]; norms: Float64Array }>();
  const profiles = (m: HybridModel) => {
    let c = cache.get(m);
    if (c) return c;
    const F = m.content!.featureNames.length;
    const v = m.content!.vectors;
    const prof: Float32Array[] = [];
    const norms = new Float64Array(m.userIds.length);
    for (let u = 0; u < m.userIds.length; u++) {
      const p = new Float32Array(F);
      for (let k = m.byUser.ptr[u]!; k < m.byUser.ptr[u + 1]!; k++) {
        const it = m.byUser.cols[k]!;
        for (let e = v.ptr[it]!; e < v.ptr[it + 1]!; e++) p[v.cols[e]!]! += v.vals[e]!;
      }
      let s = 0;
      for (let f = 0; f < F; f++) s += p[f]! * p[f]!;
      norms[u] = Math.sqrt(s) || 1;
      prof.push(p);
    }
    c = { prof, norms };
    cache.set(m, c);
    return c;
  };
  return (m, ev) => {
    const { prof, norms } = profiles(m);
    const v = m.content!.vectors;
    const q = new Map<number, number>();
    for (const it of ev.items)
      for (let e = v.ptr[it]!; e < v.ptr[it + 1]!; e++) q.set(v.cols[e]!, (q.get(v.cols[e]!) ?? 0) + v.vals[e]!);
    const sims: [number, number][] = [];
    for (let u = 0; u < prof.length; u++) {
      if (u === ev.selfIndex) continue;
      let s = 0;
      for (const [f, x] of q) s += x * prof[u]![f]!;
      sims.push([u, s / norms[u]!]);
    }
    sims.sort((a, b) => b[1] - a[1]);
    const out = new Float32Array(m.items.length);
    for (const [u, s] of sims.slice(0, K)) {
      const w = Math.max(0, s) ** pw;
      for (let k = m.byUser.ptr[u]!; k < m.byUser.ptr[u + 1]!; k++) out[m.byUser.cols[k]!]! += w;
    }
    return out;
  };
};

const VARIANTS: Record<string, Variant> = {
  'served (stars − own mean + 0.3)': () => null,
  'presence only (every film +1)': (m, ev) =>
    served(
      m,
      ev,
      ev.ratings.map(() => Number.NaN),
    ),
  'mean shrunk to 3★ (k 5)': shrunkMean(5, 3, 0.3),
  'mean shrunk to 3.5★ (k 5)': shrunkMean(5, 3.5, 0.3),
  'mean shrunk to 3★, presence 1': shrunkMean(5, 3, 1),
  'served × log raters': popularityWeighted(() => null),
  'presence × log raters': popularityWeighted((m, ev) =>
    served(
      m,
      ev,
      ev.ratings.map(() => Number.NaN),
    ),
  ),
  'content neighbours, 50': contentNeighbours(50, 1),
  'content neighbours, 20': contentNeighbours(20, 1),
  'content neighbours, 100, sim²': contentNeighbours(100, 2),
};

const seed = 42;
const { coldUsers, train, tests, val } = coldProtocol(seed);

const ease = { ...DEFAULT_EASE, lambda: 100 };
const valModel = buildHybrid(val.train, { ease });
const valUsers = cacheUsers(valModel, val.users, 5, true, seed);
const testModel = buildHybrid(train, { ease });
const testUsers = cacheUsers(testModel, Array.from(coldUsers), Number.MAX_SAFE_INTEGER, false, seed);
progress(`${valUsers.length} validation users (≤ 5 films each), ${testUsers.length} cold test users`);
for (const [name, variant] of Object.entries(VARIANTS))
  for (const [model, users] of [
    [valModel, valUsers],
    [testModel, testUsers],
  ] as const)
    for (const c of users) {
      const raw = variant(model, c.ev);
      c.z[name] = raw ? zNormalise(raw, c.excluded) : c.z.content;
    }
const bare = ascent((w) => blendNdcg(valModel, valUsers, val.tests, w, 'content'), new Set(['content', 'related']));
const bareTest = blendNdcg(testModel, testUsers, tests, bare.w, 'content');
console.log('| content score | validation nDCG@10 | test | without the lists: validation | test |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| none (content and lists at 0) | ${bare.best.toFixed(4)} | ${bareTest.toFixed(4)} | | |`);
for (const name of Object.keys(VARIANTS)) {
  const withLists = ascent((w) => blendNdcg(valModel, valUsers, val.tests, w, name), new Set());
  const noLists = ascent((w) => blendNdcg(valModel, valUsers, val.tests, w, name), new Set(['related']));
  console.log(
    `| ${name} | ${withLists.best.toFixed(4)} | ${blendNdcg(testModel, testUsers, tests, withLists.w, name).toFixed(4)} | ${noLists.best.toFixed(4)} | ${blendNdcg(testModel, testUsers, tests, noLists.w, name).toFixed(4)} |`,
  );
}
