export { isTmdbError, TmdbError, type TmdbErrorKind } from './errors.ts';
export type { BreakerState } from './resilience.ts';
export {
  type AuthCheck,
  type CreateTmdbClientOptions,
  createTmdbAgent,
  createTmdbClient,
  DETAILS_APPEND,
  type RequestOptions,
  type TmdbClient,
} from './tmdb-client.ts';
export type * from './types.ts';
