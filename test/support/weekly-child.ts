// A bot process running one weekly run, used by the kill-and-resume test. It appends every request it makes to
// SENDS_FILE (as the local Discord would see it) and SIGKILLs itself right after request number KILL_AFTER, before
// recording the answer: the worst moment to die.
import { appendFileSync } from 'node:fs';
import { pino } from 'pino';
import { openDatabase } from '../../src/db.ts';
import { createWeeklyRunner } from '../../src/services/weekly-run-service.ts';
import { spiedRecommender } from './weekly-fixtures.ts';

const env = process.env;
const orm = await openDatabase(JSON.parse(env.DB_CONFIG as string), { migrate: false });
const killAfter = Number(env.KILL_AFTER);
let n = 0;
const runner = createWeeklyRunner({
  orm,
  logger: pino({ level: 'silent' }),
  recommender: await spiedRecommender(orm),
  concurrency: 1,
  sender: {
    async send(m) {
      appendFileSync(env.SENDS_FILE as string, `${JSON.stringify({ key: m.idempotencyKey, nonce: m.nonce })}\n`);
      if (++n === killAfter) process.kill(process.pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 2));
      return { messageId: String(800000000000000000n + BigInt(n)) };
    },
  },
});
await runner.runGuildWeek(env.GUILD_ID as string, env.ISO_WEEK as string);
await orm.close();
