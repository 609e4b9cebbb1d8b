// A pure, deterministic generator of synthetic film communities: users with a hidden taste, who rate films in a way
// a recommender can learn. Nothing here reads the clock, the network, the disk or Math.random.
//
// The model, in short:
// - A few taste archetypes (seeded) give weights over genres, keywords and people. Each user mixes two archetypes,
//   adds a personal twist, and has a harshness (how low they rate overall) and a pickiness (how much taste, rather
//   than popularity, decides what they watch).
// - How many films a user rates follows a truncated Pareto (power law) whose mean is `ratingsPerUser`.
// - Which films: candidates are drawn by popularity (alias table), then chosen by taste (weighted sampling without
//   replacement, weight exp(pickiness × affinity)).
// - The rating: TMDB quality (a vote average shrunk towards the mean) + taste affinity − harshness + noise, rounded
//   to half stars and clamped to 0.5–5.
// - Users are generated independently from (seed, user index), so the output does not depend on the chunk size and
//   `--users 100` is a prefix of `--users 1000`.
import { base, en, Faker } from '@faker-js/faker';
import type { SeedMovie } from './catalogue.ts';
import { AliasTable, hash32, hashString, Rng } from './prng.ts';
import { DISCORD_EPOCH_MS, makeSnowflake } from './snowflake.ts';

export interface GenerateCommunityOptions {
  readonly movies: readonly SeedMovie[];
  readonly users: number;
  readonly seed: number;
  /** The generator's "now": account creation and rating dates lie before it. */
  readonly now: Date;
  /** Mean number of ratings per user (default 40). */
  readonly ratingsPerUser?: number;
  /** Users per yielded chunk (default 1024). Only memory use depends on it, never the output. */
  readonly chunkUsers?: number;
  /** How far back rating history goes (default 6 years). */
  readonly historyYears?: number;
  /** Number of taste archetypes (default 8). */
  readonly archetypes?: number;
  /** Pareto exponent of activity: smaller means more skew (default 1.5). */
  readonly activityExponent?: number;
  /**
   * How much a user's taste, rather than chance, decides which films they watch and how they rate them (multiplies
   * the affinity in both; default 1). The sandbox's small demo server uses more, so its members differ visibly.
   */
  readonly tasteWeight?: number;
  /** How much a film's general quality (TMDB votes) lifts everyone's rating of it (default 1). */
  readonly qualityWeight?: number;
}

export interface UserTaste {
  /** Index of the user's main archetype. */
  readonly archetype: number;
  readonly favouriteGenres: readonly string[];
  readonly dislikedGenres: readonly string[];
  /** Stars subtracted from every rating (negative: generous). */
  readonly harshness: number;
}

export interface SyntheticUser {
  /** 0-based position in the community; also the MovieLens userId minus one. */
  readonly index: number;
  /** A Discord-like snowflake, unique within a community. */
  readonly id: string;
  readonly displayName: string;
  /** Account creation time (ms), as encoded in the snowflake. */
  readonly joinedAtMs: number;
  readonly taste: UserTaste;
}

/**
 * Ratings of a run of users in columnar typed arrays: user k of `users` owns entries `offsets[k]` to
 * `offsets[k + 1] - 1`.
 */
export interface CommunityChunk {
  readonly firstUser: number;
  readonly users: readonly SyntheticUser[];
  readonly offsets: Uint32Array;
  readonly count: number;
  readonly movieIds: Uint32Array;
  /** Stars × 2: 1 (0.5★) to 10 (5★). */
  readonly halfStars: Uint8Array;
  /** Unix seconds. */
  readonly ratedAt: Uint32Array;
  /** 1 when the user also logged the film as watched (on the rating's date). */
  readonly watched: Uint8Array;
  readonly rewatches: Uint8Array;
}

export const MAX_SYNTHETIC_USERS = 1 << 22; // the snowflake's low 22 bits encode the user index
const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
const FAKER_BLOCK = 256;
const EARLIEST_ACCOUNT_MS = Date.UTC(2016, 0, 1);
/** Account ages must not depend on `now`, or a re-run on another day would mint new ids for the same users. */
const LATEST_ACCOUNT_MS = Date.UTC(2025, 0, 1);
const MAX_FEATURES_PER_KIND = 500;

