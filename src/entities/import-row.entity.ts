import { defineEntity, p } from '@mikro-orm/core';
import { ImportJob } from './import-job.entity.ts';
import { Movie } from './movie.entity.ts';

/** Which list a row came from: a rating, a diary viewing, a plain "watched" mark or a watchlist entry. */
export const IMPORT_ROW_KINDS = ['rating', 'diary', 'watched', 'watchlist'] as const;
export type ImportRowKind = (typeof IMPORT_ROW_KINDS)[number];
export const IMPORT_ROW_STATUSES = ['pending', 'matched', 'ambiguous', 'not_found'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** One row of an imported file and how it was matched to a film. */
export const ImportRowSchema = defineEntity({
  name: 'ImportRow',
  tableName: 'import_rows',
  properties: {
    id: p.bigint('number').primary(),
    job: () => p.manyToOne(ImportJob).deleteRule('cascade'),
    /** The file inside the upload (`diary.csv`) and the line in it, so the unmatched report points at the row. */
    file: p.string().length(100),
    line: p.integer(),
    kind: p.enum(IMPORT_ROW_KINDS),
    title: p.string().length(300),
    year: p.smallint().nullable(),
    imdbId: p.string().length(12).nullable(),
    /** Set by Marquee's own export (a `TMDB ID` column): matched directly, no search. */
    tmdbId: p.integer().nullable(),
    /** Already on Marquee's 0.5–5 half-star scale. */
    stars: p.decimal('number').precision(2).scale(1).nullable(),
    /** Watch date (diary), rating date (IMDb) or added date (watchlist), YYYY-MM-DD. */
    date: p.string().columnType('date').nullable(),
    rewatch: p.boolean().default(false),
    status: p.enum(IMPORT_ROW_STATUSES).default('pending'),
    movie: () => p.manyToOne(Movie).nullable().deleteRule('set null'),
    /** 0–1: how sure the matcher is; null until matched. */
    confidence: p.float().nullable(),
    /** For rows not matched: why, and the best guess ("closest: Heat (1995), 62%"). */
    note: p.string().length(300).nullable(),
  },
  indexes: [{ name: 'import_rows_job_status_index', properties: ['job', 'status'] }],
});
export class ImportRow extends ImportRowSchema.class {}
ImportRowSchema.setClass(ImportRow);
