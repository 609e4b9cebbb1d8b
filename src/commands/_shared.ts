// Where personal commands may be used: servers, DMs with the bot, and (when a user installs Marquee) other DMs.
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';
import { LOCALE_NAMES, LOCALES } from '../i18n/index.ts';

export function personalCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
}

/** The `movie` option every film command shares: free text with autocomplete ("Title (Year)" suggestions). */
export function movieOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName('movie')
    .setDescription('Start typing a title')
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(100);
}

/** The value of a language option's first choice: follow Discord's language again (clears the choice). */
export const FOLLOW_DISCORD = 'auto';

/**
 * A `language` option offering every supported locale by its own name (Deutsch, 日本語), after a first choice
 * (`followLabel`) that follows Discord's language again.
 */
export function languageOption(o: SlashCommandStringOption, description: string, followLabel: string) {
  return o
    .setName('language')
    .setDescription(description)
    .setRequired(true)
    .addChoices(
      { name: followLabel, value: FOLLOW_DISCORD },
      ...LOCALES.map((l) => ({ name: LOCALE_NAMES[l], value: l })),
    );
}
