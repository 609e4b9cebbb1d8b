// Runs imports in the background: claims a job (a lease in the database, so a restart or a second process picks it
// up where it stopped), matches its pending rows in batches, reports progress, applies the result in one
// transaction and hands the summary and the unmatched rows to the reporter. One job at a time per process.

import type { Orm } from '../../db.ts';
import { ImportJob, ImportRow, Movie } from '../../entities/index.ts';
import type { Logger } from '../../logger.ts';
import { encodeNotes } from './import-note.ts';
import {
  applyImport,
  claimableJobIds,
  claimJob,
  failImport,
  getImportJob,
  type ImportJobView,
  unmatchedRows,
  userExists,
} from './import-service.ts';
import { createMatcher, type MatcherDeps, MatcherUnavailableError } from './match.ts';

/** The rows an import could not match, for the bot to write as a CSV in the person's language. */
export interface ImportReport {
  readonly name: string;
  readonly rows: readonly ImportRow[];
}

/** Implemented by the bot (edits the `/import` reply, or DMs when it can no longer be edited). */
export interface ImportReporter {
  progress(job: ImportJobView): Promise<void>;
  finished(job: ImportJobView, unmatched: ImportReport | null): Promise<void>;
}

export interface ImportRunnerOptions extends MatcherDeps {
  readonly orm: Orm;
  readonly logger: Logger;
  readonly reporter: ImportReporter;
  readonly clock?: () => Date;
  /** Rows matched at once (TMDB calls are paced by the client's rate limit). */
  readonly concurrency?: number;
  readonly batchSize?: number;
  /** At most one progress edit per this long. */
  readonly progressEveryMs?: number;
  readonly leaseMs?: number;
  /** How often to look for jobs left by a restart or queued by another process. */
  readonly pollMs?: number;
  /** Wait after TMDB was unavailable before trying the job again. */
  readonly retryDelayMs?: number;
  /** Give up on a job after TMDB was unavailable this many times in a row. */
  readonly maxUnavailable?: number;
  readonly watchlistAvailable?: boolean;
}

export interface ImportRunner {
  start(): void;
  /** Looks for work now (called after `/import` queues a job). */
  kick(): void;
  /** Runs one job to its end or until TMDB is unavailable (tests; the loop calls it too). */
  runJob(jobId: number): Promise<'done' | 'failed' | 'retry' | 'busy'>;
  stop(): Promise<void>;
}

