// npm run recommend:offline -- --train T.csv --k 10 --out recs.csv [--movies M.csv] [--links L.csv] [--tmdb PATH]
// Trains the hybrid on any MovieLens-format ratings file and writes the top k unseen films for every user in it:
// `userId,rank,movieId,score`. Hyper-parameters are tuned on a validation split carved from T itself.

import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { DEFAULT_TMDB_CSV, loadMetadata, readRatingsCsv } from '../src/data/movielens.ts';
import { blendScores } from '../src/recommender/blend.ts';
import { trainingFrom } from '../src/recommender/evaluation.ts';
import { buildHybrid, DEFAULT_BLEND, topK } from '../src/recommender/index.ts';
import { trainingEvidence } from '../src/recommender/offline.ts';
import { tuneOnTraining } from '../src/recommender/tuning.ts';
import { parseArgs, progress, toRatingLog } from './recommender/common.ts';

const { values: args } = parseArgs({
  options: {
    train: { type: 'string' },
    k: { type: 'string', default: '10' },
    out: { type: 'string' },
    movies: { type: 'string' },
    links: { type: 'string' },
    tmdb: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'no-tune': { type: 'boolean', default: false },
  },
});
if (!args.train || !args.out) {
  console.error(
    'usage: npm run recommend:offline -- --train T.csv --k 10 --out recs.csv [--movies M.csv] [--links L.csv] [--tmdb PATH]',
  );
  process.exit(2);
}
const k = Number(args.k);
if (!Number.isInteger(k) || k < 1) throw new Error('--k must be a positive integer');
const seed = Number(args.seed);
const started = performance.now();
const ratings = readRatingsCsv(args.train);
const tmdb = args.tmdb ?? (args.links && existsSync(DEFAULT_TMDB_CSV) ? DEFAULT_TMDB_CSV : undefined);
const { meta, sources } = loadMetadata(ratings.movie, { movies: args.movies, links: args.links, tmdb });
const log = toRatingLog(ratings, meta);
progress(
  `${log.nUsers} users, ${log.items.length} movies, ${log.user.length} ratings from ${args.train}; metadata: ${sources.join(', ') || 'none'}`,
);
const train = trainingFrom(log);
const tuned = args['no-tune'] ? null : tuneOnTraining(train, { seed, onProgress: (m) => progress(m) });
const model = buildHybrid(train, tuned ? { ease: tuned.ease } : {});
const blend = tuned?.blend ?? DEFAULT_BLEND;
progress(`model built (EASE on ${model.ease?.m ?? 0} movies); ranking`);

const out = createWriteStream(args.out);
out.write('userId,rank,movieId,score\n');
let short = 0;
for (let u = 0; u < log.nUsers; u++) {
  const ev = trainingEvidence(model, u);
  const b = blendScores(model, ev, { blend });
  let top = topK(b.scores, k, (i) => b.excluded[i] === 1);
  if (top.length < k) {
    // Fewer scored candidates than k (tiny catalogues): fill with the most popular unseen films.
    const have = new Set(top);
    const fill = topK(model.popularity.counts, k - top.length, (i) => b.excluded[i] === 1 || have.has(i));
    top = Int32Array.from([...top, ...fill]);
    if (top.length < k) short++;
  }
  let chunk = '';
  for (let r = 0; r < top.length; r++) {
    const i = top[r]!;
    const s = b.scores[i]!;
    chunk += `${log.userIds[u]},${r + 1},${model.items[i]!.id},${Number.isFinite(s) ? s.toFixed(6) : '0'}\n`;
  }
  if (!out.write(chunk)) await once(out, 'drain');
  if (u % 1000 === 999) progress(`${u + 1}/${log.nUsers} users`);
}
out.end();
await once(out, 'finish');
if (short > 0) progress(`warning: ${short} users have fewer than ${k} unseen films in the catalogue`);
progress(`wrote ${args.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
