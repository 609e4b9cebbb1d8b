// npm run bench:load -- [--db pglite|postgres|both] [--users N] [--pg-users N] [--weekly-members N] [--json PATH]
//
// N people at once, each running six commands one after another (help, search, rate, watched add, recommend, watched
// list), through the local Discord against the real bot process (`node src/main.ts`, exactly as deployed) and the fake
// TMDB. Measured from the person's side: time to the first response (a defer or an answer: Discord's 3-second
// window), time to the final answer, and missed deadlines (no response within 3 s; the local Discord answers such a
// late callback with 10062 as Discord does). With --weekly-members, the bot first gets a server of that many rated
// members whose weekly run is due, and the burst starts while that run computes.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { FakeDiscord, type InteractionState } from '../fakes/discord/index.ts';
import { startFakeTmdb } from '../fakes/tmdb/index.ts';
import { deployCommands } from '../src/bot/deploy.ts';
import { openDatabase } from '../src/db.ts';
import { GuildSettings } from '../src/entities/index.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    users: { type: 'string', default: '100' },
    'pg-users': { type: 'string' },
    'weekly-members': { type: 'string', default: '0' },
    json: { type: 'string' },
  },
});
const adminUrl = process.env.PG_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const WINDOW_MS = 3_000;

interface Timing {
  readonly command: string;
  readonly sentAt: number;
  firstAt?: number;
  finalAt?: number;
  error?: number;
}

interface RunResult {
  readonly db: 'pglite' | 'postgres';
  readonly users: number;
  readonly weeklyMembers: number;
  readonly interactions: number;
  readonly answered: number;
  readonly missed: number;
  readonly firstResponseMs: { p50: number; p99: number; max: number };
  readonly finalAnswerMs: { p50: number; p99: number; max: number };
  readonly wallSeconds: number;
  readonly loadAverage: { before: number; after: number };
  /** The weekly run's "computed" log line: how long it computed (the burst started 250 ms into it); awaited after the burst. */
  readonly weekly?: { audience?: number; computeMs?: number; dmsEnqueued?: number } | null;
}

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN);
}

