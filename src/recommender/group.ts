// Group picks (movie night): every member's blended scores over the films nobody in the group has rated, watched or
// dismissed, aggregated into one ranked shortlist, with the evidence behind each pick as data.
//
// The shipped aggregation ('fair') is a greedy list builder in the spirit of GFAR (Kaya, Bridge & Tintarev,
// "Ensuring fairness in group recommendations by using rank-sensitive balancing", RecSys 2020): each member's
// ranking gives a chance that they love a film, and each next pick maximises the group's average z-score plus the
// chance that it pleases a member the list has not pleased yet. Average and least misery score films one at a time,
// so a top 5 can serve the same three members five times; the greedy list spreads its picks over everyone.
// `npm run eval:groups` compares it with average, least misery and most popular (docs/benchmarks.md).
import { blendScores, zNormalise } from './blend.ts';
import { passesFilters } from './filters.ts';
import type { HybridModel } from './model.ts';
import type { RecommendOptions } from './recommend.ts';
import { topK } from './topk.ts';
import type { UserEvidence } from './types.ts';

export const GROUP_AGGREGATIONS = ['fair', 'average', 'least_misery', 'average_misery', 'popular'] as const;
export type GroupAggregation = (typeof GROUP_AGGREGATIONS)[number];

export interface GroupOptions extends RecommendOptions {
  /** How member scores become one ranking; 'fair' by default (see the file comment). */
  readonly aggregation?: GroupAggregation;
  /** 'fair': a film in a member's top `horizon` candidates has a chance of pleasing them (1 at the top, 0 beyond). */
  readonly horizon?: number;
  /** 'fair': weight of "pleases someone not yet pleased" against the group's average z-score. */
  readonly fairness?: number;
}

/** Chosen on the validation seed (eval:groups --seed 7, docs/benchmarks.md), never on the seed reported (42). */
export const DEFAULT_GROUP_HORIZON = 5;
export const DEFAULT_GROUP_FAIRNESS = 16;
/** A film among a member's top this-many candidates (of thousands) is one they "should love" (the 'fit' reason). */
export const GROUP_FIT_RANK = 50;

/** Why a film suits the group, as data; `src/bot/` makes the words (and decides whose names may be shown). */
export type GroupReason =
  /** `members` (indices into the group) have it among their strongest picks; none of the group has seen it. */
  | { readonly kind: 'fit'; readonly members: readonly number[]; readonly of: number }
  /** `members` loved (≥ 4★) a film by the same director (`film` is that film's item index). */
  | { readonly kind: 'director'; readonly name: string; readonly members: readonly number[]; readonly film: number }
  /** `members` loved a film with the same lead actor. */
  | { readonly kind: 'cast'; readonly name: string; readonly members: readonly number[]; readonly film: number };

export interface GroupPick {
  readonly item: number;
  /** The group score: the mean of the members' z-scores over the candidates (ties on the poll are broken by it). */
  readonly score: number;
  /** Each member's z-score for the film, in member order. */
  readonly memberScores: readonly number[];
  /** Strongest first; always starts with the 'fit' reason. */
  readonly reasons: readonly GroupReason[];
}

/** Stars from which a member "loved" a film, for the director / cast reasons. */
const LOVED = 4;

/**
 * The top `count` films for a group, best first. Films any member has rated, watched, 👎'd, marked not interested
 * or excluded are never candidates, whatever the aggregation.
 */
export function recommendForGroup(
  model: HybridModel,
  members: readonly UserEvidence[],
  opts: GroupOptions,
): GroupPick[] {
  return pickForGroup(model, members, scoreGroup(model, members, opts), opts);
}

/** Each member's scores over the group's candidates; computed once, ranked by any aggregation. */
export interface GroupScores {
  /** 1 for films that are not candidates (someone has seen or dismissed them, or the filters drop them). */
  readonly excluded: Uint8Array;
  /** Per member, z-scores over the candidates. */
  readonly z: readonly Float32Array[];
  readonly mean: Float32Array;
  readonly min: Float32Array;
}

export function scoreGroup(model: HybridModel, members: readonly UserEvidence[], opts: RecommendOptions): GroupScores {
  const n = model.items.length;
  const excluded = new Uint8Array(n);
  const blends = members.map((m) => blendScores(model, m, opts));
  for (const b of blends) for (let i = 0; i < n; i++) if (b.excluded[i]) excluded[i] = 1;
  for (let i = 0; i < n; i++) if (!excluded[i] && !passesFilters(model.items[i]!, opts.filters)) excluded[i] = 1;
  // z over the group's candidates, so every member's scale is the same whatever they have seen.
  const z = blends.map((b) =>
    zNormalise(
      b.scores.map((v) => (Number.isFinite(v) ? v : 0)),
      excluded,
    ),
  );
  const k = members.length;
  const mean = new Float32Array(n);
  const min = new Float32Array(n).fill(k > 0 ? Number.POSITIVE_INFINITY : 0);
  for (const zu of z) {
    for (let i = 0; i < n; i++) {
      mean[i]! += zu[i]! / k;
      min[i] = Math.min(min[i]!, zu[i]!);
    }
  }
  return { excluded, z, mean, min };
}

