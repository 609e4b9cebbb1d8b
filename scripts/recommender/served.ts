// What people would be shown: each user's top 5 as served (blend + MMR, with reasons), measured for reason
// faithfulness (does the named evidence carry the pick?) and for concentration across the community.
import { type BlendWeights, blendScores } from '../../src/recommender/blend.ts';
import { type Concentration, concentration } from '../../src/recommender/concentration.ts';
import {
  type Contributor,
  contributionsFor,
  easeWeight,
  evidenceRank,
  type HybridModel,
  itemKnnSimilarity,
  neighbourEvidence,
  type Reason,
  recommend,
  SOURCES,
  type UserEvidence,
} from '../../src/recommender/index.ts';

export interface Faithfulness {
  /** Reasons that name evidence (a film, the taste neighbours or the popularity prior). */
  readonly reasons: number;
  /** Share whose named evidence is the pick's largest contributor. */
  readonly top1: number;
  /** Share whose named evidence is among its 3 largest contributors. */
  readonly top3: number;
  /** Reasons by kind. */
  readonly kinds: Record<string, number>;
}

/** `friends` reasons (server neighbours drove the pick), when users are in servers. */
export interface FriendReasons {
  /** Picks explained by server neighbours. */
  readonly reasons: number;
  /** Of those, picks that name at least one person (each carrying ≥ NAMED_NEIGHBOUR_MIN_SHARE of the score). */
  readonly naming: number;
  /** The smallest share of its pick's score any named person carries (1 when nobody is named). */
  readonly minNamedShare: number;
}

export interface ServedReport {
  readonly faithfulness: Faithfulness;
  readonly friends: FriendReasons;
  /** The same picks explained the way reasons were chosen before they were data (for before/after). */
  readonly legacyFaithfulness: Faithfulness;
  readonly concentration: Concentration;
}

const SHOWN = 5;

class Tally {
  private n = 0;
  private t1 = 0;
  private t3 = 0;
  private readonly kinds: Record<string, number> = {};
  add(kind: string, rank: number): void {
    this.kinds[kind] = (this.kinds[kind] ?? 0) + 1;
    if (rank < 0) return;
    this.n++;
    if (rank === 0) this.t1++;
    if (rank < 3) this.t3++;
  }
  result(): Faithfulness {
    return {
      reasons: this.n,
      top1: this.n ? this.t1 / this.n : 0,
      top3: this.n ? this.t3 / this.n : 0,
      kinds: this.kinds,
    };
  }
}

/**
 * The evidence the pre-issue-15 explanation named (reconstructed from its rules): the source with the largest
 * w·z chose the order of tries; "because you loved" took the liked film (≥ 3.5★) with the strongest EASE/kNN link,
 * ignoring how much it weighed in the score.
 */
export function legacyEvidence(
  model: HybridModel,
  user: UserEvidence,
  item: number,
  blend: ReturnType<typeof blendScores>,
): { kind: string; film?: number; source?: 'neighbours' | 'popularity' } | null {
  const contrib = SOURCES.map((s) => ({ s, v: blend.weights[s] * (blend.normalised[s]?.[item] ?? 0) }));
  contrib.sort((a, b) => b.v - a.v);
  const meta = model.items[item]!;
  const liked: { j: number; stars: number }[] = [];
  for (let t = 0; t < user.items.length; t++) {
    const r = user.ratings[t]!;
    if (!Number.isNaN(r) && r >= 3.5) liked.push({ j: user.items[t]!, stars: r });
  }
  const becauseYou = () => {
    let best = -1;
    let bestSim = 0;
    for (const l of liked) {
      let s = 0;
      if (model.ease) s = Math.max(s, easeWeight(model.ease, l.j, item) * 10);
      if (model.itemKnn) s = Math.max(s, itemKnnSimilarity(model.itemKnn, l.j, item));
      s *= l.stars >= 4.5 ? 1.2 : 1;
      if (s > bestSim) {
        bestSim = s;
        best = l.j;
      }
    }
    return best < 0 ? null : { kind: 'because_you', film: best };
  };
  const neighbours = () =>
    blend.neighbours && neighbourEvidence(model.byUser, blend.neighbours, item).count >= 2
      ? { kind: 'neighbours', source: 'neighbours' as const }
      : null;
  const shared = () => {
    let film = -1;
    let bestScore = 0;
    for (const l of liked) {
      const other = model.items[l.j]!;
      if (meta.directors.some((d) => other.directors.includes(d)) && 3 > bestScore) {
        bestScore = 3;
        film = l.j;
      }
      const kws = meta.keywords.filter((k) => other.keywords.includes(k)).length;
      if (kws >= 2 && kws > bestScore - 1) {
        bestScore = kws + 1;
        film = l.j;
      }
      if (meta.cast.slice(0, 3).some((c) => other.cast.slice(0, 5).includes(c)) && 2 > bestScore) {
        bestScore = 2;
        film = l.j;
      }
    }
    if (film >= 0) return { kind: 'shared', film };
    return meta.genres[0] && contrib[0]?.s === 'content' ? { kind: 'genre' } : null;
  };
  const order: Record<string, (() => ReturnType<typeof legacyEvidence>)[]> = {
    ease: [becauseYou, neighbours, shared],
    item_knn: [becauseYou, shared, neighbours],
    related: [becauseYou, shared, neighbours],
    user_knn: [neighbours, becauseYou, shared],
    content: [shared, becauseYou, neighbours],
    popularity: [neighbours, becauseYou, shared],
  };
  for (const f of order[contrib[0]!.s]!) {
    const r = f();
    if (r) return r;
  }
  return { kind: 'popular', source: 'popularity' };
}

function legacyRank(e: ReturnType<typeof legacyEvidence>, parts: readonly Contributor[]): number {
  if (!e || (e.film === undefined && e.source === undefined)) return -1;
  const r = parts.findIndex((c) =>
    e.film !== undefined ? c.kind === 'film' && c.item === e.film : c.kind === e.source,
  );
  return r < 0 ? parts.length : r;
}

/** Serves each user's top 5 (as /recommend does) and measures reasons and concentration. */
export function servedReport(
  model: HybridModel,
  users: ArrayLike<number>,
  evidence: (u: number) => UserEvidence,
  blend: BlendWeights,
  diversity: number,
): ServedReport {
  const now = new Tally();
  const before = new Tally();
  const lists: Int32Array[] = [];
  let friendReasons = 0;
  let naming = 0;
  let minNamedShare = 1;
  for (let t = 0; t < users.length; t++) {
    const user = evidence(users[t]!);
    const picks = recommend(model, user, { count: SHOWN, blend, diversity });
    lists.push(Int32Array.from(picks, (p) => p.item));
    const b = blendScores(model, user, { blend });
    const split = contributionsFor(model, user, b);
    for (const p of picks) {
      const parts = split(p.item);
      const reason = p.reason as Reason;
      now.add(reason.kind, evidenceRank(reason, parts));
      if (reason.kind === 'friends') {
        friendReasons++;
        if (reason.named.length > 0) naming++;
        for (const person of reason.named) minNamedShare = Math.min(minNamedShare, person.share);
      }
      const old = legacyEvidence(model, user, p.item, b);
      before.add(old?.kind ?? 'none', legacyRank(old, parts));
    }
  }
  return {
    faithfulness: now.result(),
    friends: { reasons: friendReasons, naming, minNamedShare },
    legacyFaithfulness: before.result(),
    concentration: concentration(lists, model.items.length),
  };
}
