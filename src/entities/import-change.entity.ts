import { defineEntity, p } from '@mikro-orm/core';
import { ImportJob } from './import-job.entity.ts';
import { Movie } from './movie.entity.ts';

export const IMPORT_CHANGE_KINDS = ['rating', 'watched', 'watchlist'] as const;
export type ImportChangeKind = (typeof IMPORT_CHANGE_KINDS)[number];

/** A rating `{ score }`, a watch `{ watchedOn, rewatchCount }` or a watchlist entry `{}`; null = there was none. */
export type ImportChangeValue = { score: number } | { watchedOn: string; rewatchCount: number } | Record<string, never>;

/**
 * What one import changed, with the value before and after: `/import undo` restores `before` wherever the value is
 * still the one the import wrote (a change the user made since is kept).
 */
export const ImportChangeSchema = defineEntity({
  name: 'ImportChange',
  tableName: 'import_changes',
  properties: {
    id: p.bigint('number').primary(),
    job: () => p.manyToOne(ImportJob).deleteRule('cascade'),
    kind: p.enum(IMPORT_CHANGE_KINDS),
    movie: () => p.manyToOne(Movie).deleteRule('cascade'),
    before: p.json<ImportChangeValue>().nullable(),
    after: p.json<ImportChangeValue>(),
  },
  indexes: [{ name: 'import_changes_job_index', properties: ['job'] }],
});
export class ImportChange extends ImportChangeSchema.class {}
ImportChangeSchema.setClass(ImportChange);
