// Offline evaluation, pure: per-user splits (random, temporal, cold-start truncation) and top-k ranking metrics
// with the standard definitions (binary relevance; ideal DCG over min(|test|, k)).
import { mulberry32, shuffleInPlace } from './rng.ts';
import type { ItemMeta, TrainingData } from './types.ts';

/** Ratings as parallel arrays over dense user / item indices. */
export interface RatingLog {
  readonly nUsers: number;
  readonly items: readonly ItemMeta[];
  readonly userIds: readonly string[];
  readonly user: Int32Array;
  readonly item: Int32Array;
  readonly rating: Float32Array;
  readonly timestamp: Float64Array;
}

/** Positions of each user's ratings, in input order. */
function byUser(log: RatingLog): number[][] {
  const out: number[][] = Array.from({ length: log.nUsers }, () => []);
  for (let k = 0; k < log.user.length; k++) out[log.user[k]!]!.push(k);
  return out;
}

/** Per-user random split: a `testFraction` of each user's ratings (rounded down, users with < 2 keep all). */
export function randomSplit(log: RatingLog, testFraction: number, seed: number): Uint8Array {
  const isTest = new Uint8Array(log.user.length);
  const rand = mulberry32(seed);
  for (const rows of byUser(log)) {
    shuffleInPlace(rows, rand);
    const nTest = rows.length >= 2 ? Math.max(1, Math.floor(rows.length * testFraction)) : 0;
    for (let t = 0; t < nTest; t++) isTest[rows[t]!] = 1;
  }
  return isTest;
}

/** Per-user temporal split: the latest `testFraction` of each user's ratings by timestamp (ties by position). */
export function temporalSplit(log: RatingLog, testFraction: number): Uint8Array {
  const isTest = new Uint8Array(log.user.length);
  for (const rows of byUser(log)) {
    rows.sort((a, b) => log.timestamp[a]! - log.timestamp[b]! || a - b);
    const nTest = rows.length >= 2 ? Math.max(1, Math.round(rows.length * testFraction)) : 0;
    for (let t = rows.length - nTest; t < rows.length; t++) isTest[rows[t]!] = 1;
  }
  return isTest;
}

/**
 * Cold-start slice on top of a split: a random `userFraction` of the users with test items keep only
 * `maxTrain` random training ratings (the others are dropped from training, not moved to test).
 * Returns the dropped mask and the cold users (the ones to evaluate).
 */
export function coldStartSlice(
  log: RatingLog,
  isTest: Uint8Array,
  maxTrain: number,
  userFraction: number,
  seed: number,
): { dropped: Uint8Array; coldUsers: Int32Array } {
  const rand = mulberry32(seed);
  const dropped = new Uint8Array(log.user.length);
  const cold: number[] = [];
  const rowsByUser = byUser(log);
  for (let u = 0; u < log.nUsers; u++) {
    const rows = rowsByUser[u]!;
    const train = rows.filter((k) => !isTest[k]);
    const hasTest = rows.length > train.length;
    const pick = rand() < userFraction;
    if (!hasTest || !pick || train.length === 0) continue;
    cold.push(u);
    shuffleInPlace(train, rand);
    for (let t = maxTrain; t < train.length; t++) dropped[train[t]!] = 1;
  }
  return { dropped, coldUsers: Int32Array.from(cold) };
}

/** Training data from the ratings whose mask is 0. Users and items keep their indices. */
export function trainingFrom(log: RatingLog, ...masks: Uint8Array[]): TrainingData {
  const keep: number[] = [];
  for (let k = 0; k < log.user.length; k++) if (masks.every((m) => !m[k])) keep.push(k);
  return {
    items: log.items,
    userIds: log.userIds,
    ratings: {
      user: Int32Array.from(keep, (k) => log.user[k]!),
      item: Int32Array.from(keep, (k) => log.item[k]!),
      value: Float32Array.from(keep, (k) => log.rating[k]!),
    },
  };
}

/** Each user's test items (sorted). */
export function testSets(log: RatingLog, isTest: Uint8Array): Int32Array[] {
  const out: number[][] = Array.from({ length: log.nUsers }, () => []);
  for (let k = 0; k < log.user.length; k++) if (isTest[k]) out[log.user[k]!]!.push(log.item[k]!);
  return out.map((a) => Int32Array.from(a.sort((x, y) => x - y)));
}

export interface RankingMetrics {
  'ndcg@10': number;
  'precision@10': number;
  'recall@10': number;
  'map@10': number;
  coverage: number;
  novelty: number;
  users: number;
}

export class MetricsAccumulator {
  private ndcg = 0;
  private precision = 0;
  private recall = 0;
  private ap = 0;
  private novelty = 0;
  private noveltyCount = 0;
  private users = 0;
  private readonly recommended: Uint8Array;
  private readonly k: number;
  private readonly itemPopularity: Int32Array;
  private readonly nUsers: number;

  /** `itemPopularity`: training interactions per item; novelty is the mean self-information −log2(pop/users). */
  constructor(nItems: number, k: number, itemPopularity: Int32Array, nUsers: number) {
    this.recommended = new Uint8Array(nItems);
    this.k = k;
    this.itemPopularity = itemPopularity;
    this.nUsers = Math.max(nUsers, 1);
  }

  add(ranked: ArrayLike<number>, relevant: Int32Array): void {
    if (relevant.length === 0) return;
    const rel = new Set(relevant);
    const k = this.k;
    let dcg = 0;
    let hits = 0;
    let apSum = 0;
    for (let r = 0; r < Math.min(k, ranked.length); r++) {
      const item = ranked[r]!;
      this.recommended[item] = 1;
      const pop = Math.max(this.itemPopularity[item] ?? 0, 1);
      this.novelty += -Math.log2(pop / this.nUsers);
      this.noveltyCount++;
      if (rel.has(item)) {
        hits++;
        dcg += 1 / Math.log2(r + 2);
        apSum += hits / (r + 1);
      }
    }
    let idcg = 0;
    const ideal = Math.min(relevant.length, k);
    for (let r = 0; r < ideal; r++) idcg += 1 / Math.log2(r + 2);
    this.ndcg += dcg / idcg;
    this.precision += hits / k;
    this.recall += hits / relevant.length;
    this.ap += apSum / ideal;
    this.users++;
  }

  result(): RankingMetrics {
    const n = Math.max(this.users, 1);
    let covered = 0;
    for (const v of this.recommended) covered += v;
    return {
      'ndcg@10': this.ndcg / n,
      'precision@10': this.precision / n,
      'recall@10': this.recall / n,
      'map@10': this.ap / n,
      coverage: covered / Math.max(this.recommended.length, 1),
      novelty: this.noveltyCount > 0 ? this.novelty / this.noveltyCount : 0,
      users: this.users,
    };
  }
}
