export { DEMO_MOVIES, type DemoMovie, TMDB_MOVIE_GENRES } from '../../src/data/demo-catalogue.ts';
export { loadTmdb5000 } from './csv.ts';
export {
  FAKE_TMDB_TOKEN,
  type FakeTmdb,
  type FaultControls,
  type FaultKind,
  type FaultRule,
  type RecordedRequest,
  type StartFakeTmdbOptions,
  startFakeTmdb,
} from './server.ts';
export { FAKE_WATCH_PROVIDERS, FAKE_WATCH_REGIONS, offersIn } from './watch-providers.ts';
