// Worker thread entry: builds the hybrid model off the main thread so a rebuild (seconds of CPU) never blocks the
// bot's event loop. Input and output are plain data (typed arrays, Maps), copied by structured clone.
import { parentPort, workerData } from 'node:worker_threads';
import { buildHybrid, type HybridOptions, type TrainingData } from '../recommender/index.ts';

const { data, options } = workerData as { data: TrainingData; options: HybridOptions };
parentPort?.postMessage(buildHybrid(data, options));
