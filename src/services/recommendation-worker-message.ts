// The one message the model build worker sends its parent. It is tagged because a worker's message port carries
// other traffic too: under `node --watch` (npm run dev) Node posts `{ 'watch:import': [...] }` from every worker to
// report the files it loaded, and an untagged listener took that for the model.
import type { HybridModel } from '../recommender/index.ts';

export const MODEL_BUILT = 'marquee:model-built';

export interface ModelBuiltMessage {
  readonly type: typeof MODEL_BUILT;
  readonly model: HybridModel;
}

export function isModelBuiltMessage(message: unknown): message is ModelBuiltMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === MODEL_BUILT &&
    typeof (message as { model?: unknown }).model === 'object'
  );
}
