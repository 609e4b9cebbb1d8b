// The one rule for which locale a message is written in (issue 17, "The right locale for each message").
//
// Personal replies and DMs speak the person's language; public messages (the channel digest, movie-night posts)
// speak the server's. An explicit choice (a user's `/settings language`, an admin's `/config language`) wins over what
// Discord reports. Callers pass what they know; the fields they cannot know stay undefined.
import { type Locale, resolveLocale } from './locales.ts';

export interface LocaleSources {
  /** The user's own choice (`/settings language`), when they made one. */
  readonly userChoice?: string | null;
  /** The interaction's `locale`: the language the user's Discord client is set to. */
  readonly interactionLocale?: string | null;
  /** The last `locale` stored for the user (for DMs sent outside an interaction, such as the weekly picks). */
  readonly storedUserLocale?: string | null;
  /** The server's choice (`/config language`), when an admin made one. */
  readonly guildChoice?: string | null;
  /** The interaction's `guild_locale`, or the guild's `preferred_locale`. */
  readonly guildLocale?: string | null;
}

/** `personal`: an ephemeral reply or a DM to one person. `public`: a message everybody in a channel reads. */
export type Audience = 'personal' | 'public';

export function localeFor(audience: Audience, s: LocaleSources): Locale {
  const order =
    audience === 'personal' ? [s.userChoice, s.interactionLocale, s.storedUserLocale] : [s.guildChoice, s.guildLocale];
  // The first source that says anything decides: an Italian client gets English (our fallback), not the server's
  // German, because the person's own setting says more about what they read than the server's does.
  const code = order.find((c) => typeof c === 'string' && c.trim() !== '');
  return resolveLocale(code);
}
