import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db.ts';
import { DeliveryOutbox } from '../../src/entities/index.ts';
import { createWeeklyRunner } from '../../src/services/weekly-run-service.ts';
import { createTestDatabaseConfig } from '../support/database.ts';
import { mustNotRecompute, recordingSender, seedGuild } from '../support/weekly-fixtures.ts';

const WEEK = '2026-W48';
const dir = mkdtempSync(join(tmpdir(), 'marquee-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('weekly run killed with SIGKILL', () => {
  // Two processes each open the database (PGlite in a folder: an initdb), seconds apiece on a busy 2-core machine.
  it('when the process dies mid-run and a new one resumes, then no message is missed or duplicated', {
    timeout: 90_000,
  }, async () => {
    // PGlite must live in a folder (two processes share it one after the other); PostgreSQL gets a fresh database.
    const pg = inject('dbKind') === 'postgres' ? await createTestDatabaseConfig() : null;
    const config: DatabaseConfig = pg?.config ?? { url: undefined, dataDir: dir, debug: false };
    try {
      let orm = await openDatabase(config);
      const g = await seedGuild(orm.em.fork(), { prefix: '73', members: 12 });
      await orm.close();

      const sendsFile = join(dir, 'sends.jsonl');
      const child = spawn(process.execPath, [join(import.meta.dirname, '../support/weekly-child.ts')], {
        env: {
          ...process.env,
          DB_CONFIG: JSON.stringify(config),
          SENDS_FILE: sendsFile,
          KILL_AFTER: '5',
          GUILD_ID: g.guildId,
          ISO_WEEK: WEEK,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += String(d);
      });
      const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      expect(signal, stderr).toBe('SIGKILL');
      const before = readFileSync(sendsFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(before).toHaveLength(5);

      orm = await openDatabase(config);
      const stuck = await orm.em.fork().count(DeliveryOutbox, { status: 'sending' });
      expect(stuck).toBe(1); // request 5 went out; its answer was never recorded
      await new Promise((r) => setTimeout(r, 250));
      const out = recordingSender();
      // Replay what the dead process already made, so our stand-in Discord knows those nonces (as Discord would).
      for (const s of before) await out.sender.send({ nonce: s.nonce } as never);
      const runner = createWeeklyRunner({
        orm,
        logger: pino({ level: 'silent' }),
        recommender: mustNotRecompute,
        sender: out.sender,
        leaseMs: 200,
      });
      const summary = await runner.runGuildWeek(g.guildId, WEEK);
      expect(summary.computed).toBe(false); // the dead process had committed the picks; they are not recomputed

      const rows = await orm.em.fork().find(DeliveryOutbox, { guildId: g.guildId });
      expect(rows).toHaveLength(13); // 12 DMs + 1 digest
      expect(rows.every((r) => r.status === 'sent' && r.discordMessageId)).toBe(true);
      // Every row was created as a message exactly once: 13 distinct nonces, no key sent under two nonces.
      expect(out.messagesCreated()).toBe(13);
      const resent = out.sends.slice(before.length).map((m) => m.idempotencyKey);
      expect(resent).toHaveLength(13 - 4); // the 8 never sent + the one in flight when the process died
      expect(new Set(resent).size).toBe(resent.length);
      await orm.close();
    } finally {
      await pg?.drop();
    }
  });
});
