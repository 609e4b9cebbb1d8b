// Where personal commands may be used: servers, DMs with the bot, and (when a user installs Marquee) other DMs.
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';

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
