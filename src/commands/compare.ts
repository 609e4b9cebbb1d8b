// /compare user: a shrunk 0–100 taste match, the films you agree and disagree on most, and one film to watch
// together (good for both by the group model, seen by neither).
import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import { renderComparison } from '../bot/compare-render.ts';
import { compareTaste } from '../services/compare-service.ts';
import { personalCommand } from './_shared.ts';

export const data = personalCommand('compare', 'How close is your film taste to a friend’s?').addUserOption((o) =>
  o.setName('user').setDescription('Who to compare with').setRequired(true),
);

export const defer = 'always';
export const limit = { limit: 5, windowMs: 60_000 };

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const other = interaction.options.getUser('user', true);
  const comparison = await compareTaste(ctx.em, ctx.userId, other.id, ctx.guildId);
  const [together] = await ctx.services.recommendations.recommendForGroup(ctx.em, [ctx.userId, other.id], {
    count: 1,
    guildId: ctx.guildId,
  });
  ctx.logger.info({ otherId: other.id, match: comparison.match, common: comparison.common }, 'compared');
  await ctx.respond.send(
    renderComparison(ctx.tr, comparison, other.globalName ?? other.username, together ?? null, {
      ids: ctx.ids,
      owner: ctx.userId,
    }),
  );
}
