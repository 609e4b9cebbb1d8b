// The periodic job that re-fits the hybrid's blend weights from the impression log and feedback, and hands the
// result to the recommendation service (which puts the weights' version into every model version it logs).
import cron from 'node-cron';
import type { Em, Orm } from '../db.ts';
import type { Logger } from '../logger.ts';
import {
  type BlendWeights,
  blendVersion,
  type LoggedImpression,
  labelFor,
  type RefitOptions,
  type RefitResult,
  refitBlendWeights,
} from '../recommender/blend-learning.ts';

/** The blend-weights part of the recommendation service (contract addendum). */
export interface BlendWeightsHolder {
  getBlendWeights(): { version: string; global: Record<string, number>; perUser: ReadonlyMap<string, BlendWeights> };
  setBlendWeights(w: {
    version: string;
    global: Record<string, number>;
    perUser?: ReadonlyMap<string, BlendWeights>;
  }): Promise<void>;
}

interface LogRow {
  user_id: string;
  shown_at: Date | string;
  source_scores: Record<string, number> | string;
  kinds: string[] | string | null;
  rating: string | number | null;
}

/** Impressions since `since` with their labels: feedback on that film, or a rating given after it was shown. */
export async function loadLabelledImpressions(
  em: Em,
  opts: { since: Date; limit?: number },
): Promise<LoggedImpression[]> {
  const rows = await em.execute<LogRow[]>(
    `select l.user_id, l.shown_at, l.source_scores,
            (select string_agg(f.kind, ',') from feedback f where f.user_id = l.user_id and f.movie_id = l.movie_id) as kinds,
            (select r.score from ratings r where r.user_id = l.user_id and r.movie_id = l.movie_id and r.updated_at >= l.shown_at) as rating
     from recommendation_log l
     where l.shown_at >= ?
     order by l.shown_at desc, l.id desc
     limit ?`,
    [opts.since, opts.limit ?? 200_000],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    shownAt: new Date(r.shown_at).getTime(),
    sourceScores: typeof r.source_scores === 'string' ? JSON.parse(r.source_scores) : r.source_scores,
    label: labelFor(
      Array.isArray(r.kinds) ? r.kinds : r.kinds ? r.kinds.split(',') : [],
      r.rating === null ? null : Number(r.rating),
    ),
  }));
}

export interface BlendLearningJobOptions {
  orm: Orm;
  logger: Logger;
  recommender: BlendWeightsHolder;
  clock?: () => Date;
  /** How far back the log is read. */
  windowDays?: number;
  /** node-cron expression (UTC). Daily at 04:23 by default, off the hour on purpose. */
  cronExpression?: string;
  refit?: RefitOptions;
}

export interface BlendLearningJob {
  runOnce(): Promise<RefitResult & { version: string; previousVersion: string }>;
  start(): void;
  stop(): Promise<void>;
}

export function createBlendLearningJob(o: BlendLearningJobOptions): BlendLearningJob {
  const clock = o.clock ?? (() => new Date());
  const log = o.logger.child({ job: 'blend-learning' });
  let task: ReturnType<typeof cron.createTask> | undefined;

  async function runOnce() {
    const since = new Date(clock().getTime() - (o.windowDays ?? 56) * 86_400_000);
    const impressions = await loadLabelledImpressions(o.orm.em.fork(), { since });
    const current = o.recommender.getBlendWeights();
    const result = refitBlendWeights(impressions, current, o.refit);
    const version = result.changed ? blendVersion(result.global, result.perUser) : current.version;
    if (result.changed) {
      // Saved to the database: every process serves the new set (recommendation-weights.ts).
      await o.recommender.setBlendWeights({ version, global: result.global, perUser: result.perUser });
    }
    log.info(
      {
        impressions: impressions.length,
        ...result.report,
        adoptedGlobal: result.adoptedGlobal,
        previousVersion: current.version,
        version,
        global: result.global,
      },
      result.changed ? 'blend weights updated' : 'blend weights kept',
    );
    return { ...result, version, previousVersion: current.version };
  }

  return {
    runOnce,
    start() {
      if (task) return;
      task = cron.createTask(
        o.cronExpression ?? '23 4 * * *',
        async () => {
          try {
            await runOnce();
          } catch (err) {
            log.error({ err }, 'blend re-fit failed; the current weights stay');
          }
        },
        { name: 'blend-learning', noOverlap: true, timezone: 'UTC' },
      );
      task.start();
    },
    async stop() {
      await task?.destroy();
      task = undefined;
    },
  };
}
