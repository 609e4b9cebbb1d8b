// The messages between the bot's thread and its workers (the model build, the ranking worker). Each is tagged because
// a worker's message port carries other traffic too: under `node --watch` (npm run dev) Node posts
// `{ 'watch:import': [...] }` from every worker to report the files it loaded, and an untagged listener took that for
// the model.
import type { HybridModel, RecommendOptions, ScoredItem, UserEvidence } from '../recommender/index.ts';

export const MODEL_BUILT = 'marquee:model-built';

export interface ModelBuiltMessage {
  readonly type: typeof MODEL_BUILT;
  readonly model: HybridModel;
}

/** Whether `message` carries our tag `type` and a field `field` of JavaScript type `of`. */
function tagged(message: unknown, type: string, field: string, of: 'object' | 'number'): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === type && typeof m[field] === of;
}

export function isModelBuiltMessage(message: unknown): message is ModelBuiltMessage {
  return tagged(message, MODEL_BUILT, 'model', 'object');
}

// The ranking worker (src/services/ranking-worker.ts): the serving model is posted to it once per version, then
// batches of members to rank; every message is tagged for the same reason as above.
export const RANK_MODEL = 'marquee:rank-model';
export const RANK = 'marquee:rank';
export const RANKED = 'marquee:ranked';

/** One member to rank: their evidence (without the server mask, sent once per batch) and the options. */
export interface RankJob {
  readonly evidence: UserEvidence;
  readonly options: RecommendOptions;
}

export type RankingRequest =
  | { readonly type: typeof RANK_MODEL; readonly version: string; readonly model: HybridModel }
  | {
      readonly type: typeof RANK;
      readonly id: number;
      readonly version: string;
      readonly circle: Uint8Array | undefined;
      readonly jobs: readonly RankJob[];
    };

export interface RankedMessage {
  readonly type: typeof RANKED;
  readonly id: number;
  /** Each job's picks, in the order sent; absent when the batch failed (`error` says why). */
  readonly results?: ScoredItem[][];
  readonly error?: string;
}

export function isRankedMessage(message: unknown): message is RankedMessage {
  return tagged(message, RANKED, 'id', 'number');
}
