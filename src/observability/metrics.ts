// Prometheus metrics (prom-client, the de-facto Node client: exposition format, histograms and Node's runtime metrics
// such as event-loop lag come for free). One Registry per app, never the global one, so tests can run several apps.
// Services never import this: they take small callbacks, and the composition root (src/app.ts) connects them here.
import { type Channel, channel } from 'node:diagnostics_channel';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type InteractionType = 'command' | 'button' | 'autocomplete';
/** ok; user_error (a UserFacingError: bad input, limits); unavailable (database down, shutting down); error (a bug). */
export type InteractionOutcome = 'ok' | 'user_error' | 'unavailable' | 'error';

export interface InteractionObservation {
  readonly type: InteractionType;
  /** Command name; `button` for buttons. */
  readonly command: string;
  readonly outcome: InteractionOutcome;
  /** From receipt to Discord's acknowledgement (reply or defer); null when nothing reached Discord. */
  readonly firstResponseMs: number | null;
  readonly totalMs: number;
  readonly deferred: boolean;
  /** For failures: the error's code (user-facing) or class name (everything else). */
  readonly errorClass?: string;
}

export type DeliveryOutcome = 'sent' | 'undeliverable' | 'permanent' | 'transient';
export type BreakerState = 'closed' | 'open' | 'half_open';

/** Read at scrape time. */
export interface MetricSources {
  /** Outbox rows by status (only the statuses that are work: pending, sending). */
  readonly outboxDepth?: () => Promise<Readonly<Record<string, number>>>;
  readonly tmdbBreaker?: () => BreakerState;
  readonly modelVersion?: () => string | null;
}

export interface Metrics {
  readonly registry: Registry;
  interaction(o: InteractionObservation): void;
  delivery(kind: string, outcome: DeliveryOutcome): void;
  modelBuilt(ms: number): void;
  /** Unsubscribes from undici's diagnostics channels. */
  close(): void;
}

export interface MetricsOptions {
  /** Origin of the TMDB API (e.g. https://api.themoviedb.org): its undici requests are counted and timed. */
  readonly tmdbOrigin: string;
  readonly sources?: MetricSources;
}

const SECONDS = (ms: number) => ms / 1000;
const BREAKER_STATES: readonly BreakerState[] = ['closed', 'half_open', 'open'];

interface UndiciRequest {
  readonly origin?: string | URL;
  readonly method?: string;
}

