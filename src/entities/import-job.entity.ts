import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.ts';

export const IMPORT_SOURCES = ['letterboxd', 'imdb'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
/** queued → running → done (or failed); a done import can be undone once. */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What an import changed, counted when it is applied (shown in the summary and kept for the export). */
export interface ImportSummary {
  ratingsAdded: number;
  ratingsUpdated: number;
  watchedAdded: number;
  watchedUpdated: number;
  watchlistAdded: number;
  unchanged: number;
  /** Watchlist rows matched while no watchlist exists to receive them. */
  watchlistSkipped: number;
}

/**
 * One `/import` of a Letterboxd or IMDb file: a background job whose rows live in `import_rows`. It survives a
 * restart (the runner resumes `queued` and `running` jobs). The interaction token lets the runner edit the reply
 * with progress while Discord accepts it (15 minutes); it is cleared when the job ends.
 */
export const ImportJobSchema = defineEntity({
  name: 'ImportJob',
  tableName: 'import_jobs',
  properties: {
    id: p.bigint('number').primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    source: p.enum(IMPORT_SOURCES),
    status: p.enum(IMPORT_STATUSES).default('queued'),
    fileName: p.string().length(200),
    /** SHA-256 of the uploaded bytes: tells a re-import of the same file apart from a newer one in logs and exports. */
    fileSha256: p.string().length(64),
    totalRows: p.integer(),
    processedRows: p.integer().default(0),
    matchedRows: p.integer().default(0),
    unmatchedRows: p.integer().default(0),
    summary: p.json<ImportSummary>().nullable(),
    /** Why a job failed (our words, never a raw error). */
    failure: p.string().length(300).nullable(),
    /** The runner holding this job keeps extending this; a job whose lease ran out is taken over (crash, restart). */
    leaseExpiresAt: p.datetime().nullable(),
    replyApplicationId: p.string().length(32).nullable(),
    replyToken: p.string().length(500).nullable(),
    replyExpiresAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    finishedAt: p.datetime().nullable(),
  },
  checks: [
    {
      name: 'import_jobs_rows_check',
      expression:
        'processed_rows >= 0 and processed_rows <= total_rows and matched_rows + unmatched_rows <= total_rows',
    },
  ],
  indexes: [
    { name: 'import_jobs_user_index', properties: ['user', 'createdAt'] },
    { name: 'import_jobs_status_index', properties: ['status'] },
  ],
});
export class ImportJob extends ImportJobSchema.class {}
ImportJobSchema.setClass(ImportJob);
