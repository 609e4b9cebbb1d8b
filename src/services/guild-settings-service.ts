// Per-server settings for the weekly picks: picks channel, schedule (day, local time, IANA time zone), on/off.
import type { Em } from '../db.ts';
import { GuildSettings } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { type Locale, matchLocale } from '../i18n/index.ts';
import { cut } from '../text.ts';
import { canonicalTimeZone, nextFireTime, parseTime } from '../weekly/schedule.ts';
import { normaliseLocale } from './user-service.ts';

export interface GuildSettingsView {
  readonly guildId: string;
  readonly picksChannelId: string | null;
  readonly day: number;
  readonly time: string;
  readonly timezone: string;
  readonly enabled: boolean;
  /** `/config language`: the locale of this server's public messages; null follows the server's Discord language. */
  readonly language: Locale | null;
  /** When the next weekly run happens (null while disabled). */
  readonly nextRun: Date | null;
}

export interface GuildSettingsPatch {
  picksChannelId?: string;
  day?: number;
  time?: string;
  timezone?: string;
  enabled?: boolean;
  /** A supported locale code, or null to follow the server's Discord language again. */
  language?: string | null;
}

function view(s: GuildSettings, now: Date): GuildSettingsView {
  const sched = { day: s.scheduleDay, time: s.scheduleTime, timezone: s.timezone };
  return {
    guildId: s.guildId,
    picksChannelId: s.picksChannelId ?? null,
    day: s.scheduleDay,
    time: s.scheduleTime,
    timezone: s.timezone,
    enabled: s.enabled,
    language: matchLocale(s.language),
    nextRun: s.enabled && canonicalTimeZone(s.timezone) ? nextFireTime(sched, now) : null,
  };
}

export async function getGuildSettings(em: Em, guildId: string, now: Date): Promise<GuildSettingsView> {
  const s = (await em.findOne(GuildSettings, guildId)) ?? em.create(GuildSettings, { guildId }, { persist: false });
  return view(s, now);
}

/** Validates everything first, then writes once. */
export async function updateGuildSettings(
  em: Em,
  guildId: string,
  patch: GuildSettingsPatch,
  now: Date,
): Promise<GuildSettingsView> {
  if (patch.day !== undefined && (!Number.isInteger(patch.day) || patch.day < 0 || patch.day > 6)) {
    throw UserFacingError.of('invalid_input', 'config.bad_day');
  }
  if (patch.time !== undefined && !parseTime(patch.time.trim())) {
    throw UserFacingError.of('invalid_input', 'config.bad_time');
  }
  let timezone: string | undefined;
  if (patch.timezone !== undefined) {
    timezone = canonicalTimeZone(patch.timezone.trim()) ?? undefined;
    if (!timezone) {
      throw UserFacingError.of('invalid_input', 'config.bad_timezone', { zone: cut(patch.timezone, 64) });
    }
  }
  const language = patch.language == null ? patch.language : normaliseLocale(patch.language);
  if (patch.picksChannelId !== undefined && !/^\d{17,20}$/.test(patch.picksChannelId)) {
    throw UserFacingError.of('invalid_input', 'config.bad_channel');
  }
  let s = await em.findOne(GuildSettings, guildId);
  if (!s) s = em.create(GuildSettings, { guildId });
  if (patch.picksChannelId !== undefined) s.picksChannelId = patch.picksChannelId;
  if (patch.day !== undefined) s.scheduleDay = patch.day;
  if (patch.time !== undefined) s.scheduleTime = patch.time.trim();
  if (timezone !== undefined) s.timezone = timezone;
  if (patch.enabled !== undefined) s.enabled = patch.enabled;
  if (language !== undefined) s.language = language;
  await em.flush();
  return view(s, now);
}

/** Every configured picks channel (the doctor checks the bot may post there). */
export async function listPicksChannels(em: Em): Promise<{ guildId: string; channelId: string }[]> {
  const rows = await em.execute<{ guild_id: string; picks_channel_id: string }[]>(
    'select guild_id, picks_channel_id from guild_settings where picks_channel_id is not null order by guild_id',
  );
  return rows.map((r) => ({ guildId: r.guild_id, channelId: r.picks_channel_id }));
}