/** Ranks scored candidates with the chosen aggregation and attaches the group reasons. */
export function pickForGroup(
  model: HybridModel,
  members: readonly UserEvidence[],
  scores: GroupScores,
  opts: GroupOptions,
): GroupPick[] {
  const { excluded, z, mean, min } = scores;
  const k = members.length;
  const skip = (i: number) => excluded[i] === 1;
  let chosen: Int32Array;
  switch (opts.aggregation ?? 'fair') {
    case 'average':
      chosen = topK(mean, opts.count, skip);
      break;
    case 'least_misery':
      // Ties on the minimum (common when one member is indifferent) go to the better average.
      chosen = topK(
        min.map((v, i) => v + 1e-3 * mean[i]!),
        opts.count,
        skip,
      );
      break;
    case 'average_misery':
      // The aggregation shipped before this file: the mean with the unhappiest member counted twice.
      chosen = topK(
        mean.map((v, i) => (v * k + min[i]!) / (k + 1)),
        opts.count,
        skip,
      );
      break;
    case 'popular':
      chosen = topK(model.popularity.prior, opts.count, skip);
      break;
    case 'fair':
      chosen = fairList(z, mean, excluded, opts);
      break;
  }
  const ranks = memberRanks(z, excluded, GROUP_FIT_RANK);
  return Array.from(chosen, (item) => ({
    item,
    score: mean[item]!,
    memberScores: z.map((zu) => zu[item]!),
    reasons: groupReasons(model, members, item, fitMembers(z, ranks, item)),
  }));
}

/** For each member: item → rank among the candidates, for the member's top `horizon` only. */
function memberRanks(z: readonly Float32Array[], excluded: Uint8Array, horizon: number): Map<number, number>[] {
  return z.map((zu) => {
    const top = topK(zu, horizon, (i) => excluded[i] === 1);
    return new Map(Array.from(top, (item, r) => [item, r]));
  });
}

function fairList(
  z: readonly Float32Array[],
  mean: Float32Array,
  excluded: Uint8Array,
  opts: GroupOptions,
): Int32Array {
  const horizon = opts.horizon ?? DEFAULT_GROUP_HORIZON;
  const fairness = opts.fairness ?? DEFAULT_GROUP_FAIRNESS;
  const ranks = memberRanks(z, excluded, horizon);
  // The pool: every member's top `horizon` and the best films on average.
  const pool = new Set<number>(topK(mean, Math.max(horizon, 2 * opts.count), (i) => excluded[i] === 1));
  for (const r of ranks) for (const item of r.keys()) pool.add(item);
  const items = [...pool].sort((a, b) => a - b);
  // chance[u][p]: a Borda-style chance that member u loves pool film p (linear in u's rank, 0 past the horizon).
  const chance = ranks.map((r) => items.map((item) => (r.has(item) ? 1 - r.get(item)! / horizon : 0)));
  // unmet[u]: the chance that nothing picked so far pleases member u.
  const unmet = new Float64Array(z.length).fill(1);
  const used = new Uint8Array(items.length);
  const picked: number[] = [];
  while (picked.length < Math.min(opts.count, items.length)) {
    let best = -1;
    let bestVal = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < items.length; p++) {
      if (used[p]) continue;
      let gain = 0;
      for (let u = 0; u < z.length; u++) gain += unmet[u]! * chance[u]![p]!;
      const v = mean[items[p]!]! + (fairness * gain) / Math.max(z.length, 1);
      // Ties go to the lower index (deterministic).
      if (v > bestVal) {
        bestVal = v;
        best = p;
      }
    }
    used[best] = 1;
    picked.push(items[best]!);
    for (let u = 0; u < z.length; u++) unmet[u] = unmet[u]! * (1 - chance[u]![best]!);
  }
  return Int32Array.from(picked);
}

/**
 * Members who "should love it": the film is among their top {@link GROUP_FIT_RANK} candidates and a standard
 * deviation above their average.
 */
function fitMembers(z: readonly Float32Array[], ranks: readonly Map<number, number>[], item: number): number[] {
  const out: number[] = [];
  ranks.forEach((r, u) => {
    if (r.has(item) && z[u]![item]! >= 1) out.push(u);
  });
  return out;
}

function groupReasons(
  model: HybridModel,
  members: readonly UserEvidence[],
  item: number,
  fit: number[],
): GroupReason[] {
  const reasons: GroupReason[] = [{ kind: 'fit', members: fit, of: members.length }];
  const meta = model.items[item]!;
  const lead = meta.cast[0];
  const byDirector = new Map<string, { members: number[]; film: number }>();
  let byLead: { members: number[]; film: number } | null = null;
  members.forEach((m, u) => {
    let dirDone = false;
    let castDone = false;
    for (let t = 0; t < m.items.length; t++) {
      const stars = m.ratings[t]!;
      if (Number.isNaN(stars) || stars < LOVED) continue;
      const other = model.items[m.items[t]!];
      if (!other) continue;
      if (!dirDone) {
        const d = meta.directors.find((x) => other.directors.includes(x));
        if (d) {
          const e = byDirector.get(d) ?? { members: [], film: m.items[t]! };
          e.members.push(u);
          byDirector.set(d, e);
          dirDone = true;
        }
      }
      if (!castDone && lead && other.cast.slice(0, 3).includes(lead)) {
        byLead ??= { members: [], film: m.items[t]! };
        byLead.members.push(u);
        castDone = true;
      }
    }
  });
  const director = [...byDirector.entries()].sort((a, b) => b[1].members.length - a[1].members.length)[0];
  if (director) reasons.push({ kind: 'director', name: director[0], ...director[1] });
  const leadEvidence = byLead as { members: number[]; film: number } | null;
  if (lead && leadEvidence) reasons.push({ kind: 'cast', name: lead, ...leadEvidence });
  return reasons;
}