export function createMetrics(opts: MetricsOptions): Metrics {
  const registry = new Registry();
  // Node runtime metrics, including nodejs_eventloop_lag_seconds and its percentiles (monitorEventLoopDelay).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const registers = [registry];

  const interactions = new Counter({
    name: 'marquee_interactions_total',
    help: 'Interactions handled, by type, command and outcome (ok, user_error, unavailable, error).',
    labelNames: ['type', 'command', 'outcome'] as const,
    registers,
  });
  const firstResponse = new Histogram({
    name: 'marquee_interaction_first_response_seconds',
    help: "Receipt to Discord's acknowledgement (reply or defer). Discord drops interactions not acknowledged in 3 s.",
    labelNames: ['type', 'command'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5],
    registers,
  });
  const completion = new Histogram({
    name: 'marquee_interaction_duration_seconds',
    help: 'Receipt to the final answer.',
    labelNames: ['type', 'command'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60],
    registers,
  });
  const deferrals = new Counter({
    name: 'marquee_interaction_deferrals_total',
    help: 'Interactions answered with "thinking…" first (deferred) because the work could take longer than 3 s.',
    labelNames: ['type', 'command'] as const,
    registers,
  });
  const errors = new Counter({
    name: 'marquee_interaction_errors_total',
    help: 'Failed interactions by outcome and class (a user-facing error code, or the error class name).',
    labelNames: ['outcome', 'class'] as const,
    registers,
  });
  const tmdbRequests = new Counter({
    name: 'marquee_tmdb_requests_total',
    help: 'HTTP requests to TMDB (each retry counts), by status code, or "error" when no response came.',
    labelNames: ['status'] as const,
    registers,
  });
  const tmdbLatency = new Histogram({
    name: 'marquee_tmdb_request_duration_seconds',
    help: "TMDB request to response headers (or to the request's error).",
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers,
  });
  new Gauge({
    name: 'marquee_tmdb_breaker_state',
    help: 'TMDB circuit breaker: 1 for the current state (closed, half_open, open), 0 for the others.',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const state = opts.sources?.tmdbBreaker?.();
      if (!state) return;
      for (const s of BREAKER_STATES) this.set({ state: s }, s === state ? 1 : 0);
    },
  });
  new Gauge({
    name: 'marquee_outbox_depth',
    help: 'Weekly messages waiting in the delivery outbox, by status (pending, sending).',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      const depth = await opts.sources?.outboxDepth?.();
      if (!depth) return;
      this.reset();
      for (const status of ['pending', 'sending']) this.set({ status }, depth[status] ?? 0);
    },
  });
  const deliveries = new Counter({
    name: 'marquee_outbox_deliveries_total',
    help: 'Weekly messages sent from the outbox, by kind (dm, channel) and outcome; rate() is the delivery rate.',
    labelNames: ['kind', 'outcome'] as const,
    registers,
  });
  const modelBuild = new Histogram({
    name: 'marquee_model_build_seconds',
    help: 'Recommendation model builds (worker thread), start to serving.',
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    registers,
  });
  new Gauge({
    name: 'marquee_model_info',
    help: 'The recommendation model serving (version label); absent before the first build.',
    labelNames: ['version'] as const,
    registers,
    collect() {
      this.reset();
      const version = opts.sources?.modelVersion?.();
      if (version) this.set({ version }, 1);
    },
  });

  // TMDB traffic, seen through undici's diagnostics channels: no change to the client and its interceptors, and every
  // retry counts as the request it is. Channels are process-wide, so requests are matched by origin.
  const tmdbOrigin = new URL(opts.tmdbOrigin).origin;
  const started = new WeakMap<object, number>();
  const isTmdb = (request: UndiciRequest | undefined) => {
    if (!request?.origin) return false;
    try {
      return new URL(String(request.origin)).origin === tmdbOrigin;
    } catch {
      return false;
    }
  };
  const finish = (request: object, status: string) => {
    const t0 = started.get(request);
    if (t0 === undefined) return;
    started.delete(request);
    tmdbRequests.inc({ status });
    tmdbLatency.observe(SECONDS(performance.now() - t0));
  };
  const subscriptions: [Channel, (message: unknown) => void][] = [
    [
      channel('undici:request:create'),
      (m) => {
        const { request } = m as { request: UndiciRequest };
        if (isTmdb(request)) started.set(request, performance.now());
      },
    ],
    [
      channel('undici:request:headers'),
      (m) => {
        const { request, response } = m as { request: object; response: { statusCode: number } };
        finish(request, String(response.statusCode));
      },
    ],
    [
      channel('undici:request:error'),
      (m) => {
        const { request } = m as { request: object };
        finish(request, 'error');
      },
    ],
  ];
  for (const [ch, fn] of subscriptions) ch.subscribe(fn);

  return {
    registry,
    interaction(o) {
      interactions.inc({ type: o.type, command: o.command, outcome: o.outcome });
      const labels = { type: o.type, command: o.command };
      if (o.firstResponseMs !== null) firstResponse.observe(labels, SECONDS(o.firstResponseMs));
      completion.observe(labels, SECONDS(o.totalMs));
      if (o.deferred) deferrals.inc(labels);
      if (o.outcome !== 'ok') errors.inc({ outcome: o.outcome, class: o.errorClass ?? 'unknown' });
    },
    delivery(kind, outcome) {
      deliveries.inc({ kind, outcome });
    },
    modelBuilt(ms) {
      modelBuild.observe(SECONDS(ms));
    },
    close() {
      for (const [ch, fn] of subscriptions) ch.unsubscribe(fn);
    },
  };
}
