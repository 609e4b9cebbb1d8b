// Where personal commands may be used: servers, DMs with the bot, and (when a user installs Marquee) other DMs.
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';

export function personalCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
}