interface Features {
  readonly genreNames: readonly string[];
  readonly size: number;
  /** CSR: film m's features are `index[start[m]..start[m+1])` with weights `weight[...]`. */
  readonly start: Uint32Array;
  readonly index: Uint32Array;
  readonly weight: Float32Array;
  readonly keywordRange: readonly [number, number];
  readonly peopleRange: readonly [number, number];
}

function frequentNames(lists: readonly (readonly string[])[], minCount: number, max: number): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const name of new Set(list)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([name]) => name);
}

function buildFeatures(movies: readonly SeedMovie[]): Features {
  const genreNames = frequentNames(
    movies.map((m) => m.genres),
    1,
    100,
  ).sort();
  const keywords = frequentNames(
    movies.map((m) => m.keywords),
    2,
    MAX_FEATURES_PER_KIND,
  );
  const people = frequentNames(
    movies.map((m) => m.people),
    2,
    MAX_FEATURES_PER_KIND,
  );
  const slot = new Map<string, number>();
  for (const [i, g] of genreNames.entries()) slot.set(`g:${g}`, i);
  for (const [i, k] of keywords.entries()) slot.set(`k:${k}`, genreNames.length + i);
  for (const [i, p] of people.entries()) slot.set(`p:${p}`, genreNames.length + keywords.length + i);
  const start = new Uint32Array(movies.length + 1);
  const idx: number[] = [];
  const wts: number[] = [];
  movies.forEach((m, mi) => {
    start[mi] = idx.length;
    // Genres count as their mean (a film is not twice as "drama" for having two genres); keywords and people add up.
    for (const g of m.genres) {
      const s = slot.get(`g:${g}`);
      if (s !== undefined) {
        idx.push(s);
        wts.push(1 / m.genres.length);
      }
    }
    for (const k of new Set(m.keywords)) {
      const s = slot.get(`k:${k}`);
      if (s !== undefined) {
        idx.push(s);
        wts.push(0.45);
      }
    }
    for (const p of new Set(m.people)) {
      const s = slot.get(`p:${p}`);
      if (s !== undefined) {
        idx.push(s);
        wts.push(0.35);
      }
    }
  });
  start[movies.length] = idx.length;
  const g = genreNames.length;
  return {
    genreNames,
    size: g + keywords.length + people.length,
    start,
    index: Uint32Array.from(idx),
    weight: Float32Array.from(wts),
    keywordRange: [g, g + keywords.length],
    peopleRange: [g + keywords.length, g + keywords.length + people.length],
  };
}

function buildArchetypes(seed: number, count: number, f: Features): Float32Array[] {
  const rng = new Rng(seed, hashString('archetypes'));
  const g = f.genreNames.length;
  const out: Float32Array[] = [];
  for (let a = 0; a < count; a++) {
    const w = new Float32Array(f.size);
    for (let i = 0; i < g; i++) w[i] = rng.normal(0, 0.6);
    if (g > 0) {
      for (const delta of [1.4, 1.4, -1.4]) {
        const i = rng.int(g);
        w[i] = (w[i] as number) + delta;
      }
    }
    const [k0, k1] = f.keywordRange;
    for (let k = 0; k < 15 && k1 > k0; k++) w[k0 + rng.int(k1 - k0)] = rng.range(0.6, 1.5);
    for (let k = 0; k < 6 && k1 > k0; k++) w[k0 + rng.int(k1 - k0)] = -rng.range(0.6, 1.3);
    const [p0, p1] = f.peopleRange;
    for (let k = 0; k < 10 && p1 > p0; k++) w[p0 + rng.int(p1 - p0)] = rng.range(0.6, 1.5);
    out.push(w);
  }
  return out;
}

/**
 * When user i's account was created: increasing with i on a log scale (user 0 in 2016, user 40 around 2018,
 * user 100k around 2022), jittered within its slot. Increasing ids keep the database's user-id indexes appending at
 * their right edge instead of touching random pages all over them, which makes bulk inserts several times faster;
 * the log scale still spreads a small demo community over years. Independent of `now` (from 2025 on) and of the community size,
 * so a re-run on another day or with more users mints the same ids.
 */
