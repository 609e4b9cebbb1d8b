// `/import`: creating a job from an upload, applying what matched (idempotently), and undoing the last import.
// Matching itself runs in the background (import-runner.ts); this file holds every write an import makes.
import { createHash } from 'node:crypto';
import type { Em } from '../../db.ts';
import {
  ImportChange,
  type ImportChangeValue,
  ImportJob,
  ImportRow,
  type ImportSource,
  type ImportSummary,
  Rating,
  User,
  Watched,
} from '../../entities/index.ts';
import { UserFacingError } from '../../errors.ts';
import { cut } from '../../text.ts';
import { noteTasteChanged } from '../recommendation-taste.ts';
import { ensureUser } from '../user-service.ts';
import { addManyToWatchlist, takeOffWatchlist, watchlistMovieIds } from '../watchlist-service.ts';
import { encodeNotes } from './import-note.ts';
import { type ParsedUpload, readImportUpload, type SourceChoice } from './read-upload.ts';

/** Where the runner may post progress: the `/import` reply while Discord accepts edits to it. */
export interface ReplyHandle {
  readonly applicationId: string;
  readonly token: string;
  readonly expiresAt: Date;
}

export interface ImportJobView {
  readonly id: number;
  readonly userId: string;
  readonly source: ImportSource;
  readonly status: ImportJob['status'];
  readonly fileName: string;
  readonly totalRows: number;
  readonly processedRows: number;
  readonly matchedRows: number;
  readonly unmatchedRows: number;
  readonly summary: ImportSummary | null;
  readonly failure: string | null;
  readonly reply: ReplyHandle | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export function toJobView(j: ImportJob): ImportJobView {
  const userId = typeof j.user === 'string' ? j.user : j.user.id;
  return {
    id: j.id,
    userId,
    source: j.source,
    status: j.status,
    fileName: j.fileName,
    totalRows: j.totalRows,
    processedRows: j.processedRows,
    matchedRows: j.matchedRows,
    unmatchedRows: j.unmatchedRows,
    summary: j.summary ?? null,
    failure: j.failure ?? null,
    reply:
      j.replyApplicationId && j.replyToken && j.replyExpiresAt
        ? { applicationId: j.replyApplicationId, token: j.replyToken, expiresAt: j.replyExpiresAt }
        : null,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt ?? null,
  };
}

export interface CreateImportInput {
  readonly userId: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly source: SourceChoice;
  readonly reply: ReplyHandle | null;
}

/**
 * Reads the upload and stores a queued job with its rows, in one transaction. A bad file throws UserFacingError
 * before anything is written. One import at a time per person.
 */
export async function createImportJob(em: Em, input: CreateImportInput, parsed?: ParsedUpload): Promise<ImportJobView> {
  const upload = parsed ?? readImportUpload(input.bytes, input.fileName, input.source);
  const active = await em.count(ImportJob, { user: input.userId, status: { $in: ['queued', 'running'] } });
  if (active > 0) {
    throw UserFacingError.of('duplicate', 'import.busy');
  }
  const sha = createHash('sha256').update(input.bytes).digest('hex');
  const job = await em.transactional(async (tem) => {
    const user = await ensureUser(tem, input.userId);
    const j = tem.create(ImportJob, {
      user,
      source: upload.source,
      fileName: cut(input.fileName, 200),
      fileSha256: sha,
      totalRows: upload.rows.length,
      replyApplicationId: input.reply?.applicationId ?? null,
      replyToken: input.reply?.token ?? null,
      replyExpiresAt: input.reply?.expiresAt ?? null,
    });
    await tem.flush();
    const skipped = upload.rows.filter((r) => r.skip).length;
    await tem.insertMany(
      ImportRow,
      upload.rows.map((r) => ({
        job: j.id,
        file: cut(r.file, 100),
        line: r.line,
        kind: r.kind,
        title: r.title,
        year: r.year,
        imdbId: r.imdbId,
        tmdbId: r.tmdbId ?? null,
        stars: r.stars,
        date: r.date,
        rewatch: r.rewatch,
        status: r.skip ? ('not_found' as const) : ('pending' as const),
        note: r.skip ? encodeNotes([r.skip]) : null,
      })) as never,
    );
    if (skipped > 0) {
      j.processedRows = skipped;
      j.unmatchedRows = skipped;
    }
    return j;
  });
  return toJobView(job);
}

export async function getImportJob(em: Em, jobId: number): Promise<ImportJobView | null> {
  const j = await em.findOne(ImportJob, jobId);
  return j ? toJobView(j) : null;
}

/** The rows not matched, for the report attached to the summary. */
export async function unmatchedRows(em: Em, jobId: number): Promise<ImportRow[]> {
  return em.find(ImportRow, { job: jobId, status: { $in: ['ambiguous', 'not_found'] } }, { orderBy: { id: 'asc' } });
}

const EMPTY_SUMMARY: ImportSummary = {
  ratingsAdded: 0,
  ratingsUpdated: 0,
  watchedAdded: 0,
  watchedUpdated: 0,
  watchlistAdded: 0,
  unchanged: 0,
  watchlistSkipped: 0,
};

interface Wanted {
  rating: { score: number; date: string; fromRatingsFile: boolean } | null;
  watched: { watchedOn: string; viewings: number; rewatchFlags: number } | null;
  watchlist: boolean;
}

/** What the import says about each film, combining its rows (ratings.csv wins over diary ratings, latest first). */
export function desiredState(
  rows: readonly Pick<ImportRow, 'kind' | 'stars' | 'date' | 'rewatch' | 'line'>[],
  fallbackDate: string,
  /** IMDb has no watch log: a rated film counts as seen. Letterboxd lists those in watched.csv itself. */
  ratingMeansSeen = false,
) {
  const w: Wanted = { rating: null, watched: null, watchlist: false };
  let viewings = 0;
  let rewatchFlags = 0;
  let latest = null as string | null;
  let seen = false;
  for (const r of rows) {
    const date = r.date ?? fallbackDate;
    if (r.kind === 'watchlist') {
      w.watchlist = true;
      continue;
    }
    // Only rows that record a viewing move the watch date (a rating's date is when it was given).
    if (r.kind !== 'rating' || ratingMeansSeen) {
      seen = true;
      if (r.date && (latest === null || r.date > latest)) latest = r.date;
    }
    if (r.kind === 'diary') {
      viewings++;
      if (r.rewatch) rewatchFlags++;
    }
    if (r.stars !== null && r.stars !== undefined) {
      const fromRatingsFile = r.kind === 'rating';
      const cur = w.rating;
      const better =
        !cur ||
        (fromRatingsFile && !cur.fromRatingsFile) ||
        (fromRatingsFile === cur.fromRatingsFile && date >= cur.date);
      if (better) w.rating = { score: Number(r.stars), date, fromRatingsFile };
    }
  }
  if (seen) {
    w.watched = { watchedOn: latest ?? fallbackDate, viewings, rewatchFlags };
  }
  return w;
}

/**
 * Applies a job's matched rows in one transaction: sets ratings and watches, records every change with its value
 * before, marks the job done, and drops the row lists of this person's older imports (only the last can be undone).
 * Idempotent: a value that already holds is left alone, so the same file twice changes nothing.
 */
export async function applyImport(
  em: Em,
  jobId: number,
  now: Date,
  opts: { watchlistAvailable?: boolean } = {},
): Promise<ImportSummary> {
  return em.transactional(async (tem) => {
    const job = await tem.findOneOrFail(ImportJob, jobId);
    if (job.status === 'done') return job.summary ?? EMPTY_SUMMARY;
    const userId = job.user.id;
    const rows = await tem.find(ImportRow, { job: jobId, status: 'matched' }, { orderBy: { id: 'asc' } });
    const byMovie = new Map<number, ImportRow[]>();
    for (const r of rows) {
      if (!r.movie) continue;
      const id = r.movie.id;
      byMovie.set(id, [...(byMovie.get(id) ?? []), r]);
    }
    const ids = [...byMovie.keys()];
    const ratings = new Map(
      (ids.length ? await tem.find(Rating, { user: userId, movie: { $in: ids } }) : []).map((r) => [r.movie.id, r]),
    );
    const watched = new Map(
      (ids.length ? await tem.find(Watched, { user: userId, movie: { $in: ids } }) : []).map((w) => [w.movie.id, w]),
    );
    const s: ImportSummary = { ...EMPTY_SUMMARY };
    const fallbackDate = now.toISOString().slice(0, 10);
    const wantListed: number[] = [];
    const record = (
      kind: ImportChange['kind'],
      movieId: number,
      before: ImportChangeValue | null,
      after: ImportChangeValue,
    ) => tem.create(ImportChange, { job: jobId, kind, movie: movieId, before, after });
    for (const [movieId, movieRows] of byMovie) {
      const want = desiredState(movieRows, fallbackDate, job.source === 'imdb');
      let changed = false;
      if (want.rating) {
        const cur = ratings.get(movieId);
        if (!cur) {
          tem.create(Rating, { user: userId, movie: movieId, score: want.rating.score });
          record('rating', movieId, null, { score: want.rating.score });
          s.ratingsAdded++;
          changed = true;
        } else if (Number(cur.score) !== want.rating.score) {
          record('rating', movieId, { score: Number(cur.score) }, { score: want.rating.score });
          cur.score = want.rating.score;
          s.ratingsUpdated++;
          changed = true;
        }
      }
      if (want.watched) {
        const cur = watched.get(movieId);
        const rewatches = Math.max(want.watched.viewings - 1, want.watched.rewatchFlags, 0);
        if (!cur) {
          const after = { watchedOn: want.watched.watchedOn, rewatchCount: Math.min(rewatches, 32_000) };
          tem.create(Watched, { user: userId, movie: movieId, ...after });
          record('watched', movieId, null, after);
          s.watchedAdded++;
          changed = true;
        } else {
          // Never moves a date back or lowers a count: the log may hold viewings the file does not know about.
          const after = {
            watchedOn: want.watched.watchedOn > cur.watchedOn ? want.watched.watchedOn : cur.watchedOn,
            rewatchCount: Math.min(Math.max(cur.rewatchCount, rewatches), 32_000),
          };
          if (after.watchedOn !== cur.watchedOn || after.rewatchCount !== cur.rewatchCount) {
            record('watched', movieId, { watchedOn: cur.watchedOn, rewatchCount: cur.rewatchCount }, after);
            cur.watchedOn = after.watchedOn;
            cur.rewatchCount = after.rewatchCount;
            s.watchedUpdated++;
            changed = true;
          }
        }
      }
      // A film you have seen or rated is not one you mean to see (the watchlist's own rule).
      if (want.watchlist && !want.watched && !want.rating && !watched.has(movieId) && !ratings.has(movieId)) {
        if (opts.watchlistAvailable === false) s.watchlistSkipped++;
        else wantListed.push(movieId);
      } else if (!changed) s.unchanged++;
    }
    if (wantListed.length > 0) {
      const already = new Set(await watchlistMovieIds(tem, userId));
      const fresh = wantListed.filter((id) => !already.has(id));
      s.unchanged += wantListed.length - fresh.length;
      await addManyToWatchlist(tem, userId, fresh, { source: 'import' });
      for (const id of fresh) record('watchlist', id, null, {});
      s.watchlistAdded += fresh.length;
    }
    const changedAnything =
      s.ratingsAdded + s.ratingsUpdated + s.watchedAdded + s.watchedUpdated + s.watchlistAdded > 0;
    if (changedAnything) await noteTasteChanged(tem, userId);
    job.status = 'done';
    job.summary = s;
    job.finishedAt = now;
    job.leaseExpiresAt = null;
    job.replyToken = null;
    await tem.flush();
    const older = await tem.find(ImportJob, { user: userId, id: { $ne: jobId } }, { fields: ['id'] });
    if (older.length > 0) {
      const olderIds = older.map((j) => j.id);
      await tem.nativeDelete(ImportRow, { job: { $in: olderIds } });
      await tem.nativeDelete(ImportChange, { job: { $in: olderIds } });
    }
    return s;
  });
}

export interface UndoResult {
  readonly jobId: number;
  readonly fileName: string;
  readonly restored: number;
  /** Values the person changed after the import: left as they are. */
  readonly keptUserEdits: number;
}

/** Removes what the last completed import added and restores what it changed. */
export async function undoLastImport(em: Em, userId: string, now: Date): Promise<UndoResult> {
  return em.transactional(async (tem) => {
    const job = await tem.findOne(
      ImportJob,
      { user: userId, status: { $in: ['done', 'undone', 'queued', 'running'] } },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    if (!job || job.status === 'undone') {
      throw UserFacingError.of('not_found', 'import.nothing_to_undo');
    }
    if (job.status !== 'done') {
      throw UserFacingError.of('duplicate', 'import.undo_running');
    }
    const changes = await tem.find(ImportChange, { job: job.id }, { orderBy: { id: 'desc' } });
    let restored = 0;
    let kept = 0;
    for (const c of changes) {
      const movieId = c.movie.id;
      if (c.kind === 'rating') {
        const after = c.after as { score: number };
        const cur = await tem.findOne(Rating, { user: userId, movie: movieId });
        if (!cur || Number(cur.score) !== after.score) {
          kept++;
          continue;
        }
        if (c.before) cur.score = (c.before as { score: number }).score;
        else tem.remove(cur);
        restored++;
      } else if (c.kind === 'watched') {
        const after = c.after as { watchedOn: string; rewatchCount: number };
        const cur = await tem.findOne(Watched, { user: userId, movie: movieId });
        if (!cur || cur.watchedOn !== after.watchedOn || cur.rewatchCount !== after.rewatchCount) {
          kept++;
          continue;
        }
        if (c.before) {
          const before = c.before as { watchedOn: string; rewatchCount: number };
          cur.watchedOn = before.watchedOn;
          cur.rewatchCount = before.rewatchCount;
        } else tem.remove(cur);
        restored++;
      } else if (c.kind === 'watchlist') {
        if (await takeOffWatchlist(tem, userId, movieId)) restored++;
        else kept++;
      }
    }
    if (restored > 0) await noteTasteChanged(tem, userId);
    job.status = 'undone';
    job.finishedAt = now;
    await tem.flush();
    await tem.nativeDelete(ImportChange, { job: job.id });
    return { jobId: job.id, fileName: job.fileName, restored, keptUserEdits: kept };
  });
}

/** Jobs whose lease is free: queued, or running with an expired lease (the process that held it stopped). */
export async function claimableJobIds(em: Em, now: Date, limit = 10): Promise<number[]> {
  const rows = await em.find(
    ImportJob,
    {
      $or: [
        { status: 'queued' },
        { status: 'running', $or: [{ leaseExpiresAt: null }, { leaseExpiresAt: { $lt: now } }] },
      ],
    },
    { fields: ['id'], orderBy: { id: 'asc' }, limit },
  );
  return rows.map((r) => r.id);
}

/** Takes (or extends) the lease on a job; false when another runner holds it. */
export async function claimJob(em: Em, jobId: number, now: Date, leaseMs: number, renew = false): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const where = renew
    ? { id: jobId, status: 'running' as const }
    : {
        id: jobId,
        $or: [
          { status: 'queued' as const },
          { status: 'running' as const, $or: [{ leaseExpiresAt: null }, { leaseExpiresAt: { $lt: now } }] },
        ],
      };
  const n = await em.nativeUpdate(ImportJob, where, { status: 'running', leaseExpiresAt: until });
  return n > 0;
}

/** Why an import stopped, as a code (the words are made by the bot, in the person's language). */
export type ImportFailure = 'tmdb_unavailable' | 'crashed';

export async function failImport(em: Em, jobId: number, reason: ImportFailure, now: Date): Promise<void> {
  await em.nativeUpdate(
    ImportJob,
    { id: jobId, status: { $in: ['queued', 'running'] } },
    { status: 'failed', failure: reason, finishedAt: now, leaseExpiresAt: null, replyToken: null },
  );
}

/** Whether the user row exists (the runner stops a job whose owner deleted their data meanwhile). */
export async function userExists(em: Em, userId: string): Promise<boolean> {
  return (await em.count(User, { id: userId })) > 0;
}
