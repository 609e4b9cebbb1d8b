// /movienight: plan a screening with the group. `start` names who is in (a voice channel's members, a role's members
// or mentions) and posts an "I'm in" button; when joining closes the bot posts a native Discord poll of films none of
// them has seen (the movie-night runner does that, and everything after). `end` closes the poll now, `reschedule`
// moves the screening, `cancel` calls it off, `history` lists past nights.
import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import type { MovieNightBot } from '../bot/context.ts';
import { renderHistory, renderJoin } from '../bot/movie-night-render.ts';
import { hasPermissions } from '../bot/permissions.ts';
import { UserFacingError } from '../errors.ts';
import { discordTimestamp } from '../i18n/index.ts';
import { getGuildSettings } from '../services/guild-settings-service.ts';
import {
  MAX_CANDIDATES,
  MAX_POLL_HOURS,
  MIN_CANDIDATES,
  type NightView,
  parseScreeningTime,
} from '../services/movie-night-service.ts';
import { CHOOSABLE_GENRES } from '../services/tmdb/genres.ts';

/** Defaults for `/movienight start` options left out. */
export const DEFAULT_CANDIDATES = 5;
export const DEFAULT_JOIN_MINUTES = 10;
export const DEFAULT_POLL_HOURS = 2;

const builder = new SlashCommandBuilder()
  .setName('movienight')
  .setDescription('Plan a movie night: films the whole group will like, decided by a poll')
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('start')
      .setDescription('Start planning a movie night')
      .addStringOption((o) =>
        o
          .setName('when')
          .setDescription("Start time in the server's time zone: 20:30, tomorrow 20:30 or 2026-12-05 20:30")
          .setRequired(true)
          .setMaxLength(40),
      )
      .addStringOption((o) => o.setName('people').setDescription('Mention who is in (@Sam @Ana …)').setMaxLength(1000))
      .addChannelOption((o) =>
        o
          .setName('voice')
          .setDescription("Everyone in this voice channel is in; it's also where you watch")
          .addChannelTypes(ChannelType.GuildVoice, ChannelType.GuildStageVoice),
      )
      .addRoleOption((o) => o.setName('role').setDescription('Everyone with this role is in'))
      .addIntegerOption((o) =>
        o
          .setName('candidates')
          .setDescription(
            `How many films to vote on (${MIN_CANDIDATES}–${MAX_CANDIDATES}, default ${DEFAULT_CANDIDATES})`,
          )
          .setMinValue(MIN_CANDIDATES)
          .setMaxValue(MAX_CANDIDATES),
      )
      .addIntegerOption((o) =>
        o.setName('max-runtime').setDescription('Longest film, in minutes').setMinValue(30).setMaxValue(400),
      )
      .addStringOption((o) =>
        o
          .setName('genre')
          .setDescription('Only this genre')
          .addChoices(...CHOOSABLE_GENRES.map((g) => ({ name: g, value: g }))),
      )
      .addIntegerOption((o) =>
        o
          .setName('join-minutes')
          .setDescription(`How long "I'm in" stays open (default ${DEFAULT_JOIN_MINUTES})`)
          .setMinValue(1)
          .setMaxValue(24 * 60),
      )
      .addIntegerOption((o) =>
        o
          .setName('poll-hours')
          .setDescription(`How long the poll stays open (default ${DEFAULT_POLL_HOURS})`)
          .setMinValue(1)
          .setMaxValue(MAX_POLL_HOURS),
      )
      .addBooleanOption((o) => o.setName('multiselect').setDescription('Allow voting for several films'))
      .addStringOption((o) =>
        o
          .setName('location')
          .setDescription('Where, if not in a voice channel (e.g. "Sam\'s place")')
          .setMaxLength(100),
      ),
  )
  .addSubcommand((s) => s.setName('end').setDescription('Close the poll now and announce the winner'))
  .addSubcommand((s) =>
    s
      .setName('reschedule')
      .setDescription('Move the screening')
      .addStringOption((o) =>
        o.setName('when').setDescription('New start time (20:30, tomorrow 20:30, 2026-12-05 20:30)').setRequired(true),
      ),
  )
  .addSubcommand((s) => s.setName('cancel').setDescription('Call off the movie night'))
  .addSubcommand((s) => s.setName('history').setDescription('Past movie nights: film, date, attendees, rating'));

export const data = builder;
/** Public: the join message is for everyone. Building the night reads the database, so defer at once. */
export const defer = 'always';

function nights(ctx: InteractionContext): MovieNightBot {
  const m = ctx.services.movieNights;
  if (!m) throw UserFacingError.of('invalid_input', 'night.unavailable');
  return m;
}