function weeklySummary(log: string): { audience?: number; computeMs?: number; dmsEnqueued?: number } | null {
  for (const line of log.split('\n')) {
    if (!line.includes('"job":"weekly"') || !line.includes('weekly picks computed')) continue;
    try {
      const j = JSON.parse(line) as { audience?: number; computeMs?: number; dmsEnqueued?: number };
      return { audience: j.audience, computeMs: j.computeMs, dmsEnqueued: j.dmsEnqueued };
    } catch {
      // a line still being written
    }
  }
  return null;
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cmd, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

async function benchOnce(db: 'pglite' | 'postgres', users: number, weeklyMembers: number): Promise<RunResult> {
  const discord = await new FakeDiscord({ interactionDeadlineMs: WINDOW_MS }).start();
  discord.setMaxListeners(0); // every person waits on it at once
  const tmdb = await startFakeTmdb({});
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-load-'));
  const pgName = `marquee_bench_load_${process.pid}_${randomBytes(3).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (db === 'postgres') {
    await admin(`create database "${pgName}"`);
    const u = new URL(adminUrl);
    u.pathname = `/${pgName}`;
    databaseUrl = u.toString();
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    MARQUEE_ENV_FILE: '/nonexistent',
    DISCORD_TOKEN: discord.token,
    DISCORD_APP_ID: discord.appId,
    DISCORD_API_URL: discord.apiBase,
    TMDB_BASE_URL: tmdb.url,
    TMDB_READ_TOKEN: 'fake-tmdb-token',
    MARQUEE_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    WEEKLY_SCHEDULER: weeklyMembers > 0 ? 'true' : 'false',
    BLEND_LEARNING_CRON: 'off',
    TMDB_REFRESH_MINUTES: '0',
    LOG_LEVEL: 'info',
  };
  let child: ChildProcess | undefined;
  let log = '';
  try {
    if (weeklyMembers > 0) {
      // A server of rated members whose weekly run is due now (the scheduler's next heartbeat starts it).
      await run(
        'scripts/seed.ts',
        ['--users', String(weeklyMembers), '--guild', discord.guild.id, '--ratings-per-user', '30'],
        env,
      );
      const orm = await openDatabase({ url: databaseUrl, dataDir, debug: false });
      const now = new Date();
      // Seeded people are synthetic; here they stand for real members who opted in to weekly DMs (the run's audience).
      await orm.em.fork().getConnection().execute("update users set dm_opt_in = true, kind = 'discord'");
      await orm.em.fork().upsert(GuildSettings, {
        guildId: discord.guild.id,
        picksChannelId: discord.guild.channelId,
        scheduleDay: now.getUTCDay(),
        scheduleTime: `${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}`,
        timezone: 'UTC',
        enabled: true,
      });
      await orm.close();
    }
    await deployCommands({
      token: discord.token,
      appId: discord.appId,
      guildId: discord.guild.id,
      apiUrl: discord.apiBase,
    });
    child = spawn(process.execPath, ['src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c) => {
      log += String(c);
    });
    child.stderr?.on('data', (c) => {
      log += String(c);
    });
    await discord.whenReady();
    await discord.command(discord.user('warmup'), 'help').reply(30_000);
    if (weeklyMembers > 0) {
      // The scheduler's heartbeat fires at second 0 of each minute; the run is due, so it starts then.
      const msToMinute = 60_000 - (Date.now() % 60_000);
      await new Promise((r) => setTimeout(r, msToMinute + 250));
    }
    const timings = new Map<string, Timing>();
    discord.on('interaction', (s: InteractionState) => {
      const t = timings.get(s.id);
      if (!t) return;
      const now = performance.now();
      if (t.firstAt === undefined && s.callbacks.length > 0) t.firstAt = now;
      if (t.finalAt === undefined && s.visible) t.finalAt = now;
      if (s.error && t.error === undefined) t.error = s.error.code;
    });
    const script: [string, Record<string, unknown>][] = [
      ['help', {}],
      ['search', { query: 'heat' }],
      ['rate', { movie: '949', stars: 4 }],
      ['watched add', { movie: '238' }],
      ['recommend', {}],
      ['watched list', {}],
    ];
    const before = loadavg()[0] ?? 0;
    const started = performance.now();
    const person = async (i: number) => {
      const who = discord.user(`load${i}`);
      for (const [path, options] of script) {
        const h = discord.command(who, path, options);
        const t: Timing = { command: path, sentAt: performance.now() };
        timings.set(h.id, t);
        try {
          await h.reply(30_000);
        } catch {
          // counted below as missed or unanswered
        }
      }
    };
    await Promise.all(Array.from({ length: users }, (_, i) => person(i)));
    const wallSeconds = (performance.now() - started) / 1000;
    const loadAfter = loadavg()[0] ?? 0;
    if (weeklyMembers > 0) {
      // Let the compute finish so its time is part of the result, not cut off by shutdown.
      const until = performance.now() + 10 * 60_000;
      while (weeklySummary(log) === null && performance.now() < until) await new Promise((r) => setTimeout(r, 500));
    }
    const all = [...timings.values()];
    const first = all.filter((t) => t.firstAt !== undefined).map((t) => (t.firstAt as number) - t.sentAt);
    const final = all.filter((t) => t.finalAt !== undefined).map((t) => (t.finalAt as number) - t.sentAt);
    const missed = all.filter(
      (t) => t.firstAt === undefined || (t.firstAt as number) - t.sentAt > WINDOW_MS || t.error === 10062,
    ).length;
    return {
      db,
      users,
      weeklyMembers,
      interactions: all.length,
      answered: final.length,
      missed,
      firstResponseMs: { p50: pct(first, 50), p99: pct(first, 99), max: Math.round(Math.max(...first)) },
      finalAnswerMs: { p50: pct(final, 50), p99: pct(final, 99), max: Math.round(Math.max(...final)) },
      wallSeconds: Math.round(wallSeconds * 10) / 10,
      loadAverage: { before: Math.round(before * 10) / 10, after: Math.round(loadAfter * 10) / 10 },
      ...(weeklyMembers > 0 ? { weekly: weeklySummary(log) } : {}),
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await discord.stop();
    await tmdb.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (db === 'postgres') await admin(`drop database if exists "${pgName}" with (force)`).catch(() => {});
  }
}

const users = Number(values.users);
const pgUsers = Number(values['pg-users'] ?? values.users);
const weeklyMembers = Number(values['weekly-members']);
const dbs = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'pglite' | 'postgres'];
const results: RunResult[] = [];
for (const db of dbs) {
  const r = await benchOnce(db, db === 'postgres' ? pgUsers : users, weeklyMembers);
  results.push(r);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
const report = {
  machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  note: 'Shared machine: other work was running; see loadAverage (1-minute) before and after each run.',
  results,
};
if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
