// npm run sandbox: the real bot against the local Discord, on PGlite, with the fake TMDB's demo catalogue (or real
// TMDB when TMDB_READ_TOKEN / TMDB_API_KEY is set). Type slash commands as you would in Discord.
//   npm run sandbox                         interactive
//   npm run sandbox -- --script FILE        runs a scripted session and prints the transcript
//   options: --data DIR (default ./data/sandbox), --fresh (start from an empty database), --no-seed, --user NAME,
//            --start ISO (the clock's starting instant; a scripted run defaults to 2026-12-04T18:00:00Z)
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AdjustableClock } from '../fakes/discord/clock.ts';
import { SandboxSession } from '../fakes/discord/sandbox-session.ts';
import { startLocalStack } from '../fakes/local-stack.ts';
import { loadConfig, readEnv } from '../src/config.ts';
import { getGuildSettings, updateGuildSettings } from '../src/services/guild-settings-service.ts';
import { seedDemoCommunity } from '../src/services/seed/index.ts';
import { isoWeekKey } from '../src/weekly/schedule.ts';

const { values } = parseArgs({
  options: {
    script: { type: 'string' },
    data: { type: 'string', default: './data/sandbox' },
    fresh: { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    user: { type: 'string', default: 'alice' },
    'log-level': { type: 'string', default: 'silent' },
    start: { type: 'string' },
  },
});

const out = (s: string) => process.stdout.write(`${s}\n`);
const env = loadConfig(readEnv());
if (values.fresh && !values.data.startsWith('memory://')) rmSync(values.data, { recursive: true, force: true });

const started = Date.now();
// One clock for the local Discord and the bot, so `/wait 2h` moves both (poll ends, screenings, token windows).
// A scripted run starts at a fixed instant (Friday 4 December 2026, 18:00 UTC) unless told otherwise, so the same
// script prints the same transcript whenever it runs; an interactive session runs on the wall clock.
const startAt = values.start ?? (values.script ? '2026-12-04T18:00:00Z' : undefined);
if (startAt !== undefined && Number.isNaN(Date.parse(startAt))) {
  out(`--start must be an ISO date-time, e.g. 2026-12-04T18:00:00Z (got "${startAt}")`);
  process.exit(2);
}
const clock = new AdjustableClock(startAt === undefined ? undefined : Date.parse(startAt));
const stack = await startLocalStack({
  dataDir: values.data,
  discord: { clock },
  clock: () => new Date(clock.now()),
  logLevel: values['log-level'],
  tmdb: { readToken: env.tmdb.readToken, apiKey: env.tmdb.apiKey },
  beforeStart: async ({ orm, discord }) => {
    if (values['no-seed']) return;
    // Sam and Ana are people of this local Discord who love crime classics: alice's picks can name them.
    const friends = ['sam', 'ana']
      .map((n) => discord.user(n))
      .map((u) => ({ id: u.id, name: u.global_name ?? u.username }));
    const r = await seedDemoCommunity(orm, { guildId: discord.guild.id, friends });
    if (r.userIds.length && !values.script) out(`(demo server seeded: ${r.userIds.length} neighbours with ratings)`);
  },
});
// `/weekly`: this server's weekly picks, now — the digest in the channel and a DM to everyone who opted in.
const weekly = async (session: SandboxSession): Promise<string> => {
  const d = stack.discord;
  const em = stack.orm.em.fork();
  const now = new Date(clock.now());
  const settings = await getGuildSettings(em, d.guild.id, now);
  if (!settings.enabled || !settings.picksChannelId) {
    await updateGuildSettings(em, d.guild.id, { picksChannelId: d.guild.channelId, enabled: true }, now);
  }
  const before = new Set(d.messages.keys());
  const summary = await stack.app.weeklyRunner.runGuildWeek(d.guild.id, isoWeekKey(now, settings.timezone));
  const lines = [
    `  (weekly run: ${summary.dmsEnqueued} DMs, digest ${summary.digestEnqueued ? 'posted' : 'not posted'})`,
  ];
  for (const m of d.messages.values()) {
    if (before.has(m.id)) continue;
    if (m.channel_id === d.guild.channelId) lines.push(`#movie-night — ${session.render(m)}`);
    else if (d.dmChannels.get(session.currentUser.id) === m.channel_id) lines.push(`DM to you — ${session.render(m)}`);
  }
  return lines.join('\n');
};
// `/wait 2h` (or 30m, 1d): time jumps forward, then whatever movie-night step fell due runs (closing joining, ending
// the poll, the screening's event, the rating prompt); what the bot posted meanwhile is shown.
const wait = async (session: SandboxSession, args: string): Promise<string> => {
  const m = /^(\d+)\s*([smhd])$/i.exec(args.trim());
  if (!m) return '(!) Say how long, like /wait 10m, /wait 2h or /wait 1d.';
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd'];
  const d = stack.discord;
  const before = new Set(d.messages.keys());
  const eventsBefore = new Set(d.scheduledEvents.keys());
  clock.advance(Number(m[1]) * unit);
  // Each run does what is due now; a step can make the next one due (poll ended → announce → event).
  for (let i = 0; i < 4; i++) await stack.app.movieNights.tick();
  const lines = [
    `  (${m[1]}${m[2]!.toLowerCase()} later: ${new Date(clock.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  ];
  for (const msg of d.messages.values()) {
    if (before.has(msg.id) || msg.channel_id !== d.guild.channelId || msg.ephemeralFor) continue;
    lines.push(session.render(msg));
  }
  for (const ev of d.scheduledEvents.values()) {
    if (eventsBefore.has(ev.id)) continue;
    const where = ev.entity_metadata?.location ?? `🔊 ${d.channel(String(ev.channel_id))?.name ?? ev.channel_id}`;
    lines.push(
      `  (new server event: ${ev.name} — ${String(ev.scheduled_start_time).slice(0, 16).replace('T', ' ')} UTC, ${where})`,
    );
  }
  return lines.join('\n');
};
const session = new SandboxSession(stack.discord, { user: values.user, meta: { weekly, wait } });
let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await stack.stop();
};
process.once('SIGINT', () => void close().then(() => process.exit(130)));
process.once('SIGTERM', () => void close().then(() => process.exit(143)));

try {
  if (values.script) {
    const lines = (await readFile(values.script, 'utf8')).split('\n');
    for (const line of lines) {
      const t = line.trim();
      if (t === '') continue;
      if (t.startsWith('#')) {
        out(t);
        continue;
      }
      out(`${session.userName}> ${t}`);
      const result = await session.run(t);
      if (result) out(result);
      out('');
    }
  } else {
    out(
      `Marquee sandbox — the real bot on a local Discord (${stack.fakeTmdb ? 'demo catalogue' : 'real TMDB'}; data in ${values.data}).`,
    );
    out(
      `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Try /help, /search query:heat, /rate movie:Heat stars:4.5, /recommend`,
    );
    out(
      'Also: click N (press button [N]), /as NAME (become someone else; /as NAME admin: with Manage Server; /as owner: the server owner), /dm and /server (where you talk), exit.',
    );
    out('/locale de switches your Discord client language (de, fr, es-ES, pt-BR, ja, en-US…); the bot answers in it.');
    out("/weekly sends this server's weekly picks now (the digest, and DMs to whoever turned on /settings dms).");
    out('Movie night: /movienight start when:20:30, then vote N (as each person), /wait 2h moves time forward.');
    out('Autocomplete: movie:hea? lists suggestions, movie:heat#2 takes the second; Tab completes command names.');
    const names = [
      ...session.commandNames(),
      '/as ',
      '/dm',
      '/server',
      '/locale ',
      '/weekly',
      '/wait ',
      'click ',
      'choose ',
      'vote ',
      'exit',
    ];
    const rl = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY,
      completer: (line: string): [string[], string] => [names.filter((n) => n.startsWith(line)), line],
    });
    let inputClosed = false;
    rl.on('close', () => {
      inputClosed = true;
    });
    const prompt = () => {
      if (inputClosed) return;
      rl.setPrompt(`${session.userName}> `);
      rl.prompt();
    };
    prompt();
    for await (const line of rl) {
      if (/^(exit|quit|\/exit)$/i.test(line.trim())) break;
      if (!process.stdin.isTTY && line.trim()) out(`${session.userName}> ${line.trim()}`);
      const result = await session.run(line);
      if (result) out(result);
      prompt();
    }
    if (!inputClosed) rl.close();
  }
} finally {
  await close();
}
