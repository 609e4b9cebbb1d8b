// Why a pick was made, as data: the pick's blended score is split exactly over what produced it (each film of the
// user's history through item-kNN, EASE, content and TMDB's lists, plus the taste neighbours and the popularity prior), and the
// reason names the largest contributor. The words are made in src/bot/, never here.

import type { BlendResult } from './blend.ts';
import { candidateMoments } from './blend.ts';
import { contentCoefficients, contentSimilarity } from './content.ts';
import { easeWeight } from './ease.ts';
import { itemKnnSimilarity } from './item-knn.ts';
import type { HybridModel } from './model.ts';
import { relatedEdge, relatedUserWeight } from './related.ts';
import type { Source, UserEvidence } from './types.ts';
import { meanStarsOf, neighbourEvidence, neighbourRatings } from './user-knn.ts';

/**
 * The least share of a pick's positive score one server neighbour must carry to be named in its reason ("Sam and
 * Ana, who share your taste, gave it 4.5★"): below it, a name would claim more than that person did.
 */
export const NAMED_NEIGHBOUR_MIN_SHARE = 0.05;
/** At most this many people are named in one reason. */
export const NAMED_NEIGHBOURS_MAX = 3;

/** A film of the user's own history named as evidence. */
export interface ReasonEvidence {
  /** Item index in the model. */
  readonly item: number;
  /** The user's stars for it; null when watched or 👍 without stars. */
  readonly stars: number | null;
  /** Its share of the pick's positive score (0–1). */
  readonly share: number;
}

/** A server neighbour who may be named: the engine's training-user index, their stars and share of the score. */
export interface NeighbourEvidence {
  /** User index in the model. */
  readonly user: number;
  /** Their stars for the pick; null when they watched it without stars. */
  readonly stars: number | null;
  /** Their share of the pick's positive score (0–1). */
  readonly share: number;
}

/** Which part of the engine a film's contribution came through mostly. */
export type FilmChannel = 'item' | 'content';

/**
 * Why a film was picked. `E` is how a named film is identified: the engine uses item indices
 * ({@link ReasonEvidence}); the service swaps in movie ids and titles for the bot. `P` is how a server neighbour who
 * may be named is identified: a user index here; the service keeps only the people the viewer may see, by name.
 */
export type Reason<E = ReasonEvidence, P = NeighbourEvidence> =
  /** Close to films the user rated, by co-watching (EASE / item-kNN) or by content; evidence strongest first. */
  | { readonly kind: 'similar_to'; readonly via: FilmChannel; readonly evidence: readonly E[] }
  /** Shares a director / lead actor / collection with the first evidence film. */
  | {
      readonly kind: 'shared_director' | 'shared_cast' | 'shared_collection';
      readonly name: string;
      readonly evidence: readonly E[];
    }
  /** Shares keywords with the first evidence film. */
  | { readonly kind: 'shared_keywords'; readonly keywords: readonly string[]; readonly evidence: readonly E[] }
  /** Taste neighbours rated it: how many, their mean stars (null when none gave stars), the share of the score. */
  | {
      readonly kind: 'taste_neighbours';
      readonly people: number;
      readonly meanStars: number | null;
      readonly share: number;
    }
  /**
   * Taste neighbours who are members of this server drove the pick: how many of them have it, their mean stars
   * (null when none gave stars), their share of the score, and those who each carry at least
   * {@link NAMED_NEIGHBOUR_MIN_SHARE} of it (strongest first), the only ones the words may name.
   */
  | {
      readonly kind: 'friends';
      readonly people: number;
      readonly meanStars: number | null;
      readonly share: number;
      readonly named: readonly P[];
    }
  /** Popular in this community: raters and their shrunk mean stars. */
  | { readonly kind: 'popular_here'; readonly ratings: number; readonly meanStars: number; readonly share: number }
  /** Nobody here rated it much; TMDB's vote average and count. */
  | { readonly kind: 'highly_rated'; readonly voteAverage: number; readonly voteCount: number; readonly share: number }
  /** Nothing specific: a well-liked film to start with. */
  | { readonly kind: 'starter' };

/** The same reason with each named film mapped by `f` (the service maps item indices to movie ids and titles). */
export function mapReasonEvidence<A, B, P>(r: Reason<A, P>, f: (e: A) => B): Reason<B, P> {
  return 'evidence' in r ? { ...r, evidence: r.evidence.map(f) } : r;
}

/**
 * The same reason with its nameable people mapped by `f`; a person `f` maps to null is left out (the service drops
 * those the viewer may not see).
 */
export function mapReasonPeople<E, A, B>(r: Reason<E, A>, f: (p: A) => B | null): Reason<E, B> {
  if (r.kind !== 'friends') return r;
  return { ...r, named: r.named.map(f).filter((p): p is B => p !== null) };
}

