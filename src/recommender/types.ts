// Plain data the engine works on. No ORM entities, no I/O: the service and the scripts convert to these.
import type { Reason } from './reasons.ts';

/** The source names used everywhere: per-source scores in recommendation_log, blend weights, reasons. */
export const SOURCES = ['content', 'user_knn', 'item_knn', 'ease', 'popularity', 'related'] as const;
export type Source = (typeof SOURCES)[number];
export type SourceWeights = Partial<Record<Source, number>>;

/** What we know about one film. `id` is the external id (TMDB id in the app, MovieLens id offline). */
export interface ItemMeta {
  readonly id: number;
  readonly title: string;
  readonly year: number | null;
  readonly genres: readonly string[];
  readonly keywords: readonly string[];
  /** Top-billed cast, in billing order. */
  readonly cast: readonly string[];
  readonly directors: readonly string[];
  readonly language: string | null;
  readonly collection: string | null;
  readonly runtime: number | null;
  readonly voteAverage: number;
  readonly voteCount: number;
  /**
   * TMDB's own "recommendations" then "similar" lists for this film (TMDB ids, TMDB's order, merged), when known:
   * the `related` source (related.ts).
   */
  readonly related?: readonly number[];
}

/** A film known only by id and title (ratings-only data such as a bare MovieLens file); `extra` fills what is known. */
export function bareItem(id: number, title: string, extra: Partial<ItemMeta> = {}): ItemMeta {
  return {
    id,
    title,
    year: null,
    genres: [],
    keywords: [],
    cast: [],
    directors: [],
    language: null,
    collection: null,
    runtime: null,
    voteAverage: 0,
    voteCount: 0,
    ...extra,
  };
}

/** Compressed sparse rows: row r holds cols[ptr[r]..ptr[r+1]) with vals at the same positions. */
export interface Csr {
  readonly nRows: number;
  readonly nCols: number;
  readonly ptr: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float32Array;
}

/** Ratings as parallel arrays of indices into `users` / `items` of the training data. */
export interface RatingTriplets {
  readonly user: Int32Array;
  readonly item: Int32Array;
  /** Stars 0.5–5; NaN for an interaction without stars (watched, 👍 only). */
  readonly value: Float32Array;
}

export interface TrainingData {
  readonly items: readonly ItemMeta[];
  readonly userIds: readonly string[];
  readonly ratings: RatingTriplets;
}

/**
 * One user's evidence at query time (the "overlay": read fresh for that user, so a new rating counts at once).
 * Item indices refer to the model's items.
 */
export interface UserEvidence {
  /** Items the user interacted with positively or neutrally: rated, watched, 👍. */
  readonly items: Int32Array;
  /** Stars per item, NaN when unknown (watched only). A 👍 without stars counts as 4.5. */
  readonly ratings: Float32Array;
  /** Items disliked (👎, not interested): never recommended, pushed away in the content profile. */
  readonly disliked?: Int32Array;
  /** Other items never to recommend (seen, excluded by the caller). */
  readonly exclude?: Int32Array;
  /**
   * Items shown to the user in an earlier batch that drew no reaction: weak negative evidence in the neighbour
   * models (weight −{@link BlendOptions.ignoredWeight}) and never recommended again.
   */
  readonly ignored?: Int32Array;
  /** The user's own row in the training data, so user-kNN does not pick the user as their own neighbour. */
  readonly selfIndex?: number;
  /**
   * The members of the server the picks are made in, one slot per training user (1 = member): user-kNN weighs them
   * by `UserKnnOptions.serverWeight`, and a pick they drive gets a `friends` reason. Absent outside a server.
   */
  readonly circle?: Uint8Array;
}

export interface Filters {
  readonly genre?: string;
  readonly fromYear?: number;
  readonly toYear?: number;
  readonly maxRuntime?: number;
  /** Only these films (movie ids), e.g. those on the person's streaming services. */
  readonly onlyIds?: ReadonlySet<number>;
}

export interface ScoredItem {
  readonly item: number;
  readonly score: number;
  /** z-score of each source for this film. */
  readonly sources: Record<Source, number>;
  /** Why it was picked, as data (words are made in src/bot/); null when reasons were not asked for. */
  readonly reason: Reason | null;
}
