// The impressions log (recommendation_log): every pick shown, written in one set-based insert per batch of members.
// A weekly run logs 500,000 picks at 100,000 members; as entities (em.create + flush) each one cost change-set and
// SQL-formatting work on the bot's thread, as one `insert … select from unnest(arrays)` they cost a few array
// literals (docs/benchmarks.md, "100k-member compute").
import type { Em } from '../db.ts';
import type { ImpressionContext, SourceScores } from '../entities/index.ts';
import { executeSetBased, pgArray } from './pg-array.ts';

/** One pick shown to one member. */
export interface Impression {
  readonly userId: string;
  readonly movieId: number;
  /** 1-based position in the list shown. */
  readonly rank: number;
  readonly score: number;
  readonly sourceScores: SourceScores;
  /** Groups the picks of one list (one /recommend answer or one weekly DM). */
  readonly batchId: string;
}

/** What every impression of one call shares. */
export interface ImpressionBatch {
  readonly modelVersion: string;
  readonly context: ImpressionContext;
  readonly guildId: string | null;
  readonly shownAt: Date;
}

/**
 * Source scores are kept to 4 decimals: they are z-scores the blend re-fit compares, and their float32 digits were
 * most of each row's bytes (a weekly run logs 500,000 rows at 100,000 members).
 */
function roundScore(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : value;
}

/** Inserts the impressions and returns their ids, in the order given. */
export async function logImpressions(em: Em, rows: readonly Impression[], batch: ImpressionBatch): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await executeSetBased<{ id: string | number; batch_id: string; rank: number }>(
    em,
    `insert into recommendation_log
       (user_id, movie_id, rank, score, source_scores, model_version, context, guild_id, batch_id, shown_at)
     select t.u, t.m, t.r, t.s, t.ss::jsonb, ?, ?, ?, t.b, ?
     from unnest(?::text[], ?::int[], ?::smallint[], ?::float8[], ?::text[], ?::text[]) as t(u, m, r, s, ss, b)
     returning id, batch_id, rank`,
    [
      batch.modelVersion,
      batch.context,
      batch.guildId,
      batch.shownAt,
      pgArray(rows.map((r) => r.userId)),
      pgArray(rows.map((r) => r.movieId)),
      pgArray(rows.map((r) => r.rank)),
      pgArray(rows.map((r) => r.score)),
      pgArray(rows.map((r) => JSON.stringify(r.sourceScores, roundScore))),
      pgArray(rows.map((r) => r.batchId)),
    ],
  );
  // RETURNING promises no order: each row is found again by its list and position, which are unique per call.
  const ids = new Map(inserted.map((r) => [`${r.batch_id}:${Number(r.rank)}`, Number(r.id)]));
  return rows.map((r) => {
    const id = ids.get(`${r.batchId}:${r.rank}`);
    if (id === undefined) throw new Error(`impression ${r.batchId}:${r.rank} was not inserted`);
    return id;
  });
}