/** The training users a reason may name (none but a `friends` reason's). */
export function reasonPeople<E, P>(r: Reason<E, P>): readonly P[] {
  return r.kind === 'friends' ? r.named : [];
}

export type ReasonKind = Reason['kind'];

/** One contributor to a pick's score: a film of the user's history, or a source that names no film. */
export type Contributor =
  | {
      readonly kind: 'film';
      readonly item: number;
      readonly value: number;
      /** The parts that came through EASE / item-kNN and through content (features, or TMDB's related lists). */
      readonly viaItem: number;
      readonly viaContent: number;
    }
  /** Taste neighbours outside the server (or all of them outside a server); server neighbours; the popularity prior. */
  | { readonly kind: 'neighbours' | 'server_neighbours' | 'popularity'; readonly value: number };

/** The films, if any, a reason names as evidence (the first is the one the words name). */
export function reasonFilms<E, P>(r: Reason<E, P>): readonly E[] {
  return 'evidence' in r ? r.evidence : [];
}

const FILM_SOURCES = ['ease', 'item_knn', 'content', 'related'] as const satisfies readonly Source[];

/**
 * Splits picks' scores over their contributors for one user. Every term is exact: the item-based and content raw
 * scores are sums over the user's films, and z-normalisation divides them by the source's spread over the
 * candidates (the mean shift is common to every film and is left out). User-kNN's raw score is a sum over the
 * neighbours: in a server, the part from neighbours who are members is split off as `server_neighbours`.
 */
export function contributionsFor(
  model: HybridModel,
  user: UserEvidence,
  blend: BlendResult,
): (item: number) => Contributor[] {
  const spread: Partial<Record<Source, number>> = {};
  for (const s of FILM_SOURCES) {
    const r = blend.raw[s];
    if (r) spread[s] = candidateMoments(r, blend.excluded).sd;
  }
  const coef = contentCoefficients(user.ratings);
  const w = blend.weights;
  const scale = (s: Source) => {
    const sd = spread[s];
    return sd && sd > 1e-12 && blend.normalised[s] ? w[s] / sd : 0;
  };
  const userKnnRaw = blend.raw.user_knn;
  const userKnnSd = userKnnRaw && user.circle ? candidateMoments(userKnnRaw, blend.excluded).sd : 0;
  const serverScale = userKnnSd > 1e-12 && blend.normalised.user_knn ? w.user_knn / userKnnSd : 0;
  const knnScale = scale('item_knn');
  const easeScale = scale('ease');
  const contentScale = scale('content');
  const relatedScale = scale('related');
  const vec = blend.vector;
  return (item) => {
    const out: Contributor[] = [];
    const easeCovers = model.ease !== null && model.ease.pos[item]! >= 0;
    for (let t = 0; t < user.items.length; t++) {
      const j = user.items[t]!;
      const wj = vec.weights[t]!;
      let viaItem = 0;
      if (model.itemKnn && (knnScale !== 0 || (easeScale !== 0 && !easeCovers))) {
        const sim = itemKnnSimilarity(model.itemKnn, j, item);
        // Films outside EASE's subset take item-kNN's z-score in EASE's place.
        viaItem += wj * sim * (knnScale + (easeCovers ? 0 : w.ease * (spread.item_knn ? 1 / spread.item_knn : 0)));
      }
      if (model.ease && easeCovers && easeScale !== 0) viaItem += easeScale * wj * easeWeight(model.ease, j, item);
      let viaContent =
        model.content && contentScale !== 0 ? contentScale * coef[t]! * contentSimilarity(model.content, j, item) : 0;
      if (model.related && relatedScale !== 0)
        viaContent += relatedScale * relatedUserWeight(user.ratings[t]!) * relatedEdge(model.related, j, item);
      out.push({ kind: 'film', item: j, value: viaItem + viaContent, viaItem, viaContent });
    }
    const neighbours = w.user_knn * (blend.normalised.user_knn?.[item] ?? 0);
    let server = 0;
    if (serverScale !== 0 && blend.neighbours) {
      for (const r of neighbourRatings(model.byUser, blend.neighbours, item, user.circle)) server += r.sim;
      server *= serverScale;
    }
    out.push({ kind: 'neighbours', value: neighbours - server });
    if (user.circle) out.push({ kind: 'server_neighbours', value: server });
    out.push({ kind: 'popularity', value: w.popularity * (blend.normalised.popularity?.[item] ?? 0) });
    out.sort((a, b) => b.value - a.value);
    return out;
  };
}

