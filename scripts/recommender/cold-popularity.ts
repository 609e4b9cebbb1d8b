// node scripts/recommender/cold-popularity.ts [--val-seeds 42,7,8] [--only 'name|name'] [--diagnose]
//                                             [--single-sources] [--json PATH]
// Content signals that work WITH popularity for cold users (issue 15, protocol c): popularity-carrying sources
// conditioned on content, release-year and genre co-lift, feature lift, a release-year kernel, the served content
// score reshaped. Compared on validation only: protocol (c)'s training data (cold-validation.ts), one validation
// split per `--val-seeds` seed carved from it as `tuneOnTraining` does (pooled: their mean), every validation user
// seen through ≤ 5 films, the cold blend re-tuned by coordinate ascent per variant. The test figure (the 137 cold
// users) is printed for the record, never used to choose. `--diagnose` asks why validation gives EASE weight 0 for
// cold users (EASE's λ, user-kNN's k). `--json` adds this run's rows to the file, so short locked runs share one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { blendScores, DEFAULT_BLEND, zNormalise } from '../../src/recommender/blend.ts';
import { buildEase, DEFAULT_EASE } from '../../src/recommender/ease.ts';
import { buildHybrid, type HybridModel } from '../../src/recommender/model.ts';
import { topK } from '../../src/recommender/topk.ts';
import { validationSplit } from '../../src/recommender/tuning.ts';
import { SOURCES } from '../../src/recommender/types.ts';
import { ascent, blendNdcg, type CachedUser, cacheUsers, coldProtocol } from './cold-validation.ts';
import { parseArgs, progress } from './common.ts';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    json: { type: 'string' },
    /** Why validation gives EASE weight 0 for cold users: EASE's λ and user-kNN's k, single and in the blend. */
    diagnose: { type: 'boolean', default: false },
    'val-seeds': { type: 'string', default: '42' },
    'single-sources': { type: 'boolean', default: false },
  },
});

/** A content-side signal for one cached user: z-scores over the candidates (replaces the content source). */
type Variant = (m: HybridModel, c: CachedUser) => Float32Array;

const clip =
  (lo: number, hi: number): Variant =>
  (_m, c) =>
    c.z.content!.map((x) => Math.min(hi, Math.max(lo, x)));

/** The served content score, kept only among the `n` films with the highest popularity prior (others 0). */
const gatedByPopularity = (n: number): Variant => {
  const cache = new WeakMap<HybridModel, Uint8Array>();
  return (m, c) => {
    let top = cache.get(m);
    if (!top) {
      top = new Uint8Array(m.items.length);
      for (const i of topK(m.popularity.prior, n, () => false)) top[i] = 1;
      cache.set(m, top);
    }
    const raw = new Float32Array(m.items.length);
    const mask = new Uint8Array(m.items.length);
    for (let i = 0; i < raw.length; i++) mask[i] = c.excluded[i] || !top[i] ? 1 : 0;
    const z = zNormalise(c.z.content!, mask);
    for (let i = 0; i < raw.length; i++) raw[i] = mask[i] ? 0 : z[i]!;
    return raw;
  };
};

/** Release-year kernel: Σ over the user's films of exp(−Δyears² / 2σ²). */
const era =
  (sigma: number): Variant =>
  (m, c) => {
    const ys = Array.from(c.ev.items, (i) => m.items[i]!.year).filter((y): y is number => y !== null);
    const out = new Float32Array(m.items.length);
    for (let i = 0; i < out.length; i++) {
      const y = m.items[i]!.year;
      if (y === null) continue;
      let s = 0;
      for (const t of ys) s += Math.exp(-((y - t) ** 2) / (2 * sigma * sigma));
      out[i] = s;
    }
    return zNormalise(out, c.excluded);
  };

/**
 * Feature lift: for each content feature f (of the kinds whose name starts with one of `prefixes`), the user's share
 * of films with f (shrunk towards the base share with weight α) over the base share among all interactions; a film
 * scores Σ log lift over its features the user has shown. Works with popularity: it says which kinds of film, not
 * which films.
 */
