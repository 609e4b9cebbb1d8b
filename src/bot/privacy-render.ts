// Words for /privacy and /settings profile. Pure: data in, message views out.
import { ButtonStyle } from 'discord.js';
import type { ProfileVisibility } from '../services/privacy-service.ts';
import type { RenderIds } from './render.ts';
import { button, row } from './render.ts';
import type { MessageView } from './responder.ts';

const n = (x: number) => x.toLocaleString('en-US');

export function renderExportSent(counts: Readonly<Record<string, number>>): MessageView {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    content: `📦 Sent you a DM with a ZIP of everything I hold about you (${n(total)} rows). It has JSON, a CSV per table, and your ratings, watch log and watchlist in Letterboxd's layout, so \`/import\` takes it back.`,
    ephemeral: true,
  };
}

export function renderExportDm(fileName: string, data: Buffer): MessageView {
  return {
    content: '📦 Here is everything Marquee holds about you. `/privacy delete` removes it all.',
    files: [{ name: fileName, data }],
  };
}

export function renderDeleteConfirm(r: RenderIds): MessageView {
  return {
    content:
      '⚠️ This deletes **everything** Marquee holds about you: ratings, watch log, watchlist, feedback, the picks you were shown, settings, imports and server memberships. It cannot be undone. Want a copy first? `/privacy export`.',
    components: [
      row(
        button(r.ids.encode('pdel', r.owner, []), 'Delete everything', ButtonStyle.Danger),
        button(r.ids.encode('pkeep', r.owner, []), 'Cancel', ButtonStyle.Secondary),
      ),
    ],
    ephemeral: true,
  };
}

export function renderDeleted(removed: Readonly<Record<string, number>>): MessageView {
  const total = Object.values(removed).reduce((a, b) => a + b, 0);
  return {
    content: `🗑️ Done. I deleted everything I held about you (${n(total)} rows). If you use Marquee again it starts from nothing.`,
    components: [],
  };
}

export function renderDeleteCancelled(): MessageView {
  return { content: 'Nothing was deleted.', components: [] };
}

const PROFILE_TEXT: Record<ProfileVisibility, string> = {
  public: 'anyone can see your watch log and ratings, compare with you, and picks may be explained with your name',
  server:
    'people in a server you share with them can see your watch log, compare with you, and see your name in reasons',
  private: 'only you see your watch log; nobody can compare with you, and reasons never name you',
};

export function renderProfileVisibility(v: ProfileVisibility, changed: boolean): MessageView {
  return { content: `🔒 Profile ${changed ? 'set to' : 'is'} **${v}**: ${PROFILE_TEXT[v]}.`, ephemeral: true };
}
