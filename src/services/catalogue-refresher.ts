// Background refresh of the movie cache: every interval, re-fetch a batch of expired or never-fetched rows.
// One EntityManager fork per run; runs never overlap; a failing run is logged and the next one tries again.
import { TMDB_DEFAULTS } from '../config.ts';
import type { Orm } from '../db.ts';
import type { Logger } from '../logger.ts';
import type { Catalogue, RefreshReport } from './catalogue-service.ts';

export interface CatalogueRefresher {
  /** One refresh run now (skipped, returning null, if a run is already going). */
  runOnce(): Promise<RefreshReport | null>;
  stop(): Promise<void>;
}

export function startCatalogueRefresher(opts: {
  orm: Orm;
  catalogue: Catalogue;
  logger: Logger;
  /** Defaults for these three: TMDB_DEFAULTS in config.ts. */
  intervalMs?: number;
  /** Rows per run. */
  batchSize?: number;
  /** Also expire rows TMDB lists as changed (GET /3/movie/changes) at most this often; 0 = never. */
  changesEveryMs?: number;
  clock?: () => Date;
}): CatalogueRefresher {
  const log = opts.logger.child({ job: 'catalogue-refresh' });
  let running: Promise<RefreshReport | null> | null = null;
  let stopped = false;

  const clock = opts.clock ?? (() => new Date());
  const changesEveryMs = opts.changesEveryMs ?? TMDB_DEFAULTS.changesEveryMs;
  // TMDB's change list covers at most 14 days; the first run looks back one interval.
  let changesSince: Date | null = changesEveryMs > 0 ? new Date(clock().getTime() - changesEveryMs) : null;

  async function expireChanged(): Promise<void> {
    if (!changesSince || clock().getTime() - changesSince.getTime() < changesEveryMs) return;
    const since = new Date(Math.max(changesSince.getTime(), clock().getTime() - 14 * 86_400_000));
    const started = clock();
    try {
      const expired = await opts.catalogue.expireChanged(opts.orm.em.fork(), since);
      changesSince = started;
      if (expired > 0) log.info({ expired, since }, 'expired films TMDB changed');
    } catch (err) {
      log.warn({ err }, 'could not read TMDB changes; will try again next run');
    }
  }

  function runOnce(): Promise<RefreshReport | null> {
    if (running || stopped) return Promise.resolve(null);
    running = expireChanged()
      .then(() => opts.catalogue.refreshStale(opts.orm.em.fork(), opts.batchSize ?? TMDB_DEFAULTS.refreshBatchSize))
      .catch((err: unknown) => {
        log.error({ err }, 'catalogue refresh failed');
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void runOnce(), opts.intervalMs ?? TMDB_DEFAULTS.refreshIntervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