const lift = (prefixes: string[], alpha: number): Variant => {
  const cache = new WeakMap<HybridModel, { base: Float64Array; keep: Uint8Array }>();
  return (m, c) => {
    const v = m.content!.vectors;
    const F = m.content!.featureNames.length;
    let b = cache.get(m);
    if (!b) {
      const base = new Float64Array(F);
      let total = 0;
      for (let i = 0; i < v.nRows; i++) {
        const w = m.popularity.counts[i]!;
        total += w;
        for (let k = v.ptr[i]!; k < v.ptr[i + 1]!; k++) base[v.cols[k]!]! += w;
      }
      for (let f = 0; f < F; f++) base[f] = (base[f]! + 1) / (total + 1);
      const keep = Uint8Array.from(m.content!.featureNames, (n) => (prefixes.some((p) => n.startsWith(p)) ? 1 : 0));
      b = { base, keep };
      cache.set(m, b);
    }
    const nf = new Map<number, number>();
    const n = c.ev.items.length;
    for (const it of c.ev.items)
      for (let k = v.ptr[it]!; k < v.ptr[it + 1]!; k++) {
        const f = v.cols[k]!;
        if (b.keep[f]) nf.set(f, (nf.get(f) ?? 0) + 1);
      }
    const l = new Float64Array(F);
    for (const [f, cnt] of nf) {
      const p = b.base[f]!;
      l[f] = Math.log((cnt + alpha * p) / (n + alpha) / p);
    }
    const out = new Float32Array(m.items.length);
    for (let i = 0; i < out.length; i++) {
      let s = 0;
      for (let k = v.ptr[i]!; k < v.ptr[i + 1]!; k++) s += l[v.cols[k]!]!;
      out[i] = s;
    }
    return zNormalise(out, c.excluded);
  };
};

/**
 * Content-conditioned co-occurrence: each film falls in one or more buckets (its release year, its genres); from the
 * training users, how much likelier a bucket-b film is among the films of a user who has a bucket-a film than overall
 * (each user's bucket histogram normalised to 1, so heavy raters do not dominate). A film scores the mean log lift
 * from the user's films' buckets to its own: a popularity-free "people who watch films like yours also watch films
 * like this", to be added to (or multiplied into) the popularity-carrying sources.
 */
const coLiftScores = (bucketsOf: (m: HybridModel, i: number) => number[], nb: number) => {
  const cache = new WeakMap<HybridModel, { L: Float64Array; buckets: number[][] }>();
  return (m: HybridModel, items: Int32Array): Float32Array => {
    let b = cache.get(m);
    if (!b) {
      const buckets = m.items.map((_, i) => bucketsOf(m, i));
      const C = new Float64Array(nb * nb).fill(1e-3);
      const h = new Float64Array(nb);
      for (let u = 0; u < m.byUser.nRows; u++) {
        h.fill(0);
        let tot = 0;
        for (let k = m.byUser.ptr[u]!; k < m.byUser.ptr[u + 1]!; k++) {
          const bs = buckets[m.byUser.cols[k]!]!;
          for (const x of bs) h[x]! += 1 / bs.length;
          if (bs.length) tot++;
        }
        if (tot === 0) continue;
        const nz: number[] = [];
        for (let x = 0; x < nb; x++) if (h[x]) nz.push(x);
        for (const x of nz) for (const y of nz) C[x * nb + y]! += (h[x]! / tot) * (h[y]! / tot);
      }
      const col = new Float64Array(nb);
      const row = new Float64Array(nb);
      let total = 0;
      for (let x = 0; x < nb; x++)
        for (let y = 0; y < nb; y++) {
          row[x]! += C[x * nb + y]!;
          col[y]! += C[x * nb + y]!;
          total += C[x * nb + y]!;
        }
      const L = new Float64Array(nb * nb);
      for (let x = 0; x < nb; x++)
        for (let y = 0; y < nb; y++) L[x * nb + y] = Math.log(C[x * nb + y]! / row[x]! / (col[y]! / total));
      b = { L, buckets };
      cache.set(m, b);
    }
    const own: number[][] = Array.from(items, (i) => b.buckets[i]!).filter((x) => x.length > 0);
    const out = new Float32Array(m.items.length);
    if (own.length === 0) return out;
    for (let i = 0; i < out.length; i++) {
      const bi = b.buckets[i]!;
      if (!bi.length) continue;
      let s = 0;
      for (const bt of own) {
        let t = 0;
        for (const x of bt) for (const y of bi) t += b.L[x * nb + y]!;
        s += t / (bt.length * bi.length);
      }
      out[i] = s / own.length;
    }
    return out;
  };
};

