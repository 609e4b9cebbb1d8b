// npm run smoke:production -- --app DIR — the production path the Dockerfile runs, checked without Docker: DIR holds
// the compiled output and production dependencies only (`npm ci --omit=dev`). Runs `node dist/src/main.js` there
// against the local Discord, the fake TMDB and a fresh PostgreSQL database; waits for /readyz, asks /help, sends
// SIGTERM and expects a clean exit. One line per step; exit 1 (with the bot's last output) on any failure.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { startFakeTmdb } from '../fakes/tmdb/index.ts';
import { deployCommands } from '../src/bot/deploy.ts';

const { values } = parseArgs({ options: { app: { type: 'string' }, timeout: { type: 'string', default: '120' } } });
if (!values.app) {
  console.error('Usage: npm run smoke:production -- --app DIR (a folder with dist/ and production node_modules/)');
  process.exit(2);
}
const appDir = resolve(values.app);
const timeoutMs = Number(values.timeout) * 1000;
const adminUrl = process.env.PG_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `marquee_smoke_${process.pid}_${randomBytes(3).toString('hex')}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const started = Date.now();
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const discord = await new FakeDiscord().start();
const tmdb = await startFakeTmdb({});
await admin(`create database "${dbName}"`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
let output = '';
let failed = false;
try {
  await deployCommands({ token: discord.token, appId: discord.appId, apiUrl: discord.apiBase });
  const healthPort = await freePort();
  const child = spawn(process.execPath, [join('dist', 'src', 'main.js')], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      MARQUEE_ENV_FILE: '/nonexistent',
      DATABASE_URL: dbUrl.toString(),
      DISCORD_TOKEN: discord.token,
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiBase,
      TMDB_BASE_URL: tmdb.url,
      TMDB_READ_TOKEN: 'fake-tmdb-token',
      HEALTH_PORT: String(healthPort),
      WEEKLY_SCHEDULER: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  for (const s of [child.stdout, child.stderr]) s.on('data', (c) => (output += String(c)));
  const health = `http://127.0.0.1:${healthPort}`;
  await Promise.race([
    until('/readyz', timeoutMs, async () => ((await fetch(`${health}/readyz`)).status === 200 ? true : undefined)),
    exited.then((code) => Promise.reject(new Error(`the bot exited with ${code} before it was ready`))),
  ]);
  console.log(`production smoke: node dist/src/main.js (NODE_ENV=production, PostgreSQL) ready at ${secs()}`);
  const reply = await discord.command(discord.user('smoke'), 'help').reply(15_000);
  if (!String(reply.embeds?.[0]?.title ?? '').includes('Marquee')) throw new Error('/help answered something else');
  console.log(`production smoke: /help answered at ${secs()}`);
  // The dispatcher counts an interaction just after its answer is sent: give the count a moment to land.
  const helpCounted = 'marquee_interactions_total{type="command",command="help",outcome="ok"} 1';
  let metrics = '';
  await until('/metrics to count /help', 5_000, async () => {
    metrics = await (await fetch(`${health}/metrics`)).text();
    return metrics.includes(helpCounted) ? true : undefined;
  }).catch(() => {
    const counted = metrics.split('\n').filter((l) => l.startsWith('marquee_interactions_total'));
    throw new Error(`/metrics did not count the /help interaction:\n${counted.join('\n') || '(none counted)'}`);
  });
  child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000).unref())]);
  if (code !== 0) {
    if (code === 'hung') child.kill('SIGKILL');
    throw new Error(`after SIGTERM the bot ${code === 'hung' ? 'did not exit within 30 s' : `exited with ${code}`}`);
  }
  if (!output.includes('"msg":"bye"')) throw new Error('the bot exited without its clean-shutdown log line');
  console.log(`production smoke: SIGTERM → clean exit 0 at ${secs()}`);
} catch (err) {
  failed = true;
  console.error(`production smoke FAILED: ${(err as Error).message}\n--- bot output (last 3000 characters) ---`);
  console.error(output.slice(-3000));
} finally {
  await discord.stop();
  await tmdb.stop();
  await admin(`drop database if exists "${dbName}" with (force)`).catch(() => {});
}
process.exit(failed ? 1 : 0);