export function createImportRunner(opts: ImportRunnerOptions): ImportRunner {
  const log = opts.logger.child({ component: 'import' });
  const clock = opts.clock ?? (() => new Date());
  const concurrency = opts.concurrency ?? 6;
  const batchSize = opts.batchSize ?? 48;
  const progressEveryMs = opts.progressEveryMs ?? 2_000;
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollMs = opts.pollMs ?? 15_000;
  const retryDelayMs = opts.retryDelayMs ?? 30_000;
  const maxUnavailable = opts.maxUnavailable ?? 20;
  const unavailableCount = new Map<number, number>();
  const retryAt = new Map<number, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = true;
  let again = false;

  async function matchBatch(
    jobId: number,
    matcher: ReturnType<typeof createMatcher>,
  ): Promise<'more' | 'empty' | 'unavailable'> {
    const em = opts.orm.em.fork();
    const rows = await em.find(
      ImportRow,
      { job: jobId, status: 'pending' },
      { orderBy: { id: 'asc' }, limit: batchSize },
    );
    if (rows.length === 0) return 'empty';
    let unavailable = false;
    let next = 0;
    const worker = async () => {
      while (!unavailable && next < rows.length) {
        const row = rows[next++] as ImportRow;
        try {
          // Lookups use their own fork: stubs they store are committed on their own, not with this batch.
          const outcome = await matcher.match(opts.orm.em.fork(), {
            title: row.title,
            year: row.year ?? null,
            imdbId: row.imdbId ?? null,
            tmdbId: row.tmdbId ?? null,
          });
          row.status = outcome.status;
          row.confidence = outcome.confidence;
          if (outcome.status === 'matched') row.movie = em.getReference(Movie, outcome.movieId);
          else row.note = encodeNotes(outcome.notes);
        } catch (err) {
          if (err instanceof MatcherUnavailableError) unavailable = true;
          else throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    const done = rows.filter((r) => r.status !== 'pending');
    const job = await em.findOneOrFail(ImportJob, jobId);
    job.processedRows = Math.min(job.totalRows, job.processedRows + done.length);
    job.matchedRows += done.filter((r) => r.status === 'matched').length;
    job.unmatchedRows += done.filter((r) => r.status !== 'matched').length;
    job.leaseExpiresAt = new Date(clock().getTime() + leaseMs);
    await em.flush();
    return unavailable ? 'unavailable' : 'more';
  }

  async function runJob(jobId: number): Promise<'done' | 'failed' | 'retry' | 'busy'> {
    const em = opts.orm.em.fork();
    if (!(await claimJob(em, jobId, clock(), leaseMs))) return 'busy';
    const start = await getImportJob(em, jobId);
    if (!start) return 'failed';
    const jobLog = log.child({ jobId, userId: start.userId });
    jobLog.info({ totalRows: start.totalRows, processedRows: start.processedRows }, 'import job running');
    const matcher = createMatcher(opts);
    let lastReport = 0;
    for (;;) {
      if (stopped && running) return 'retry';
      const step = await matchBatch(jobId, matcher);
      const view = await getImportJob(opts.orm.em.fork(), jobId);
      if (!view) return 'failed'; // the user deleted their data meanwhile: the job went with it
      if (step === 'unavailable') {
        const n = (unavailableCount.get(jobId) ?? 0) + 1;
        unavailableCount.set(jobId, n);
        if (n >= maxUnavailable) {
          await failImport(opts.orm.em.fork(), jobId, 'tmdb_unavailable', clock());
          unavailableCount.delete(jobId);
          const failed = await getImportJob(opts.orm.em.fork(), jobId);
          if (failed) await report(() => opts.reporter.finished(failed, null), jobLog);
          jobLog.warn('import job failed: TMDB unavailable');
          return 'failed';
        }
        // Back off 1 s, 2 s, 4 s … up to retryDelayMs: a passing hiccup costs little, an outage is not hammered.
        const delay = Math.min(retryDelayMs, 1_000 * 2 ** (n - 1));
        retryAt.set(jobId, clock().getTime() + delay);
        // Let the lease lapse at the retry time so any process may continue it.
        await opts.orm.em
          .fork()
          .nativeUpdate(ImportJob, { id: jobId }, { leaseExpiresAt: new Date(clock().getTime() + delay) });
        if (!stopped) setTimeout(kick, delay).unref();
        jobLog.info({ attempt: n }, 'TMDB unavailable; import paused');
        return 'retry';
      }
      unavailableCount.delete(jobId);
      if (step === 'empty') break;
      const now = clock().getTime();
      if (now - lastReport >= progressEveryMs) {
        lastReport = now;
        await report(() => opts.reporter.progress(view), jobLog);
      }
    }
    if (!(await userExists(opts.orm.em.fork(), start.userId))) return 'failed';
    const summary = await applyImport(opts.orm.em.fork(), jobId, clock(), {
      watchlistAvailable: opts.watchlistAvailable ?? true,
    });
    const view = await getImportJob(opts.orm.em.fork(), jobId);
    if (!view) return 'failed';
    const unmatched = await unmatchedRows(opts.orm.em.fork(), jobId);
    const reportFile = unmatched.length ? { name: `marquee-unmatched-${jobId}.csv`, rows: unmatched } : null;
    // The finished handler gets the reply handle the job had (applyImport cleared the stored token).
    await report(() => opts.reporter.finished({ ...view, reply: start.reply }, reportFile), jobLog);
    jobLog.info({ ...summary, matched: view.matchedRows, unmatched: view.unmatchedRows }, 'import job done');
    return 'done';
  }

  async function report(fn: () => Promise<void>, jobLog: Logger): Promise<void> {
    try {
      await fn();
    } catch (err) {
      jobLog.warn({ err }, 'import progress report failed');
    }
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      const ids = await claimableJobIds(opts.orm.em.fork(), clock());
      for (const id of ids) {
        if (stopped) return;
        if ((retryAt.get(id) ?? 0) > clock().getTime()) continue;
        retryAt.delete(id);
        try {
          await runJob(id);
        } catch (err) {
          log.error({ err, jobId: id }, 'import job crashed');
          await failImport(opts.orm.em.fork(), id, 'crashed', clock()).catch(() => undefined);
          const failed = await getImportJob(opts.orm.em.fork(), id).catch(() => null);
          if (failed) await report(() => opts.reporter.finished(failed, null), log);
        }
      }
    } while (again && !stopped);
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop()
      .catch((err) => log.error({ err }, 'import loop failed'))
      .finally(() => {
        running = null;
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      kick();
      timer = setInterval(kick, pollMs);
      timer.unref();
    },
    kick,
    runJob,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