const YEAR0 = 1900;
const yearBuckets = (width: number) => {
  const nb = Math.ceil((2030 - YEAR0) / width);
  return coLiftScores((m, i) => {
    const y = m.items[i]!.year;
    return y === null ? [] : [Math.min(nb - 1, Math.max(0, Math.floor((y - YEAR0) / width)))];
  }, nb);
};
const GENRES = new Map<string, number>();
const genreBuckets = coLiftScores((m, i) => {
  return m.items[i]!.genres.map((g) => {
    let id = GENRES.get(g);
    if (id === undefined) {
      id = GENRES.size;
      GENRES.set(g, id);
    }
    return id;
  });
}, 64);

const yearBuckets3 = yearBuckets(3);
const yearBuckets1 = yearBuckets(1);

const additive =
  (f: (m: HybridModel, items: Int32Array) => Float32Array): Variant =>
  (m, c) =>
    zNormalise(f(m, c.ev.items), c.excluded);

/** A popularity-carrying source (its z-scores shifted to be ≥ 0) × exp(β × lift score), z-normalised again. */
const gated =
  (src: string, f: (m: HybridModel, items: Int32Array) => Float32Array, beta: number): Variant =>
  (m, c) => {
    const z = c.z[src]!;
    const s = f(m, c.ev.items);
    let lo = Number.POSITIVE_INFINITY;
    for (let i = 0; i < z.length; i++) if (!c.excluded[i] && z[i]! < lo) lo = z[i]!;
    const out = new Float32Array(z.length);
    for (let i = 0; i < z.length; i++) out[i] = (z[i]! - lo) * Math.exp(beta * s[i]!);
    return zNormalise(out, c.excluded);
  };

/** Rank transform of the served content score: its percentile among candidates, as a z-like value in [−1.7, 1.7]. */
const ranked: Variant = (_m, c) => {
  const z = c.z.content!;
  const idx = Array.from(z.keys()).filter((i) => !c.excluded[i]);
  idx.sort((a, b) => z[a]! - z[b]!);
  const out = new Float32Array(z.length);
  idx.forEach((i, r) => {
    out[i] = ((r + 0.5) / idx.length - 0.5) * Math.sqrt(12);
  });
  return out;
};

const VARIANTS: Record<string, Variant> = {
  served: (_m, c) => c.z.content!,
  'served, z clipped to [−3, 3]': clip(-3, 3),
  'served, z clipped to [−2, 2]': clip(-2, 2),
  'served, z clipped to [−1, 1]': clip(-1, 1),
  'served, rank transform': ranked,
  'served among the 200 most popular': gatedByPopularity(200),
  'served among the 500 most popular': gatedByPopularity(500),
  'served among the 1,500 most popular': gatedByPopularity(1500),
  'era σ 3 years': era(3),
  'era σ 6 years': era(6),
  'era σ 12 years': era(12),
  'lift: genres + decade, α 2': lift(['g:', 'y:'], 2),
  'lift: genres + decade, α 5': lift(['g:', 'y:'], 5),
  'lift: all features, α 2': lift(['g:', 'y:', 'k:', 'c:', 'd:', 'l:', 's:'], 2),
  'lift: decade only, α 2': lift(['y:'], 2),
  'year co-lift (1 y)': additive(yearBuckets1),
  'year co-lift (3 y)': additive(yearBuckets3),
  'genre co-lift': additive(genreBuckets),
  'user-kNN × exp(year co-lift, 3 y)': gated('user_knn', yearBuckets(3), 1),
  'user-kNN × exp(2 × year co-lift, 3 y)': gated('user_knn', yearBuckets(3), 2),
  'user-kNN × exp(genre co-lift)': gated('user_knn', genreBuckets, 1),
  'user-kNN × exp(2 × genre co-lift)': gated('user_knn', genreBuckets, 2),
  'year co-lift (5 y)': additive(yearBuckets(5)),
  'year + genre co-lift (3 y)': additive((m, it) => {
    const a = yearBuckets3(m, it);
    const b = genreBuckets(m, it);
    return a.map((x, i) => x + b[i]!);
  }),
  'era σ 6 years + year co-lift (1 y) + genre co-lift': (m, c) => {
    const parts = [era(6)(m, c), additive(yearBuckets1)(m, c), additive(genreBuckets)(m, c)];
    return zNormalise(
      parts[0]!.map((x, i) => x + parts[1]![i]! + parts[2]![i]!),
      c.excluded,
    );
  },
  'user-kNN × exp(0.3 × content z)': (m, c) => {
    const s = c.z.content!;
    return gated('user_knn', () => s, 0.3)(m, c);
  },
};

