// Posts an import's progress and summary: by editing the /import reply while Discord still accepts edits to it (an
// interaction token lives 15 minutes), otherwise as a DM. The reply handle is stored with the job, so reports
// continue after a restart.
import type { REST } from '@discordjs/rest';
import { type APIChannel, Routes } from 'discord.js';
import { type Locale, type Translator, translator } from '../i18n/index.ts';
import type { ImportReporter } from '../services/import/import-runner.ts';
import type { ImportJobView } from '../services/import/import-service.ts';
import { renderImportProgress, renderImportSummary, unmatchedCsv } from './import-render.ts';
import type { MessageView } from './responder.ts';

interface CsvFile {
  readonly name: string;
  readonly data: Buffer;
}

function body(view: MessageView) {
  return {
    content: view.content ?? '',
    embeds: view.embeds ?? [],
    components: view.components ?? [],
    allowed_mentions: { parse: [] },
  };
}

/**
 * `localeOf`: the language to report in, the person's (src/i18n localeFor, `personal`: a job has no interaction, so
 * their choice or the locale last stored for them); en-US when absent.
 */
export function createImportReporter(o: {
  rest: REST;
  clock: () => Date;
  localeOf?: (userId: string) => Promise<Locale>;
}): ImportReporter {
  const trFor = async (job: ImportJobView): Promise<Translator> =>
    translator((await o.localeOf?.(job.userId).catch(() => undefined)) ?? 'en-US');
  // Leave a margin: an edit that starts just before expiry may land after it.
  const usable = (job: ImportJobView) => job.reply && job.reply.expiresAt.getTime() - 30_000 > o.clock().getTime();
  async function dm(userId: string, view: MessageView, files: CsvFile[]) {
    const channel = (await o.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    await o.rest.post(Routes.channelMessages(channel.id), {
      body: { ...body(view), attachments: files.map((f, i) => ({ id: i, filename: f.name })) },
      files: files.map((f) => ({ name: f.name, data: f.data, contentType: 'text/csv' })),
    });
  }
  return {
    async progress(job) {
      if (!usable(job) || !job.reply) return;
      await o.rest.patch(Routes.webhookMessage(job.reply.applicationId, job.reply.token, '@original'), {
        body: body(renderImportProgress(await trFor(job), job)),
        auth: false,
      });
    },
    async finished(job, report) {
      const tr = await trFor(job);
      const view = renderImportSummary(tr, job, report !== null);
      const files: CsvFile[] = report
        ? [{ name: report.name, data: Buffer.from(unmatchedCsv(tr, report.rows), 'utf8') }]
        : [];
      if (usable(job) && job.reply) {
        await o.rest.patch(Routes.webhookMessage(job.reply.applicationId, job.reply.token, '@original'), {
          body: { ...body(view), attachments: files.map((f, i) => ({ id: i, filename: f.name })) },
          files: files.map((f) => ({ name: f.name, data: f.data, contentType: 'text/csv' })),
          auth: false,
        });
        return;
      }
      await dm(job.userId, view, files);
    },
  };
}
