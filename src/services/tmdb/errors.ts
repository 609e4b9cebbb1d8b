// One typed error for everything that can go wrong talking to TMDB. Messages never carry URLs or tokens.
export type TmdbErrorKind =
  /** No read token or API key is configured. */
  | 'not_configured'
  /** TMDB rejected the key (401). */
  | 'unauthorized'
  | 'not_found'
  /** Still 429 after the retries. */
  | 'rate_limited'
  /** Still 5xx after the retries. */
  | 'server'
  /** Connection refused / reset / DNS, after the retries. */
  | 'network'
  | 'timeout'
  /** The circuit breaker is open: TMDB failed recently, so we did not try. */
  | 'circuit_open'
  /** The body was not JSON or did not have the shape we need. */
  | 'malformed'
  /** Any other 4xx (bad parameters, invalid page). */
  | 'bad_request';

export class TmdbError extends Error {
  readonly kind: TmdbErrorKind;
  /** The path template, e.g. `/3/movie/{movie_id}`; never the full URL (it may hold api_key). */
  readonly endpoint: string;
  readonly status: number | undefined;
  constructor(kind: TmdbErrorKind, endpoint: string, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TmdbError';
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = options?.status;
  }

  /** True when TMDB may answer later (callers fall back to local data). */
  get transient(): boolean {
    return ['rate_limited', 'server', 'network', 'timeout', 'circuit_open', 'malformed'].includes(this.kind);
  }
}

export function isTmdbError(err: unknown): err is TmdbError {
  return err instanceof TmdbError;
}
