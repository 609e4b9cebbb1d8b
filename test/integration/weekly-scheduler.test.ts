import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createWeeklyScheduler } from '../../src/weekly/scheduler.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

async function guild(id: string, day: number, time: string, timezone: string, enabled = true) {
  await db.em().execute(
    `insert into guild_settings (guild_id, schedule_day, schedule_time, timezone, enabled, created_at, updated_at)
       values (?, ?, ?, ?, ?, now(), now())`,
    [id, day, time, timezone, enabled],
  );
}

describe('weekly scheduler on a controllable clock', () => {
  it('when the clock passes each server’s local time, then exactly those servers run, once per week', async () => {
    await guild('111111111111111111', 5, '18:00', 'Europe/Berlin'); // 17:00Z in November
    await guild('222222222222222222', 5, '18:00', 'America/New_York'); // 23:00Z
    await guild('333333333333333333', 5, '18:00', 'UTC', false); // disabled
    const settled = new Set<string>();
    const runs: string[] = [];
    let now = new Date('2026-11-27T16:59:00Z');
    const scheduler = createWeeklyScheduler({
      orm: db.orm,
      logger: pino({ level: 'silent' }),
      clock: () => now,
      catchUpMs: 3_600_000,
      runner: {
        async isSettled(g, w) {
          return settled.has(`${g}:${w}`);
        },
        async runGuildWeek(g, w) {
          runs.push(`${g}:${w}`);
          settled.add(`${g}:${w}`);
          return {} as never;
        },
      },
    });
    expect(await scheduler.tick()).toEqual([]);
    now = new Date('2026-11-27T17:00:00Z');
    expect((await scheduler.tick()).map((r) => r.guildId)).toEqual(['111111111111111111']);
    now = new Date('2026-11-27T17:01:00Z');
    expect(await scheduler.tick()).toEqual([]); // settled: not run again
    now = new Date('2026-11-27T23:30:00Z');
    expect((await scheduler.tick()).map((r) => r.guildId)).toEqual(['222222222222222222']);
    now = new Date('2026-11-28T03:00:00Z'); // past the catch-up window: nothing
    expect(await scheduler.tick()).toEqual([]);
    expect(runs).toEqual(['111111111111111111:2026-W48', '222222222222222222:2026-W48']);
  });

  it('when a server’s schedule falls in a DST change, then the run happens once at the documented instant', async () => {
    await guild('444444444444444444', 0, '02:30', 'Europe/Berlin'); // 2026-03-29: 02:30 does not exist
    const scheduler = createWeeklyScheduler({
      orm: db.orm,
      logger: pino({ level: 'silent' }),
      catchUpMs: 3_600_000,
      runner: { isSettled: async () => false, runGuildWeek: async () => ({}) as never },
    });
    expect(await scheduler.due(new Date('2026-03-29T01:29:00Z'))).toEqual([]);
    const due = await scheduler.due(new Date('2026-03-29T01:30:00Z'));
    expect(due).toEqual([
      { guildId: '444444444444444444', isoWeek: '2026-W13', firedAt: new Date('2026-03-29T01:30:00Z') },
    ]);
  });

  it('when a week has nobody to message (no outbox rows), then it runs once, not on every tick', async () => {
    await guild('555555555555555555', 1, '09:00', 'UTC');
    let runs = 0;
    const scheduler = createWeeklyScheduler({
      orm: db.orm,
      logger: pino({ level: 'silent' }),
      catchUpMs: 3_600_000,
      runner: {
        isSettled: async () => false, // no rows: never "settled" by the database's account
        runGuildWeek: async () => {
          runs++;
          return { delivery: { status: { pending: 0, sending: 0 } } } as never;
        },
      },
    });
    await scheduler.tick(new Date('2026-11-30T09:00:00Z'));
    await scheduler.tick(new Date('2026-11-30T09:01:00Z'));
    expect(runs).toBe(1);
  });
});
