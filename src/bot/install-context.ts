// Where Marquee is installed, as the interaction tells it. A person can add Marquee to their account (a user install)
// and use personal commands in any server, including servers where the bot itself is not a member. Such a server is
// not ours to configure or to count members of: only a guild install there makes it one.
// (discord-api-docs developers/interactions/receiving-and-responding.mdx, "Authorizing Integration Owners Object":
// the GUILD_INSTALL key holds the guild id when the app is installed to the server the interaction came from.)
import type { BaseInteraction } from 'discord.js';

/** True when the bot is installed to, and a member of, the server this interaction came from. */
export function installedInThisGuild(interaction: BaseInteraction): boolean {
  const guildId = interaction.guildId;
  if (!guildId) return false;
  if (interaction.authorizingIntegrationOwners?.guildId !== guildId) return false;
  // With the Guilds intent the gateway sends every server the bot is in; a server it is not in is unknown here.
  return interaction.client.guilds.cache.has(guildId);
}
