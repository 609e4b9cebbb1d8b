// The languages people and servers chose (`/settings language`, `/config language`) and the locale we last saw from
// each person, read for src/i18n/locale-for.ts, which holds the rule. The choices themselves are written by
// user-service (updatePreferences) and guild-settings-service (updateGuildSettings).
import type { Em } from '../db.ts';
import { type Locale, localeFor } from '../i18n/index.ts';
import { storable } from '../text.ts';

export interface StoredLocaleChoices {
  /** `/settings language`, or null. */
  readonly userChoice: string | null;
  /** The locale of the person's most recent interaction (for DMs sent by a job). */
  readonly storedUserLocale: string | null;
  /** `/config language` of the server, or null (also outside a server). */
  readonly guildChoice: string | null;
}

/** Both choices in one round trip (it runs once per interaction, before anything is said). */
export async function storedLocaleChoices(
  em: Em,
  userId: string,
  guildId: string | null,
): Promise<StoredLocaleChoices> {
  const rows = await em.execute<{ user_choice: string | null; stored: string | null; guild_choice: string | null }[]>(
    `select (select locale_override from users where id = ?) as user_choice,
            (select locale from users where id = ?) as stored,
            (select language from guild_settings where guild_id = ?) as guild_choice`,
    [userId, userId, guildId ?? ''],
  );
  const r = rows[0];
  return {
    userChoice: r?.user_choice ?? null,
    storedUserLocale: r?.stored ?? null,
    guildChoice: r?.guild_choice ?? null,
  };
}

/** The locale of a DM a job sends (the weekly picks): the person's choice, else the locale they last used. */
export async function dmLocale(em: Em, userId: string): Promise<Locale> {
  const { userChoice, storedUserLocale } = await storedLocaleChoices(em, userId, null);
  return localeFor('personal', { userChoice, storedUserLocale });
}

/** What a server's row says about its language: the admin's choice and its Discord language as last seen. */
export interface GuildLanguage {
  /** `/config language`, or null. */
  readonly language?: string | null;
  /** The server's `preferred_locale` as last seen (GUILD_CREATE / GUILD_UPDATE or an interaction's `guild_locale`). */
  readonly discordLocale?: string | null;
}

/**
 * The locale of a public message in a server (the digest, movie-night posts), from its settings row: its
 * `/config language`, else `guildLocale` (what Discord says right now, when the caller knows it), else the server's
 * Discord language as last stored. The one home for "which language does this server read".
 */
export function serverLocale(settings: GuildLanguage | null | undefined, guildLocale?: string | null): Locale {
  return localeFor('public', {
    guildChoice: settings?.language ?? null,
    guildLocale: guildLocale || settings?.discordLocale || null,
  });
}

/**
 * The locale of a public message in a server (the digest, movie-night posts): see `serverLocale`. `guildLocale` is
 * the server's Discord language when the caller has it (`interaction.guildLocale` or the cached guild's
 * `preferredLocale`); without it the stored one is used.
 */
export async function publicLocale(em: Em, guildId: string, guildLocale?: string | null): Promise<Locale> {
  const rows = await em.execute<{ language: string | null; discord_locale: string | null }[]>(
    'select language, discord_locale from guild_settings where guild_id = ?',
    [guildId],
  );
  const r = rows[0];
  return serverLocale({ language: r?.language, discordLocale: r?.discord_locale }, guildLocale);
}

/**
 * Remembers a server's Discord language (`preferred_locale` of the guild in events/gateway-events.mdx, "Guild Create" and
 * "Guild Update"), creating its settings row if needed; a no-op write when it did not change. Jobs read it back through
 * `serverLocale`.
 */
export async function noteGuildLocale(em: Em, guildId: string, discordLocale: string): Promise<void> {
  const locale = storable(discordLocale, 16);
  if (!/^\d{17,20}$/.test(guildId) || !locale) return;
  await em.execute(
    `insert into guild_settings (guild_id, discord_locale, created_at, updated_at) values (?, ?, ?, ?)
     on conflict (guild_id) do update set discord_locale = excluded.discord_locale
     where guild_settings.discord_locale is distinct from excluded.discord_locale`,
    [guildId, locale, new Date(), new Date()],
  );
}
