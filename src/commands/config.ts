// /config: the server's weekly picks. Discord hides it from members without Manage Server
// (default_member_permissions), and the bot checks the permission again itself: server admins can change who may
// use a command, and a forged interaction must not get through either.
import {
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { AutocompleteContext, InteractionContext } from '../bot/command.ts';
import { installedInThisGuild } from '../bot/install-context.ts';
import { hasPermissions } from '../bot/permissions.ts';
import { UserFacingError } from '../errors.ts';
import {
  describeSchedule,
  type GuildSettingsView,
  getGuildSettings,
  updateGuildSettings,
} from '../services/guild-settings-service.ts';
import { DAY_NAMES } from '../weekly/schedule.ts';

const builder = new SlashCommandBuilder()
  .setName('config')
  .setDescription('Weekly picks for this server (needs Manage Server)')
  .setContexts(InteractionContextType.Guild)
  // A server's settings: only where Marquee is installed to the server, never through someone's user install.
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('picks-channel')
      .setDescription('Where the weekly digest is posted')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('A text channel')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('schedule')
      .setDescription('When the weekly picks go out')
      .addIntegerOption((o) =>
        o
          .setName('day')
          .setDescription('Day of the week')
          .setRequired(true)
          .addChoices(...DAY_NAMES.map((name, value) => ({ name, value }))),
      )
      .addStringOption((o) =>
        o.setName('time').setDescription('Local time, 24-hour HH:MM (e.g. 18:00)').setRequired(true).setMaxLength(5),
      )
      .addStringOption((o) =>
        o
          .setName('timezone')
          .setDescription('IANA time zone, e.g. Europe/Berlin')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(64),
      ),
  )
  .addSubcommand((s) => s.setName('enable').setDescription('Turn weekly picks on'))
  .addSubcommand((s) => s.setName('disable').setDescription('Turn weekly picks off'))
  .addSubcommand((s) => s.setName('show').setDescription('Show the current settings'));

/** Discord's API takes default_member_permissions as an integer in requests (discord.js sends a string). */
export const data = {
  name: builder.name,
  toJSON: () => {
    const json = builder.toJSON();
    return {
      ...json,
      default_member_permissions: Number(json.default_member_permissions),
    } as unknown as ReturnType<typeof builder.toJSON>;
  },
};

export const ephemeral = true;

function summary(s: GuildSettingsView): string {
  const lines = [
    `Weekly picks: **${s.enabled ? 'on' : 'off'}**`,
    `Picks channel: ${s.picksChannelId ? `<#${s.picksChannelId}>` : 'not set (members who opted in still get DMs)'}`,
    `Schedule: ${describeSchedule(s)}`,
  ];
  if (s.nextRun) lines.push(`Next run: <t:${Math.floor(s.nextRun.getTime() / 1000)}:F>`);
  return lines.join('\n');
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  if (!interaction.inGuild() || !ctx.guildId) {
    throw new UserFacingError('forbidden', '/config works in a server, not in DMs.');
  }
  if (!installedInThisGuild(interaction)) {
    throw new UserFacingError(
      'forbidden',
      "Marquee isn't installed to this server, only to your account, so there is nothing here to configure. " +
        'A server admin can add Marquee to the server to get weekly picks.',
    );
  }
  if (!hasPermissions(interaction.memberPermissions, PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('forbidden', 'Only people with the **Manage Server** permission can change this.');
  }
  const now = ctx.services.clock();
  const sub = interaction.options.getSubcommand(true);
  let s: GuildSettingsView;
  let intro: string;
  if (sub === 'picks-channel') {
    // The raw id: the resolved channel object is not needed, and the bot has no channel cache (Guilds intent only).
    const channelId = String(interaction.options.get('channel', true).value);
    s = await updateGuildSettings(ctx.em, ctx.guildId, { picksChannelId: channelId }, now);
    intro = `✅ Weekly picks will be posted in <#${channelId}>.`;
  } else if (sub === 'schedule') {
    s = await updateGuildSettings(
      ctx.em,
      ctx.guildId,
      {
        day: interaction.options.getInteger('day', true),
        time: interaction.options.getString('time', true),
        timezone: interaction.options.getString('timezone', true),
      },
      now,
    );
    intro = `✅ Weekly picks go out ${describeSchedule(s)}.`;
  } else if (sub === 'enable' || sub === 'disable') {
    s = await updateGuildSettings(ctx.em, ctx.guildId, { enabled: sub === 'enable' }, now);
    intro =
      sub === 'enable'
        ? '✅ Weekly picks are on. DMs are opt-in: members get personal picks only after `/settings dms on`.'
        : '⏸️ Weekly picks are off. Nothing else changes; `/config enable` turns them back on.';
  } else {
    s = await getGuildSettings(ctx.em, ctx.guildId, now);
    intro = 'Weekly picks settings:';
  }
  ctx.logger.info({ sub, enabled: s.enabled, day: s.day, time: s.time, timezone: s.timezone }, 'guild settings');
  await ctx.respond.send({ content: `${intro}\n${summary(s)}`, ephemeral: true });
}

const ZONES = Intl.supportedValuesOf('timeZone');

export async function autocomplete(interaction: AutocompleteInteraction, _ctx: AutocompleteContext) {
  const typed = String(interaction.options.getFocused()).toLowerCase().replace(/\s+/g, '_');
  const hits = ZONES.filter((z) => z.toLowerCase().includes(typed));
  hits.sort((a, b) => Number(!a.toLowerCase().startsWith(typed)) - Number(!b.toLowerCase().startsWith(typed)));
  return ['UTC', ...hits]
    .filter((z, i, all) => all.indexOf(z) === i && z.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((z) => ({ name: z, value: z }));
}