export function accountCreatedAt(index: number, jitter: number, nowMs: number): number {
  const end = Math.min(LATEST_ACCOUNT_MS, nowMs - 7 * DAY_MS);
  const span = end - EARLIEST_ACCOUNT_MS;
  const at = (i: number) => EARLIEST_ACCOUNT_MS + (span * Math.log2(1 + i)) / 22;
  return Math.floor(at(index) + jitter * (at(index + 1) - at(index)));
}

/**
 * The activity distribution's cap and mean. Nobody rates more than 60% of the catalogue (or 30 × the mean); and
 * when the asked-for mean would crowd everyone against that cap (a small catalogue), the mean is lowered to 40% of
 * the cap so that activity stays skewed: a few heavy raters, many light ones.
 */
export function activityPlan(movieCount: number, meanRatings: number): { cap: number; mean: number } {
  const cap = Math.max(1, Math.min(Math.floor(movieCount * 0.6), Math.round(30 * meanRatings)));
  return { cap, mean: Math.max(1, Math.min(meanRatings, 0.4 * cap)) };
}

/**
 * Mean of min(X, cap) for a Pareto X with scale xmin and exponent alpha; solved for xmin so that the truncated
 * activity distribution has the requested mean.
 */
export function paretoScaleForMean(mean: number, cap: number, alpha: number): number {
  if (mean >= cap) return cap;
  const truncatedMean = (xmin: number) => xmin + (xmin / (alpha - 1)) * (1 - (xmin / cap) ** (alpha - 1));
  let lo = 1e-6;
  let hi = cap;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (truncatedMean(mid) < mean) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function validate(o: GenerateCommunityOptions): void {
  if (!Number.isInteger(o.users) || o.users < 0 || o.users > MAX_SYNTHETIC_USERS) {
    throw new RangeError(`users must be an integer from 0 to ${MAX_SYNTHETIC_USERS}`);
  }
  if (!Number.isFinite(o.seed)) throw new RangeError('seed must be a number');
  if (o.movies.length === 0 && o.users > 0) throw new RangeError('a community needs at least one film');
  if (o.ratingsPerUser !== undefined && !(o.ratingsPerUser >= 1)) throw new RangeError('ratingsPerUser must be >= 1');
  if (!(o.now.getTime() > EARLIEST_ACCOUNT_MS + 30 * DAY_MS)) throw new RangeError('now must be after 2016');
}

/** Yields the community chunk by chunk. Same options → same output, byte for byte. */
export function* generateCommunity(options: GenerateCommunityOptions): Generator<CommunityChunk> {
  validate(options);
  const seed = options.seed >>> 0;
  const movies = [...options.movies].sort((a, b) => a.id - b.id);
  const M = movies.length;
  const nowMs = options.now.getTime();
  const meanRatings = options.ratingsPerUser ?? 40;
  const chunkUsers = Math.max(1, Math.floor(options.chunkUsers ?? 1024));
  const historyMs = (options.historyYears ?? 6) * YEAR_MS;
  const alpha = options.activityExponent ?? 1.5;
  const tasteWeight = options.tasteWeight ?? 1;
  const qualityWeight = options.qualityWeight ?? 1;
  const features = buildFeatures(movies);
  const archetypes = buildArchetypes(seed, Math.max(1, options.archetypes ?? 8), features);
  const archetypeAlias = new AliasTable(archetypes.map((_, i) => 1 / Math.sqrt(i + 1)));

  // Quality: the vote average shrunk towards a typical 6.3 when few people voted (a 10/10 from 2 votes means little).
  const quality = new Float32Array(M);
  const popWeight = new Float64Array(M);
  movies.forEach((m, i) => {
    const n = Math.max(0, m.voteCount);
    quality[i] = (m.voteAverage * n + 6.3 * 50) / (n + 50);
    popWeight[i] = (n + 20) ** 0.5;
  });
  const popularity = new AliasTable(popWeight);
  const movieIds = Uint32Array.from(movies, (m) => m.id);

  const { cap, mean } = activityPlan(M, meanRatings);
  const xmin = paretoScaleForMean(mean, cap, alpha);
  const idMask = hash32(seed, hashString('snowflake-low-bits')) & (MAX_SYNTHETIC_USERS - 1);

  const faker = new Faker({ locale: [en, base] });
  const taste = new Float32Array(features.size);
  const stamp = new Uint32Array(M);
  const affinity = new Float64Array(M);
  const key = new Float64Array(M);
  const candidates = new Uint32Array(M);
  const g = features.genreNames.length;
  let userStamp = 0;

  const names = (): [string, string, string] => [
    faker.person.firstName(),
    faker.person.lastName(),
    faker.internet.username(),
  ];

  for (let first = 0; first < options.users; first += chunkUsers) {
    const last = Math.min(options.users, first + chunkUsers);
    const users: (Omit<SyntheticUser, 'taste'> & { taste: UserTaste })[] = [];
    const counts: number[] = [];
    // Faker's own generator is re-seeded at fixed blocks of users (seeding per user would cost ~35 µs each).
    const blockStart = Math.floor(first / FAKER_BLOCK) * FAKER_BLOCK;
    faker.seed([seed, blockStart]);
    for (let skip = blockStart; skip < first; skip++) names();

    // First pass: who the users are and how many films each rates (to size the typed arrays).
    const rngs: Rng[] = [];
    for (let i = first; i < last; i++) {
      if (i !== first && i % FAKER_BLOCK === 0) faker.seed([seed, i]);
      const [firstName, lastName, username] = names();
      const rng = new Rng(seed, i);
      rngs.push(rng);
      const joinedAtMs = accountCreatedAt(i, rng.next(), nowMs);
      const low = (i ^ idMask) & (MAX_SYNTHETIC_USERS - 1);
      const id = makeSnowflake({
        timestampMs: Math.max(DISCORD_EPOCH_MS, joinedAtMs),
        workerId: low >>> 17,
        processId: (low >>> 12) & 31,
        increment: low & 4095,
      });
      const displayName = rng.chance(0.7) ? `${firstName} ${lastName}` : username;
      const pareto = xmin / rng.nextOpen() ** (1 / alpha);
      counts.push(Math.max(1, Math.min(cap, Math.round(pareto))));
      users.push({
        index: i,
        id,
        displayName: displayName.slice(0, 100),
        joinedAtMs,
        taste: { archetype: 0, favouriteGenres: [], dislikedGenres: [], harshness: 0 },
      });
    }
    const total = counts.reduce((s, n) => s + n, 0);
    const offsets = new Uint32Array(users.length + 1);
    const outMovies = new Uint32Array(total);
    const halfStars = new Uint8Array(total);
    const ratedAt = new Uint32Array(total);
    const watched = new Uint8Array(total);
    const rewatches = new Uint8Array(total);
    let pos = 0;

    for (let u = 0; u < users.length; u++) {
      const rng = rngs[u] as Rng;
      const user = users[u] as (typeof users)[number];
      const n = counts[u] as number;
      offsets[u] = pos;

      // The hidden taste.
      const a = archetypeAlias.draw(rng);
      const b = archetypeAlias.draw(rng);
      const mix = rng.range(0.6, 0.95);
      const A = archetypes[a] as Float32Array;
      const B = archetypes[b] as Float32Array;
      for (let f = 0; f < features.size; f++) taste[f] = mix * (A[f] as number) + (1 - mix) * (B[f] as number);
      for (let f = 0; f < g; f++) taste[f] = (taste[f] as number) + rng.normal(0, 0.35);
      const [k0, k1] = features.keywordRange;
      for (let k = 0; k < 3 && k1 > k0; k++) taste[k0 + rng.int(k1 - k0)] = rng.range(-1.2, 1.5);
      const [p0, p1] = features.peopleRange;
      for (let k = 0; k < 2 && p1 > p0; k++) taste[p0 + rng.int(p1 - p0)] = rng.range(0.5, 1.5);
      const harshness = rng.normal(0, 0.4);
      const pickiness = rng.range(0.8, 1.8);
      const strength = rng.range(0.7, 1.25);
      const genreOrder = features.genreNames.map((name, i) => ({ name, w: taste[i] as number }));
      genreOrder.sort((x, y) => y.w - x.w);
      user.taste = {
        archetype: a,
        favouriteGenres: genreOrder.slice(0, 3).map((x) => x.name),
        dislikedGenres: genreOrder
          .slice(-2)
          .reverse()
          .map((x) => x.name),
        harshness: Math.round(harshness * 100) / 100,
      };

      // Candidates by popularity, then a taste-weighted choice among them.
      userStamp += 1;
      let k = 0;
      const want = Math.min(M, 5 * n + 20);
      if (want * 2 > M) {
        for (let m = 0; m < M; m++) candidates[k++] = m;
      } else {
        for (let tries = 0; k < want && tries < want * 30; tries++) {
          const m = popularity.draw(rng);
          if (stamp[m] === userStamp) continue;
          stamp[m] = userStamp;
          candidates[k++] = m;
        }
      }
      for (let c = 0; c < k; c++) {
        const m = candidates[c] as number;
        let s = 0;
        for (let e = features.start[m] as number; e < (features.start[m + 1] as number); e++) {
          s += (taste[features.index[e] as number] as number) * (features.weight[e] as number);
        }
        s = Math.max(-3, Math.min(3, s));
        affinity[m] = s;
        // Efraimidis–Spirakis: the n largest log(U)/w are a weighted sample without replacement.
        key[m] = Math.log(rng.nextOpen()) / Math.exp(pickiness * tasteWeight * s);
      }
      const chosen = Array.from(candidates.subarray(0, k));
      chosen.sort((x, y) => (key[y] as number) - (key[x] as number) || x - y);
      const take = Math.min(n, chosen.length);

      const historyStart = Math.max(user.joinedAtMs - 2 * YEAR_MS, nowMs - historyMs);
      for (let c = 0; c < take; c++) {
        const m = chosen[c] as number;
        const mu =
          3.1 +
          0.6 * qualityWeight * ((quality[m] as number) - 6.3) +
          0.85 * strength * tasteWeight * (affinity[m] as number) -
          harshness;
        const stars = mu + rng.normal(0, 0.5);
        const h = Math.max(1, Math.min(10, Math.round(stars * 2)));
        outMovies[pos] = movieIds[m] as number;
        halfStars[pos] = h;
        ratedAt[pos] = Math.floor(rng.range(historyStart, nowMs - 60_000) / 1000);
        watched[pos] = rng.chance(0.9) ? 1 : 0;
        rewatches[pos] = h >= 9 && rng.chance(0.15) ? 1 + rng.int(3) : 0;
        pos += 1;
      }
    }
    offsets[users.length] = pos;
    yield {
      firstUser: first,
      users,
      offsets,
      count: pos,
      movieIds: outMovies.subarray(0, pos),
      halfStars: halfStars.subarray(0, pos),
      ratedAt: ratedAt.subarray(0, pos),
      watched: watched.subarray(0, pos),
      rewatches: rewatches.subarray(0, pos),
    };
  }
}

/** The whole community in memory: for tests and small demos only (large runs should stream the chunks). */
export interface CommunityData {
  readonly users: readonly SyntheticUser[];
  readonly userIndex: Uint32Array;
  readonly movieIds: Uint32Array;
  readonly halfStars: Uint8Array;
  readonly ratedAt: Uint32Array;
  readonly watched: Uint8Array;
  readonly rewatches: Uint8Array;
}

export function collectCommunity(options: GenerateCommunityOptions): CommunityData {
  const chunks = [...generateCommunity(options)];
  const total = chunks.reduce((s, c) => s + c.count, 0);
  const out = {
    users: chunks.flatMap((c) => c.users),
    userIndex: new Uint32Array(total),
    movieIds: new Uint32Array(total),
    halfStars: new Uint8Array(total),
    ratedAt: new Uint32Array(total),
    watched: new Uint8Array(total),
    rewatches: new Uint8Array(total),
  };
  let pos = 0;
  for (const c of chunks) {
    for (let u = 0; u < c.users.length; u++) {
      out.userIndex.fill(c.firstUser + u, pos + (c.offsets[u] as number), pos + (c.offsets[u + 1] as number));
    }
    out.movieIds.set(c.movieIds, pos);
    out.halfStars.set(c.halfStars, pos);
    out.ratedAt.set(c.ratedAt, pos);
    out.watched.set(c.watched, pos);
    out.rewatches.set(c.rewatches, pos);
    pos += c.count;
  }
  return out;
}
