// The `commands` namespace: slash-command, option and choice names and descriptions per locale, sent to Discord as
// `name_localizations` / `description_localizations` (interactions/application-commands.mdx, "Localization").
// Kept apart from the message catalogue because its rules differ: names are lowercase, match Discord's name regex and
// are 1–32 characters; descriptions 1–100 (same document, "Application Command Object"). Filled by the command
// localization work of issue 17; the message catalogue (./catalogue/) holds everything the bot says.
import type { Locale } from './locales.ts';

export type LocalizedStrings = Readonly<Partial<Record<Locale, string>>>;

export interface CommandStrings {
  readonly name?: LocalizedStrings;
  readonly description?: LocalizedStrings;
}

/** Keyed by the English path: `rate`, `rate.movie`, `recommend.genre.choice.comedy`, … */
export const COMMAND_LOCALIZATIONS: Readonly<Record<string, CommandStrings>> = {};
