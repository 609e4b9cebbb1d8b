// The languages people and servers chose (`/settings language`, `/config language`) and the locale we last saw from
// each person, read for src/i18n/locale-for.ts, which holds the rule. The choices themselves are written by
// user-service (updatePreferences) and guild-settings-service (updateGuildSettings).
import type { Em } from '../db.ts';
import { type Locale, localeFor } from '../i18n/index.ts';

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

/**
 * The locale of a public message in a server (the digest, movie-night posts): its `/config language`, else
 * `guildLocale`, the server's Discord language (`interaction.guildLocale` or the guild's `preferredLocale`).
 */
export async function publicLocale(em: Em, guildId: string, guildLocale: string | null | undefined): Promise<Locale> {
  const rows = await em.execute<{ language: string | null }[]>(
    'select language from guild_settings where guild_id = ?',
    [guildId],
  );
  return localeFor('public', { guildChoice: rows[0]?.language ?? null, guildLocale });
}
