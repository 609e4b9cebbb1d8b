// Which of our locales a message is written in. One rule for every message:
// - personal (a reply, an ephemeral answer, a DM in answer to a command): the person's `/settings language`, else the
//   locale their Discord client sent with the interaction;
// - a DM from a job (the weekly picks): the person's `/settings language`, else the locale we last saw from them;
// - public (the channel digest, movie-night posts): the server's `/config language`, else the server's own Discord
//   language (`guild_locale` on an interaction, `preferred_locale` on the guild).
// Anything we do not speak falls back to the nearest locale we do (es-419 → es-ES, en-GB → en-US), else en-US.
// Discord's locale codes: developers/reference.mdx § Locales.

export const SUPPORTED_LOCALES = ['en-US', 'de', 'fr', 'es-ES', 'pt-BR', 'ja'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'en-US';

/** Our locale for a Discord (or BCP 47) locale code, or null when we do not speak it. Case-insensitive. */
export function supportedLocale(code: string | null | undefined): SupportedLocale | null {
  if (!code) return null;
  const lower = code.trim().toLowerCase();
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  // Another variant of a language we speak in one form (en-GB → en-US, es-419 → es-ES, pt-PT → pt-BR, ja-JP → ja).
  const language = lower.split('-')[0];
  const byLanguage = SUPPORTED_LOCALES.filter((l) => l.toLowerCase().split('-')[0] === language);
  return byLanguage.length === 1 ? (byLanguage[0] as SupportedLocale) : null;
}

export type LocaleAudience =
  /** A reply to someone's interaction: only they read it (or they asked for it). */
  | {
      readonly kind: 'personal';
      /** `/settings language`, when set. */
      readonly userOverride: string | null | undefined;
      /** `interaction.locale`: the language the person's Discord client is set to. */
      readonly interactionLocale: string | null | undefined;
    }
  /** A DM sent by a job, with no interaction to read a locale from. */
  | {
      readonly kind: 'job-dm';
      readonly userOverride: string | null | undefined;
      /** The locale of the person's most recent interaction (`users.locale`). */
      readonly lastSeenLocale: string | null | undefined;
    }
  /** A message everyone in a channel reads. */
  | {
      readonly kind: 'public';
      /** `/config language`, when set. */
      readonly serverLanguage: string | null | undefined;
      /** The server's Discord language: `interaction.guildLocale` or the guild's `preferred_locale`. */
      readonly guildLocale: string | null | undefined;
    };

/** The locale to write a message in (see the rule at the top of this file). */
export function pickLocale(a: LocaleAudience): SupportedLocale {
  const candidates =
    a.kind === 'personal'
      ? [a.userOverride, a.interactionLocale]
      : a.kind === 'job-dm'
        ? [a.userOverride, a.lastSeenLocale]
        : [a.serverLanguage, a.guildLocale];
  for (const c of candidates) {
    const l = supportedLocale(c);
    if (l) return l;
  }
  return DEFAULT_LOCALE;
}

/** Each locale's name in its own language, as the language pickers (`/settings language`, `/config language`) show it. */
export const LOCALE_NAMES: Readonly<Record<SupportedLocale, string>> = {
  'en-US': 'English',
  de: 'Deutsch',
  fr: 'Français',
  'es-ES': 'Español',
  'pt-BR': 'Português (Brasil)',
  ja: '日本語',
};
