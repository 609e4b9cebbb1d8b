// Run as `node --watch test/support/watch-build-child.ts` by test/integration/model-worker-watch.test.ts: builds a tiny
// model in the worker thread exactly as the bot does, and prints how many films it holds.
import { bareItem, type TrainingData } from '../../src/recommender/index.ts';
import { buildModelInWorker } from '../../src/services/recommendation-service.ts';

const data: TrainingData = {
  items: [bareItem(1, 'Heat'), bareItem(2, 'Ronin'), bareItem(3, 'Up')],
  userIds: ['a', 'b'],
  ratings: {
    user: Int32Array.from([0, 0, 1, 1]),
    item: Int32Array.from([0, 1, 1, 2]),
    value: Float32Array.from([5, 4, 4, 3]),
  },
};
const model = await buildModelInWorker(data, {});
process.stdout.write(`model built: ${model.items.length} films\n`);
