// `npm run doctor`'s checks in order, each line handed to `report` as soon as it is known: configuration, database
// (reachable, migrations pending), Discord (token, application install settings, registered commands, each picks
// channel's permissions) and the TMDB key. scripts/doctor.ts prints them and sets the exit code.
import { checkDiscord, type DoctorLine } from './bot/doctor.ts';
import { type Config, ConfigError, type Env, loadConfig } from './config.ts';
import { openDatabase } from './db.ts';
import { createLogger } from './logger.ts';
import { listPicksChannels } from './services/guild-settings-service.ts';
import { runTmdbCheck } from './services/tmdb/tmdb-check.ts';

export type { DoctorLine };

/** A check as the doctor prints it: ✓ or ✗, and for ✗ the fix on an indented line. */
export function formatDoctorLine(l: DoctorLine): string {
  return `${l.ok ? '✓' : '✗'} ${l.what}${!l.ok && l.fix ? `\n    fix: ${l.fix}` : ''}`;
}

/** The closing line: all passed, or how many failed. */
export function doctorSummary(lines: readonly DoctorLine[]): string {
  const failed = lines.filter((l) => !l.ok).length;
  return failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`;
}

export async function runDoctor(env: Env, report: (line: DoctorLine) => void = () => {}): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = [];
  const add = (l: DoctorLine) => {
    lines.push(l);
    report(l);
  };

  let config: Config | undefined;
  try {
    config = loadConfig(env, { discord: true });
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
  return lines;
}
