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
  type PermissionsBitField,
  SlashCommandBuilder,
} from 'discord.js';
import type { AutocompleteContext, InteractionContext } from '../bot/command.ts';
import { installedInThisGuild } from '../bot/install-context.ts';
import { hasPermissions, missingDigestPermissions } from '../bot/permissions.ts';
import { UserFacingError } from '../errors.ts';
import { discordTimestamp, LOCALE_NAMES, type Translator } from '../i18n/index.ts';
import { lastDigestProblem } from '../services/delivery-outbox-service.ts';
import { type GuildSettingsView, getGuildSettings, updateGuildSettings } from '../services/guild-settings-service.ts';
import { DAY_NAMES } from '../weekly/schedule.ts';
import { FOLLOW_DISCORD, languageOption } from './_shared.ts';

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
  .addSubcommand((s) =>
    s
      .setName('language')
      .setDescription("The language of this server's digest and movie-night posts")
      .addStringOption((o) =>
        languageOption(o, 'A language, or "Server\'s Discord language"', "Server's Discord language"),
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

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** "Fridays at 18:00 (Europe/Berlin)" in the reader's language. */
export function describeSchedule(tr: Translator, s: Pick<GuildSettingsView, 'day' | 'time' | 'timezone'>): string {
  return tr.t('config.schedule', { day: DAY_KEYS[s.day] ?? 'sat', time: s.time, timezone: s.timezone });
}

function summary(tr: Translator, s: GuildSettingsView): string {
  const lines = [
    tr.t('config.summary', {
      enabled: s.enabled ? 'yes' : 'no',
      channel: s.picksChannelId ? `<#${s.picksChannelId}>` : tr.t('config.channel_not_set'),
      schedule: describeSchedule(tr, s),
      language: s.language ? LOCALE_NAMES[s.language] : tr.t('config.language_discord'),
    }),
  ];
  if (s.nextRun) lines.push(tr.t('config.next_run', { when: discordTimestamp(s.nextRun, 'F') }));
  return lines.join('\n');
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  if (!interaction.inGuild() || !ctx.guildId) {
    throw UserFacingError.of('forbidden', 'config.server_only');
  }
  if (!installedInThisGuild(interaction)) {
    throw UserFacingError.of('forbidden', 'config.not_installed');
  }
  if (!hasPermissions(interaction.memberPermissions, PermissionFlagsBits.ManageGuild)) {
    throw UserFacingError.of('forbidden', 'config.manage_server');
  }
  const { tr } = ctx;
  const now = ctx.services.clock();
  const sub = interaction.options.getSubcommand(true);
  let s: GuildSettingsView;
  let intro: string;
  if (sub === 'picks-channel') {
    const channelId = await checkPicksChannel(interaction);
    s = await updateGuildSettings(ctx.em, ctx.guildId, { picksChannelId: channelId }, now);
    intro = tr.t('config.channel_set', { channelId });
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
    intro = tr.t('config.schedule_set', { schedule: describeSchedule(tr, s) });
  } else if (sub === 'language') {
    const chosen = interaction.options.getString('language', true);
    s = await updateGuildSettings(ctx.em, ctx.guildId, { language: chosen === FOLLOW_DISCORD ? null : chosen }, now);
    intro = s.language
      ? tr.t('config.language_set', { language: LOCALE_NAMES[s.language] })
      : tr.t('config.language_follow');
  } else if (sub === 'enable' || sub === 'disable') {
    s = await updateGuildSettings(ctx.em, ctx.guildId, { enabled: sub === 'enable' }, now);
    intro = tr.t(sub === 'enable' ? 'config.enabled' : 'config.disabled');
  } else {
    s = await getGuildSettings(ctx.em, ctx.guildId, now);
    const problem = await lastDigestProblem(ctx.em, ctx.guildId);
    intro = tr.t('config.title');
    if (problem) {
      const error = problem.error.replace(/^DiscordAPIError\[\d+\]: /, '');
      intro += `\n${tr.t('config.digest_problem', { week: problem.isoWeek, channelId: problem.channelId, error })}`;
    }
  }
  ctx.logger.info(
    { sub, enabled: s.enabled, day: s.day, time: s.time, timezone: s.timezone, language: s.language },
    'guild settings',
  );
  await ctx.respond.send({ content: `${intro}\n${summary(tr, s)}`, ephemeral: true });
}

/**
 * The chosen channel's id, once it is known to be a text channel of this server where the bot can view, send and
 * embed. The channel comes from the server's own channel list (not the raw option value, which a forged interaction
 * could set to any id); the bot's permissions there from Discord's `app_permissions` when it is the channel the command
 * was used in, else from its roles and the channel's overwrites (discord.js permissionsIn).
 */
async function checkPicksChannel(interaction: ChatInputCommandInteraction<'cached' | 'raw'>): Promise<string> {
  const channelId = String(interaction.options.get('channel', true).value);
  const guild = interaction.guild;
  const channel = guild?.channels.cache.get(channelId);
  if (!guild || !channel) {
    throw UserFacingError.of('invalid_input', 'config.channel_unknown');
  }
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    throw UserFacingError.of('invalid_input', 'config.channel_not_text', { channelId });
  }
  let bits: Readonly<PermissionsBitField> | null = null;
  if (channelId === interaction.channelId) bits = interaction.appPermissions;
  else {
    const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
    bits = me ? me.permissionsIn(channel) : null;
  }
  if (!bits) {
    throw UserFacingError.of('forbidden', 'config.channel_unchecked', { channelId });
  }
  const missing = missingDigestPermissions(bits);
  if (missing.length > 0) {
    throw UserFacingError.of('forbidden', 'config.channel_missing', { channelId, missing: missing.join('**, **') });
  }
  return channelId;
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
