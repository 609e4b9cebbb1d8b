// Worker thread entry: builds the hybrid model off the main thread so a rebuild (seconds of CPU) never blocks the
// bot's event loop. Input and output are plain data (typed arrays, Maps), copied by structured clone.
import { parentPort, workerData } from 'node:worker_threads';
import { buildHybrid, type HybridOptions, type TrainingData } from '../recommender/index.ts';
import { MODEL_BUILT, type ModelBuiltMessage } from './recommendation-worker-message.ts';

const { data, options } = workerData as { data: TrainingData; options: HybridOptions };
const message: ModelBuiltMessage = { type: MODEL_BUILT, model: buildHybrid(data, options) };
parentPort?.postMessage(message);
