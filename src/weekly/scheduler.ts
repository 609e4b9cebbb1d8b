// Fires each enabled server's weekly run.
//
// Why a one-minute node-cron heartbeat plus our own maths instead of one cron task per server: schedules change at
// run time (/config schedule), servers come and go, and several bot processes may run at once. A single heartbeat
// that asks "which servers were due since their last run?" needs no task bookkeeping, survives restarts (a run
// missed while the bot was down is caught up within `catchUpMs`), and is driven by `tick(now)` in tests with a
// controllable clock. The DST behaviour lives in the pure `previousFireTime` (see schedule.ts), not in cron.
import cron from 'node-cron';
import type { Orm } from '../db.ts';
import { GuildSettings } from '../entities/index.ts';
import type { Logger } from '../logger.ts';
import type { WeeklyRunner } from '../services/weekly-run-service.ts';
import { isoWeekKey, isValidTimeZone, previousFireTime } from './schedule.ts';

export interface WeeklySchedulerOptions {
  orm: Orm;
  logger: Logger;
  runner: Pick<WeeklyRunner, 'runGuildWeek' | 'isSettled'>;
  clock?: () => Date;
  /** A run missed by up to this long (the bot was down) still happens. */
  catchUpMs?: number;
}

export interface DueRun {
  guildId: string;
  isoWeek: string;
  firedAt: Date;
}

export interface WeeklyScheduler {
  /** Runs every due guild-week whose delivery is not settled yet. Returns what it ran. */
  tick(now?: Date): Promise<DueRun[]>;
  /** Which enabled servers are due at `now` (pure apart from reading guild_settings). */
  due(now: Date): Promise<DueRun[]>;
  start(): void;
  stop(): Promise<void>;
}

export function createWeeklyScheduler(o: WeeklySchedulerOptions): WeeklyScheduler {
  const clock = o.clock ?? (() => new Date());
  const catchUpMs = o.catchUpMs ?? 6 * 3_600_000;
  const log = o.logger.child({ component: 'weekly-scheduler' });
  let task: ReturnType<typeof cron.createTask> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let ticking = false;
  // Guild-weeks this process finished (nothing left to send). A week with nobody to message leaves no outbox rows,
  // so without this it would be recomputed (cheaply, but with a summary log line) every minute of the catch-up window.
  const finished = new Set<string>();

  async function due(now: Date): Promise<DueRun[]> {
    const settings = await o.orm.em.fork().find(GuildSettings, { enabled: true }, { orderBy: { guildId: 'asc' } });
    const out: DueRun[] = [];
    for (const s of settings) {
      if (!isValidTimeZone(s.timezone)) {
        log.warn({ guildId: s.guildId, timezone: s.timezone }, 'unknown time zone; schedule skipped');
        continue;
      }
      const sched = { day: s.scheduleDay, time: s.scheduleTime, timezone: s.timezone };
      const firedAt = previousFireTime(sched, now);
      if (now.getTime() - firedAt.getTime() > catchUpMs) continue;
      out.push({ guildId: s.guildId, isoWeek: isoWeekKey(firedAt, s.timezone), firedAt });
    }
    return out;
  }

  async function tick(now = clock()): Promise<DueRun[]> {
    const ran: DueRun[] = [];
    for (const d of await due(now)) {
      const key = `${d.guildId}:${d.isoWeek}`;
      if (finished.has(key) || (await o.runner.isSettled(d.guildId, d.isoWeek))) continue;
      try {
        const summary = await o.runner.runGuildWeek(d.guildId, d.isoWeek);
        const left = summary?.delivery?.status;
        if (!left || left.pending + left.sending === 0) finished.add(key);
        if (finished.size > 10_000) finished.clear();
        ran.push(d);
      } catch (err) {
        log.error({ err, guildId: d.guildId, isoWeek: d.isoWeek }, 'weekly run failed; the next tick retries');
      }
    }
    return ran;
  }

  return {
    tick,
    due,
    start() {
      if (task) return;
      const beat = async () => {
        if (ticking) return;
        ticking = true;
        running = tick().finally(() => {
          ticking = false;
        });
        await running;
      };
      // noOverlap: a run that takes longer than a minute is not started twice by this process.
      task = cron.createTask('* * * * *', beat, { name: 'weekly-picks', noOverlap: true, timezone: 'UTC' });
      task.start();
      // Catch up at once after a (re)start instead of at the next minute: whatever fell due while we were down.
      void beat().catch((err: unknown) => log.error({ err }, 'weekly heartbeat failed'));
      log.info('weekly scheduler started');
    },
    async stop() {
      await task?.destroy();
      task = undefined;
      await running.catch(() => {});
    },
  };
}
