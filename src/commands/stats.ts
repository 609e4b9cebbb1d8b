// /stats: your taste (or a friend's, if their profile allows it) or the server's, as a picture.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import { renderPersonalChart, renderServerChart } from '../bot/stats-chart.ts';
import { UserFacingError } from '../errors.ts';
import { canSee } from '../services/privacy-service.ts';
import { personalStats, serverStats } from '../services/stats-service.ts';
import { personalCommand } from './_shared.ts';

// `/stats`, `/stats user:@friend`, `/stats server:true`: options rather than subcommands, so the common case is one word.
export const data = personalCommand('stats', 'Your taste as a picture: ratings, genres, decades, directors')
  .addUserOption((o) => o.setName('user').setDescription('Whose (default: yours)'))
  .addBooleanOption((o) => o.setName('server').setDescription("This server's most watched, loved and divisive films"));

export const defer = 'always';
export const limit = { limit: 5, windowMs: 60_000 };

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  if (interaction.options.getBoolean('server')) {
    if (!ctx.guildId) throw UserFacingError.of('invalid_input', 'stats.server_only');
    const stats = await serverStats(ctx.em, ctx.guildId);
    const png = renderServerChart(ctx.tr, interaction.guild?.name ?? ctx.tr.t('stats.this_server'), stats);
    await ctx.respond.send({
      embeds: [{ title: ctx.tr.t('stats.server_embed'), image: { url: 'attachment://server-stats.png' } }],
      files: [{ name: 'server-stats.png', data: png }],
    });
    return;
  }
  const target = interaction.options.getUser('user') ?? interaction.user;
  if (!(await canSee(ctx.em, ctx.userId, target.id, ctx.guildId))) {
    throw UserFacingError.of('forbidden', 'stats.private');
  }
  const stats = await personalStats(ctx.em, target.id, ctx.guildId);
  const png = renderPersonalChart(ctx.tr, target.globalName ?? target.username, stats);
  await ctx.respond.send({
    embeds: [{ title: ctx.tr.t('stats.personal_embed'), image: { url: 'attachment://stats.png' } }],
    files: [{ name: 'stats.png', data: png }],
  });
}
