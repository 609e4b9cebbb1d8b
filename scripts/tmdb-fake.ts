// npm run tmdb:fake -- [--port 8089] [--csv ../shared/data/tmdb/tmdb_5000_movies.csv.gz] [--token T] [--latency MS]
// Runs the fake TMDB until Ctrl-C, for the sandbox and for trying `npm run tmdb:check` offline.
import { parseArgs } from 'node:util';
import { startFakeTmdb } from '../fakes/tmdb/index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8089' },
    csv: { type: 'string' },
    token: { type: 'string', default: 'fake-tmdb-token' },
    latency: { type: 'string', default: '0' },
  },
});
const fake = await startFakeTmdb({
  port: Number(values.port),
  token: values.token,
  catalogue: values.csv ? { tmdb5000Csv: values.csv } : 'demo',
});
fake.faults.latencyMs = Number(values.latency);
console.log(`Fake TMDB with ${fake.movies.size} films at ${fake.url}`);
console.log(`Use: TMDB_BASE_URL=${fake.url} TMDB_READ_TOKEN=${values.token}`);
const stop = () => void fake.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
