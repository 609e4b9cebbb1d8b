// The locales Marquee speaks, and which of them answers each locale Discord may send.
//
// Discord sends the user's language with every interaction (`locale`) and the server's (`guild_locale`), as one of the
// codes in developers/reference#locales (the page is linked from interactions/application-commands.mdx, "Localization";
// discord-api-types lists the same codes as its `Locale` enum). We translate into six of them; every other code falls
// back to the nearest one we have, then to en-US. Discord's own fallbacks for command localizations
// (interactions/application-commands.mdx, "Locale fallbacks": en-GB ↔ en-US, es-419 → es-ES) are followed here too.

/** The locales with a complete catalogue. en-US is the source; the order is the order shown to people. */
export const LOCALES = ['en-US', 'de', 'fr', 'es-ES', 'pt-BR', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export const SOURCE_LOCALE: Locale = 'en-US';

/** Each supported locale's name in its own language (for `/settings language` and the sandbox's `/locale`). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  'en-US': 'English',
  de: 'Deutsch',
  fr: 'Français',
  'es-ES': 'Español',
  'pt-BR': 'Português do Brasil',
  ja: '日本語',
};

/** Discord's codes that are not ours but have a close one. Anything else (and every other language) → en-US. */
const FALLBACKS: Readonly<Record<string, Locale>> = {
  'en-gb': 'en-US',
  'es-419': 'es-ES',
  // A bare language or another region of it: Discord sends neither, but a stored or typed value might.
  en: 'en-US',
  es: 'es-ES',
  pt: 'pt-BR',
};

const BY_LOWER = new Map<string, Locale>(LOCALES.map((l) => [l.toLowerCase(), l]));

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale we answer in for a Discord locale code (or a stored/typed one); null when there is no close match. */
export function matchLocale(code: string | null | undefined): Locale | null {
  if (!code) return null;
  const lower = code.trim().toLowerCase().replace('_', '-');
  const exact = BY_LOWER.get(lower) ?? FALLBACKS[lower];
  if (exact) return exact;
  const language = lower.split('-')[0] ?? '';
  return BY_LOWER.get(language) ?? FALLBACKS[language] ?? null;
}

/** Like `matchLocale`, but always answers: en-US when nothing matches. */
export function resolveLocale(code: string | null | undefined): Locale {
  return matchLocale(code) ?? SOURCE_LOCALE;
}
