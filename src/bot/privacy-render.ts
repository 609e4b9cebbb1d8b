// Words for /privacy and /settings profile. Pure: data in, message views out.
import { ButtonStyle } from 'discord.js';
import type { MessageKey, Translator } from '../i18n/index.ts';
import type { ProfileVisibility } from '../services/privacy-service.ts';
import type { RenderIds } from './render.ts';
import { button, row } from './render.ts';
import type { MessageView } from './responder.ts';

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function renderExportSent(tr: Translator, counts: Readonly<Record<string, number>>): MessageView {
  return { content: tr.t('privacy.export_sent', { rows: sum(counts) }), ephemeral: true };
}

/** README.txt of a privacy export, in the reader's language. */
export function renderExportReadme(tr: Translator, userId: string, now: Date): string {
  return tr.t('privacy.export_readme', { user: userId, date: now.toISOString() });
}

export function renderExportDm(tr: Translator, fileName: string, data: Buffer): MessageView {
  return { content: tr.t('privacy.export_dm'), files: [{ name: fileName, data }] };
}

export function renderDeleteConfirm(tr: Translator, r: RenderIds): MessageView {
  return {
    content: tr.t('privacy.delete_confirm'),
    components: [
      row(
        button(r.ids.encode('pdel', r.owner, []), tr.t('privacy.delete_button'), ButtonStyle.Danger),
        button(r.ids.encode('pkeep', r.owner, []), tr.t('privacy.cancel_button'), ButtonStyle.Secondary),
      ),
    ],
    ephemeral: true,
  };
}

export function renderDeleted(tr: Translator, removed: Readonly<Record<string, number>>): MessageView {
  return { content: tr.t('privacy.deleted', { rows: sum(removed) }), components: [] };
}

export function renderDeleteCancelled(tr: Translator): MessageView {
  return { content: tr.t('privacy.delete_cancelled'), components: [] };
}

const PROFILE_TEXT: Record<ProfileVisibility, MessageKey> = {
  public: 'profile.public_means',
  server: 'profile.server_means',
  private: 'profile.private_means',
};

export function renderProfileVisibility(tr: Translator, v: ProfileVisibility, changed: boolean): MessageView {
  return {
    content: tr.t('profile.visibility', {
      changed: changed ? 'yes' : 'no',
      level: v,
      meaning: tr.t(PROFILE_TEXT[v]),
    }),
    ephemeral: true,
  };
}
