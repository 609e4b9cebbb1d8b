// npm run doctor — checks what Marquee needs before it goes live, one ✓/✗ line each with the fix: configuration,
// database (reachable, migrations pending), Discord (token, application install settings, registered commands, each
// picks channel's permissions) and the TMDB key. Exit 0 when every check passes, 1 otherwise. Runs beside the bot
// (PostgreSQL) or with the bot stopped (PGlite allows one process).
import { checkDiscord, type DoctorLine } from '../src/bot/doctor.ts';
import { type Config, ConfigError, loadConfig, readEnv } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { listPicksChannels } from '../src/services/guild-settings-service.ts';
import { runTmdbCheck } from '../src/services/tmdb/tmdb-check.ts';

const lines: DoctorLine[] = [];
const print = (l: DoctorLine) => {
  console.log(`${l.ok ? '✓' : '✗'} ${l.what}`);
  if (!l.ok && l.fix) console.log(`    fix: ${l.fix}`);
};
const add = (l: DoctorLine) => {
  lines.push(l);
  print(l);
};

let config: Config | undefined;
try {
  config = loadConfig(readEnv(), { discord: true });
  add({ ok: true, what: 'Configuration: every variable is valid' });
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  add({
    ok: false,
    what: `Configuration: ${err.problems.join('; ')}`,
    fix: 'Set them in .env (see .env.example), then run npm run doctor again.',
  });
}

if (config) {
  const logger = createLogger({ log: { level: 'silent', format: 'json' } });
  let picksChannels: { guildId: string; channelId: string }[] = [];
  const where = config.database.url ? 'PostgreSQL' : `PGlite at ${config.database.dataDir}`;
  try {
    const orm = await openDatabase(config.database, { logger, migrate: false });
    try {
      const pending = await orm.migrator.getPending();
      add(
        pending.length === 0
          ? { ok: true, what: `Database (${where}): reachable, no migrations pending` }
          : {
              ok: false,
              what: `Database (${where}): reachable, ${pending.length} migration(s) pending (${pending.map((m) => m.name).join(', ')})`,
              fix: 'npm run db:migrate (or start the bot: it applies them at start-up).',
            },
      );
      picksChannels = pending.length === 0 ? await listPicksChannels(orm.em.fork()) : [];
    } finally {
      await orm.close(true);
    }
  } catch (err) {
    add({
      ok: false,
      what: `Database (${where}): ${(err as Error).message}`,
      fix: config.database.url
        ? 'Check DATABASE_URL and that the server accepts connections (pg_isready).'
        : 'Is the bot running? PGlite allows one process: stop it or run the doctor against PostgreSQL.',
    });
  }

  for (const l of await checkDiscord({
    token: config.discord.token ?? '',
    appId: config.discord.appId ?? '',
    apiUrl: config.discord.apiUrl,
    devGuildId: config.discord.devGuildId,
    picksChannels,
  })) {
    add(l);
  }

  const tmdb = await runTmdbCheck(config.tmdb, logger);
  add(
    tmdb.status === 'ok'
      ? { ok: true, what: `TMDB: ${tmdb.lines[0] ?? 'key accepted'}` }
      : { ok: false, what: `TMDB: ${tmdb.lines[0] ?? tmdb.status}`, fix: tmdb.lines.slice(1).join(' ') || undefined },
  );
}

const failed = lines.filter((l) => !l.ok).length;
console.log(failed === 0 ? '\nAll checks passed.' : `\n${failed} check(s) failed.`);
process.exitCode = failed === 0 ? 0 : 1;