/** The reason for each pick of one user: the largest contributor, in the most specific form the data supports. */
export function reasonsFor(model: HybridModel, user: UserEvidence, blend: BlendResult): (item: number) => Reason {
  const contributions = contributionsFor(model, user, blend);
  const starsOf = new Map<number, number | null>();
  for (let t = 0; t < user.items.length; t++) {
    const r = user.ratings[t]!;
    starsOf.set(user.items[t]!, Number.isNaN(r) ? null : r);
  }
  return (item) => {
    const all = contributions(item);
    let positive = 0;
    for (const c of all) if (c.value > 0) positive += c.value;
    const share = (v: number) => (positive > 0 ? Math.max(v, 0) / positive : 0);
    const meta = model.items[item]!;
    for (const c of all) {
      if (c.value <= 0) break;
      if (c.kind === 'film') {
        const evidence = all
          .filter((x): x is Extract<Contributor, { kind: 'film' }> => x.kind === 'film' && x.value > 0)
          .slice(0, 3)
          .map((x) => ({ item: x.item, stars: starsOf.get(x.item) ?? null, share: share(x.value) }));
        if (c.viaContent > c.viaItem) {
          const other = model.items[c.item]!;
          const director = meta.directors.find((d) => other.directors.includes(d));
          if (director) return { kind: 'shared_director', name: director, evidence };
          if (meta.collection && meta.collection === other.collection)
            return { kind: 'shared_collection', name: meta.collection, evidence };
          const actor = meta.cast.slice(0, 3).find((a) => other.cast.slice(0, 5).includes(a));
          if (actor) return { kind: 'shared_cast', name: actor, evidence };
          const keywords = meta.keywords.filter((k) => other.keywords.includes(k));
          if (keywords.length >= 2) return { kind: 'shared_keywords', keywords: keywords.slice(0, 2), evidence };
        }
        return { kind: 'similar_to', via: c.viaContent > c.viaItem ? 'content' : 'item', evidence };
      }
      if (c.kind === 'server_neighbours') {
        if (!blend.neighbours || !user.circle) continue;
        const rated = neighbourRatings(model.byUser, blend.neighbours, item, user.circle);
        let sims = 0;
        for (const r of rated) sims += r.sim;
        const named = rated
          .map((r) => ({
            user: r.user,
            stars: Number.isNaN(r.stars) ? null : r.stars,
            share: sims > 0 ? share(c.value) * (r.sim / sims) : 0,
          }))
          .filter((p) => p.share >= NAMED_NEIGHBOUR_MIN_SHARE)
          .sort((a, b) => b.share - a.share || a.user - b.user)
          .slice(0, NAMED_NEIGHBOURS_MAX);
        const mean = meanStarsOf(rated);
        return {
          kind: 'friends',
          people: rated.length,
          meanStars: Number.isNaN(mean) ? null : mean,
          share: share(c.value),
          named,
        };
      }
      if (c.kind === 'neighbours') {
        if (!blend.neighbours) continue;
        const ev = neighbourEvidence(model.byUser, blend.neighbours, item);
        if (ev.count < 2) continue;
        const meanStars = Number.isNaN(ev.meanStars) ? null : ev.meanStars;
        return { kind: 'taste_neighbours', people: ev.count, meanStars, share: share(c.value) };
      }
      return popularityReason(model, item, share(c.value));
    }
    return popularityReason(model, item, 0);
  };
}

function popularityReason(model: HybridModel, item: number, share: number): Reason {
  const c = model.popularity.counts[item]!;
  if (c >= 3) return { kind: 'popular_here', ratings: c, meanStars: model.popularity.quality[item]!, share };
  const meta = model.items[item]!;
  if (meta.voteCount > 0)
    return { kind: 'highly_rated', voteAverage: meta.voteAverage, voteCount: meta.voteCount, share };
  return { kind: 'starter' };
}

/**
 * Where a reason's named evidence ranks among the pick's contributors (0 = the largest), or -1 when it names none
 * (a starter). Offline evaluation reports the share at rank 0 and below 3 (reason faithfulness).
 */
export function evidenceRank(reason: Reason, contributors: readonly Contributor[]): number {
  const films = reasonFilms(reason);
  const match = (c: Contributor): boolean => {
    if (films.length > 0) return c.kind === 'film' && c.item === films[0]!.item;
    if (reason.kind === 'taste_neighbours') return c.kind === 'neighbours';
    if (reason.kind === 'friends') return c.kind === 'server_neighbours';
    if (reason.kind === 'popular_here' || reason.kind === 'highly_rated') return c.kind === 'popularity';
    return false;
  };
  if (reason.kind === 'starter') return -1;
  const r = contributors.findIndex(match);
  return r < 0 ? contributors.length : r;
}
