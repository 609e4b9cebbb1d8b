// /import: bring ratings, watches and a watchlist from Letterboxd or IMDb. The file is read and checked here (a bad
// file changes nothing and says why); matching runs as a background job that edits this reply with its progress.
// Discord does not allow subcommands next to options at one level, so "undo" is an option rather than a subcommand,
// which keeps `/import file:` one step.
import type { ChatInputCommandInteraction } from 'discord.js';
import { downloadAttachment } from '../bot/attachments.ts';
import type { InteractionContext } from '../bot/command.ts';
import { renderImportHelp, renderImportQueued, renderUndo } from '../bot/import-render.ts';
import { createImportJob, undoLastImport } from '../services/import/import-service.ts';
import { IMPORT_LIMITS, type SourceChoice } from '../services/import/read-upload.ts';
import { personalCommand } from './_shared.ts';

export const data = personalCommand('import', 'Import your ratings and watch history from Letterboxd or IMDb')
  .addAttachmentOption((o) =>
    o.setName('file').setDescription('Letterboxd export ZIP or CSV, or an IMDb ratings / watchlist CSV'),
  )
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('Where the file comes from (default: work it out)')
      .addChoices(
        { name: 'auto', value: 'auto' },
        { name: 'Letterboxd', value: 'letterboxd' },
        { name: 'IMDb', value: 'imdb' },
      ),
  )
  .addBooleanOption((o) => o.setName('undo').setDescription('Undo your last import instead'));

export const defer = 'always';
export const ephemeral = true;
export const limit = { limit: 5, windowMs: 10 * 60_000 };

/** Interaction tokens accept edits for 15 minutes (receiving-and-responding.mdx § Followup Messages). */
const TOKEN_LIFETIME_MS = 15 * 60_000;

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  if (interaction.options.getBoolean('undo')) {
    const result = await undoLastImport(ctx.em, ctx.userId, ctx.services.clock());
    ctx.logger.info({ jobId: result.jobId, restored: result.restored }, 'import undone');
    await ctx.respond.send(renderUndo(ctx.tr, result));
    return;
  }
  const file = interaction.options.getAttachment('file');
  if (!file) {
    await ctx.respond.send(renderImportHelp(ctx.tr));
    return;
  }
  const bytes = await downloadAttachment(
    { url: file.url, name: file.name, size: file.size },
    IMPORT_LIMITS.maxUploadBytes,
  );
  const job = await createImportJob(ctx.em, {
    userId: ctx.userId,
    fileName: file.name,
    bytes,
    source: (interaction.options.getString('source') ?? 'auto') as SourceChoice,
    reply: {
      applicationId: interaction.applicationId,
      token: interaction.token,
      expiresAt: new Date(interaction.createdTimestamp + TOKEN_LIFETIME_MS),
    },
  });
  ctx.logger.info({ jobId: job.id, source: job.source, rows: job.totalRows }, 'import queued');
  await ctx.respond.send(renderImportQueued(ctx.tr, job));
  ctx.services.imports?.kick();
}