const ALL = [...SOURCES, 'extra'] as const;
const ALL_ON = {
  ...DEFAULT_BLEND,
  warm: Object.fromEntries(SOURCES.map((s) => [s, 1])),
  cold: Object.fromEntries(SOURCES.map((s) => [s, 1])),
};

function ndcg(m: HybridModel, users: readonly CachedUser[], tests: readonly Int32Array[], w: Record<string, number>) {
  return blendNdcg(m, users, tests, w, 'content', ALL);
}

const seed = 42;
const valSeeds = args['val-seeds'].split(',').map(Number);
const { coldUsers, train, tests } = coldProtocol(seed);
const ease = { ...DEFAULT_EASE, lambda: 100 };
const testModel = buildHybrid(train, { ease });
const testUsers = cacheUsers(testModel, Array.from(coldUsers), Number.MAX_SAFE_INTEGER, false, seed);
/** One validation split per seed (each carved from protocol (c)'s training data), its model and cached users. */
const vals = valSeeds.map((vs) => {
  const v = validationSplit(train, vs);
  const model = buildHybrid(v.train, { ease });
  progress(`validation seed ${vs}: built`);
  return { seed: vs, model, users: cacheUsers(model, v.users, 5, true, vs), tests: v.tests };
});
progress(`${vals.length} validation splits, ${testUsers.length} cold test users`);
/** Validation nDCG@10 pooled over the splits (their mean), and each split's. */
const onVal = (w: Record<string, number>) =>
  vals.reduce((a, v) => a + ndcg(v.model, v.users, v.tests, w), 0) / vals.length;
const perSplit = (w: Record<string, number>) => vals.map((v) => ndcg(v.model, v.users, v.tests, w));

const start = { content: 0.5, popularity: 1, item_knn: 0.2, ease: 0.2, user_knn: 1, related: 0.2, extra: 0 };
if (args['single-sources'])
  for (const s of SOURCES)
    console.log(
      `single source ${s}: validation ${onVal({ [s]: 1 }).toFixed(4)} test ${ndcg(testModel, testUsers, tests, { [s]: 1 }).toFixed(4)}`,
    );
