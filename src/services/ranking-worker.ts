// Worker thread entry: ranks batches of members with the pure engine on a second core (the weekly run's chunks),
// from its own copy of the serving model (posted once per version by src/services/ranking-pool.ts).
import { parentPort } from 'node:worker_threads';
import { type HybridModel, recommend } from '../recommender/index.ts';
import { RANK, RANK_MODEL, RANKED, type RankedMessage, type RankingRequest } from './recommendation-worker-message.ts';

let model: HybridModel | null = null;
let version: string | null = null;

parentPort?.on('message', (message: RankingRequest) => {
  if (message?.type === RANK_MODEL) {
    model = message.model;
    version = message.version;
    return;
  }
  if (message?.type !== RANK) return; // not ours (e.g. watch mode's file reports)
  let reply: RankedMessage;
  try {
    if (!model || version !== message.version)
      throw new Error(`ranking worker has model ${version ?? 'none'}, asked for ${message.version}`);
    const m = model;
    const circle = message.circle;
    const results = message.jobs.map((j) => recommend(m, circle ? { ...j.evidence, circle } : j.evidence, j.options));
    reply = { type: RANKED, id: message.id, results };
  } catch (err) {
    reply = { type: RANKED, id: message.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