function guildOf(ctx: InteractionContext): string {
  if (!ctx.guildId) throw UserFacingError.of('invalid_input', 'night.server_only');
  return ctx.guildId;
}

async function activeNight(ctx: InteractionContext): Promise<NightView> {
  const night = await nights(ctx).service.active(ctx.em, guildOf(ctx));
  if (!night) throw UserFacingError.of('not_found', 'night.none_planned');
  return night;
}

/** The host, or someone who may manage the server's events. */
function assertMayManage(interaction: ChatInputCommandInteraction, ctx: InteractionContext, night: NightView): void {
  if (night.hostId === ctx.userId) return;
  if (hasPermissions(interaction.memberPermissions, PermissionFlagsBits.ManageEvents)) return;
  throw UserFacingError.of('forbidden', 'night.host_only', { host: `<@${night.hostId}>` });
}

/** Server members the host named: mentions, a voice channel's members, a role's members; never bots. */
function namedMembers(interaction: ChatInputCommandInteraction): string[] {
  const ids = new Set<string>();
  const text = interaction.options.getString('people') ?? '';
  for (const m of text.matchAll(/<@!?(\d{17,20})>/g)) ids.add(m[1]!);
  const voice = interaction.options.getChannel('voice');
  const guild = interaction.guild;
  if (voice && guild) {
    for (const vs of guild.voiceStates.cache.values()) if (vs.channelId === voice.id) ids.add(vs.id);
  }
  const role = interaction.options.getRole('role');
  if (role && guild) {
    for (const member of guild.roles.cache.get(role.id)?.members.values() ?? []) ids.add(member.id);
  }
  const isBot = (id: string) => interaction.client.users.cache.get(id)?.bot === true;
  return [...ids].filter((id) => !isBot(id) && id !== interaction.client.user.id);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const sub = interaction.options.getSubcommand(true);
  const { service, runner } = nights(ctx);
  const now = ctx.services.clock();
  if (sub === 'start') {
    const guildId = guildOf(ctx);
    const { timezone } = await getGuildSettings(ctx.em, guildId, now);
    const startsAt = parseScreeningTime(interaction.options.getString('when', true), timezone, now);
    const voice = interaction.options.getChannel('voice');
    const night = await service.start(ctx.em, {
      guildId,
      channelId: interaction.channelId,
      hostId: ctx.userId,
      startsAt,
      timeZone: timezone,
      named: namedMembers(interaction),
      candidateCount: interaction.options.getInteger('candidates') ?? DEFAULT_CANDIDATES,
      maxRuntime: interaction.options.getInteger('max-runtime'),
      genre: interaction.options.getString('genre'),
      voiceChannelId: voice?.id ?? null,
      location: interaction.options.getString('location'),
      multiselect: interaction.options.getBoolean('multiselect') ?? false,
      joinMinutes: interaction.options.getInteger('join-minutes') ?? DEFAULT_JOIN_MINUTES,
      pollHours: interaction.options.getInteger('poll-hours') ?? DEFAULT_POLL_HOURS,
    });
    ctx.logger.info({ nightId: night.id }, 'movie night started');
    await ctx.respond.send(renderJoin(ctx.publicTr, night, await service.participants(ctx.em, night.id), ctx.ids, now));
    const reply = await interaction.fetchReply().catch(() => null);
    if (reply) await service.setJoinMessage(ctx.em, night.id, reply.id);
    return;
  }
  if (sub === 'history') {
    await ctx.respond.send(renderHistory(ctx.tr, await service.history(ctx.em, guildOf(ctx))));
    return;
  }
  const night = await activeNight(ctx);
  assertMayManage(interaction, ctx, night);
  if (sub === 'end') {
    if (night.status !== 'polling' || !night.pollMessageId) {
      throw UserFacingError.of(
        'invalid_input',
        night.status === 'gathering' ? 'night.poll_not_open' : 'night.poll_closed',
      );
    }
    await runner.endNow(night.id);
    await ctx.respond.send({ content: ctx.tr.t('night.poll_closed_now'), ephemeral: true });
  } else if (sub === 'reschedule') {
    const startsAt = parseScreeningTime(interaction.options.getString('when', true), night.timeZone, now);
    const moved = await service.reschedule(ctx.em, night.id, startsAt);
    await runner.rescheduled(moved);
    await ctx.respond.send({
      content: ctx.publicTr.t('night.moved', { when: discordTimestamp(startsAt, 'F') }),
    });
  } else if (sub === 'cancel') {
    const cancelled = await service.cancel(ctx.em, night.id);
    await runner.cancelled(cancelled);
    await ctx.respond.send({ content: ctx.publicTr.t('night.cancelled') });
  }
}