const started = new Date().toISOString();
const load1m = () => +loadavg()[0]!.toFixed(2);
const loadStart = load1m();
const diagnosis: object[] = [];
const rows: object[] = [];
if (args.diagnose) {
  const keep = vals.map((v) => v.users.map((c) => ({ ease: c.z.ease, user_knn: c.z.user_knn })));
  const restore = () => {
    for (const [k, v] of vals.entries())
      for (const [j, c] of v.users.entries()) {
        c.z.ease = keep[k]![j]!.ease;
        c.z.user_knn = keep[k]![j]!.user_knn;
      }
  };
  const report = (label: string) => {
    const single = onVal({ [label.startsWith('EASE') ? 'ease' : 'user_knn']: 1 });
    const r = ascent(onVal, new Set(['content', 'related', 'extra']), start, ALL);
    console.log(`| ${label} | ${single.toFixed(4)} | ${r.best.toFixed(4)} | ${JSON.stringify(r.w)} |`);
    diagnosis.push({
      model: label,
      alone: +single.toFixed(4),
      blend_without_content: +r.best.toFixed(4),
      weights: r.w,
    });
  };
  console.log('| cold users (≤ 5 films), validation | source alone | blend without content | weights |');
  console.log('|---|---:|---:|---|');
  for (const lambda of [100, 400, 1600, 6400]) {
    for (const v of vals) {
      const e = buildEase(v.model.byUser, v.model.popularity.counts, { ...ease, lambda }, v.model.content?.vectors);
      for (const c of v.users)
        c.z.ease = blendScores({ ...v.model, ease: e }, c.ev, {
          blend: ALL_ON,
          sources: ['ease', 'item_knn'],
        }).normalised.ease;
    }
    report(`EASE λ ${lambda}`);
  }
  restore();
  for (const k of [50, 100, 200, 400]) {
    for (const v of vals)
      for (const c of v.users)
        c.z.user_knn = blendScores({ ...v.model, userKnn: { ...v.model.userKnn, k } }, c.ev, {
          blend: ALL_ON,
          sources: ['user_knn', 'popularity'],
        }).normalised.user_knn;
    report(`user-kNN k ${k}`);
  }
  restore();
}
const pct = (x: number, b: number) => `${x >= b ? '+' : ''}${(((x - b) / b) * 100).toFixed(1)} %`;
const bare = ascent(onVal, new Set(['content', 'related', 'extra']), start, ALL);
const bareSplits = perSplit(bare.w);
const bareTest = ndcg(testModel, testUsers, tests, bare.w);
const row = (name: string, w: Record<string, number>, best: number) => {
  const t = ndcg(testModel, testUsers, tests, w);
  const splits = perSplit(w);
  const gains = splits.map((x, k) => pct(x, bareSplits[k]!));
  rows.push({
    variant: name,
    validation_ndcg10: +best.toFixed(4),
    validation_per_split: splits.map((x) => +x.toFixed(4)),
    test_ndcg10: +t.toFixed(4),
    weights: w,
  });
  console.log(
    `| ${name} | ${best.toFixed(4)} | ${pct(best, bare.best)} | ${gains.join(', ')} | ${t.toFixed(4)} | ${pct(t, bareTest)} | ${JSON.stringify(w)} |`,
  );
};
console.log(`validation seeds ${valSeeds.join(', ')} (pooled); test = protocol (c)'s 137 cold users, for the record`);
console.log('| variant | validation | over none | per split | test | over none | weights |');
console.log('|---|---:|---:|---|---:|---:|---|');
row('none (content, lists at 0)', bare.w, bare.best);
const servedFull = ascent(onVal, new Set(['extra']), start, ALL);
row('served content + lists', servedFull.w, servedFull.best);
for (const [name, variant] of Object.entries(VARIANTS)) {
  if (args.only && !args.only.split('|').some((x) => name.includes(x))) continue;
  for (const [m, users] of [[testModel, testUsers] as const, ...vals.map((v) => [v.model, v.users] as const)])
    for (const c of users) c.z.extra = variant(m, c);
  // The variant as an extra source beside the served content (and without it: content off).
  for (const off of [new Set<string>(), new Set(['content'])]) {
    const r = ascent(onVal, off, start, ALL);
    row(`${name}${off.size ? ' (served content off)' : ''}`, r.w, r.best);
  }
}
if (args.json) {
  // Several short locked runs (each a share of the variants) add to one file: its runs, diagnosis and rows.
  const prev = existsSync(args.json)
    ? JSON.parse(readFileSync(args.json, 'utf8'))
    : { runs: [], diagnosis: [], rows: [] };
  const run = { started, load_1m: [loadStart, load1m()], only: args.only ?? null };
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(
    args.json,
    `${JSON.stringify(
      {
        data: 'ml-latest-small + TMDB 5000 (stand-in TMDB lists), protocol (c), seed 42, EASE λ 100',
        chosen_on: `validation splits of protocol (c)'s training data, seeds ${valSeeds.join(', ')} (pooled), each user seen through ≤ 5 films`,
        test: "protocol (c)'s cold users (5 training ratings), printed for the record",
        machine: '2 vCPU AMD EPYC, 24 GB, Node 24.21',
        command: 'node scripts/recommender/cold-popularity.ts --val-seeds 42,7,8 [--diagnose] [--only …] --json …',
        runs: [...prev.runs, run],
        diagnosis: [...prev.diagnosis, ...diagnosis],
        rows: [...prev.rows, ...rows],
      },
      null,
      2,
    )}\n`,
  );
}
