// Builds every model of the hybrid once from training data: the interaction matrix both ways, the popularity prior,
// content vectors, item-kNN and EASE. Scoring a user is elsewhere (scorers.ts, blend.ts).
import { buildContent, type ContentModel, type ContentWeights } from './content.ts';
import { csrFromTriplets, transpose } from './csr.ts';
import { buildEase, DEFAULT_EASE, type EaseModel, type EaseOptions } from './ease.ts';
import { buildEaseOnThread, EASE_THREAD_MIN_ITEMS, easeItemCount, type PendingEase } from './ease-parallel.ts';
import { buildItemKnn, DEFAULT_ITEM_KNN, type ItemKnnModel, type ItemKnnOptions } from './item-knn.ts';
import { buildPopularity, type PopularityModel } from './popularity.ts';
import { buildRelated, type RelatedModel } from './related.ts';
import { type Csr, type ItemMeta, SOURCES, type Source, type TrainingData } from './types.ts';
import { DEFAULT_USER_KNN, type UserKnnOptions } from './user-knn.ts';

export interface HybridOptions {
  readonly itemKnn?: ItemKnnOptions;
  readonly userKnn?: UserKnnOptions;
  /** null disables EASE (item-kNN then covers every film). */
  readonly ease?: EaseOptions | null;
  readonly content?: ContentWeights;
  /** Which models to build; all by default. The offline baselines build only what they need. */
  readonly models?: readonly Source[];
  /**
   * Build EASE on a second thread while item-kNN builds on this one (ease-parallel.ts); true by default, used only
   * when EASE covers at least EASE_THREAD_MIN_ITEMS films.
   */
  readonly easeThread?: boolean;
}

export interface HybridModel {
  readonly items: readonly ItemMeta[];
  readonly itemIndex: ReadonlyMap<number, number>;
  readonly userIds: readonly string[];
  readonly userIndex: ReadonlyMap<string, number>;
  readonly byUser: Csr;
  readonly byItem: Csr;
  readonly popularity: PopularityModel;
  readonly content: ContentModel | null;
  readonly itemKnn: ItemKnnModel | null;
  readonly ease: EaseModel | null;
  /** TMDB's recommendations/similar lists as item → item edges; null when no film has them. */
  readonly related: RelatedModel | null;
  readonly userKnn: UserKnnOptions;
  /** Whether any film has metadata beyond a title (genres, keywords, …). */
  readonly hasContent: boolean;
}

export function buildHybrid(data: TrainingData, opts: HybridOptions = {}): HybridModel {
  const models = new Set<Source>(opts.models ?? SOURCES);
  const nItems = data.items.length;
  const nUsers = data.userIds.length;
  const byUser = csrFromTriplets(nUsers, nItems, data.ratings.user, data.ratings.item, data.ratings.value);
  const byItem = transpose(byUser);
  const popularity = buildPopularity(byItem, data.items);
  const easeOpts = opts.ease === undefined ? DEFAULT_EASE : opts.ease;
  const hasContent = data.items.some((m) => m.genres.length > 0 || m.keywords.length > 0 || m.directors.length > 0);
  const easeSide = models.has('ease') && (easeOpts?.sideWeight ?? 0) > 0;
  // Content first (it is quick) when EASE takes the films' features as side information.
  const content =
    models.has('content') || models.has('item_knn') || easeSide ? buildContent(data.items, opts.content) : null;
  const features = easeSide && hasContent ? content?.vectors : null;
  const pendingEase =
    models.has('ease') && easeOpts ? startEase(byUser, popularity.counts, easeOpts, opts, features) : null;
  const needKnn = models.has('item_knn') || models.has('ease');
  const itemKnn = needKnn ? buildItemKnn(byUser, byItem, opts.itemKnn ?? DEFAULT_ITEM_KNN) : null;
  const ease = pendingEase ? pendingEase.result() : null;
  const itemIndex = new Map(data.items.map((m, i) => [m.id, i]));
  const related = models.has('related') ? buildRelated(data.items, itemIndex) : null;
  return {
    items: data.items,
    itemIndex,
    userIds: data.userIds,
    userIndex: new Map(data.userIds.map((u, i) => [u, i])),
    byUser,
    byItem,
    popularity,
    content,
    itemKnn,
    ease,
    related,
    userKnn: opts.userKnn ?? DEFAULT_USER_KNN,
    hasContent,
  };
}

/** EASE on its own thread when it is big enough to be worth one, else here (when `result()` is called). */
function startEase(
  byUser: Csr,
  counts: Int32Array,
  easeOpts: EaseOptions,
  opts: HybridOptions,
  features: Csr | null | undefined,
): PendingEase {
  if (opts.easeThread !== false && easeItemCount(counts, easeOpts) >= EASE_THREAD_MIN_ITEMS) {
    return buildEaseOnThread(byUser, counts, easeOpts, features);
  }
  return { result: () => buildEase(byUser, counts, easeOpts, features) };
}
