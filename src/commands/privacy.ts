// /privacy: see everything Marquee holds about you (a ZIP by DM) and delete it (after a confirmation button).
import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import { renderDeleteConfirm, renderExportDm, renderExportReadme, renderExportSent } from '../bot/privacy-render.ts';
import { UserFacingError } from '../errors.ts';
import { exportUserData } from '../services/privacy-data.ts';
import { personalCommand } from './_shared.ts';

export const data = personalCommand('privacy', 'What Marquee holds about you: export it or delete it')
  .addSubcommand((s) => s.setName('export').setDescription('Get a ZIP of everything Marquee holds about you, by DM'))
  .addSubcommand((s) => s.setName('delete').setDescription('Delete everything Marquee holds about you'));

export const ephemeral = true;
export const limit = { limit: 3, windowMs: 10 * 60_000 };

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const sub = interaction.options.getSubcommand(true);
  if (sub === 'delete') {
    await ctx.respond.send(renderDeleteConfirm(ctx.tr, { ids: ctx.ids, owner: ctx.userId }));
    return;
  }
  const now = ctx.services.clock();
  const exported = await exportUserData(ctx.em, ctx.userId, now, renderExportReadme(ctx.tr, ctx.userId, now));
  const view = renderExportDm(ctx.tr, exported.fileName, exported.data);
  try {
    await interaction.user.send({
      content: view.content ?? '',
      files: (view.files ?? []).map((f) => ({ attachment: f.data, name: f.name })),
    });
  } catch (err) {
    throw UserFacingError.of('forbidden', 'privacy.export_dm_closed', undefined, { cause: err });
  }
  ctx.logger.info({ bytes: exported.data.length }, 'privacy export sent');
  await ctx.respond.send(renderExportSent(ctx.tr, exported.counts));
}
