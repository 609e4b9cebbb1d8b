// Pure renderers for the weekly messages: outbox payload in, Discord message body out. Unit-tested without Discord.
// The DM reuses the bot's pick layout and its signed feedback buttons (source `w`), so clicks go through the same
// handler as /recommend's: stored, linked to the impression, idempotent, undone by a second click.
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  escapeMarkdown,
} from 'discord.js';
import { resolveLocale, type Translator, translator } from '../i18n/index.ts';
import type { ClaimedMessage } from '../services/delivery-outbox-service.ts';
import type { WatchlistReminder, WhereToWatch } from '../services/streaming-service.ts';
import type { DigestPayload, DmPayload } from '../services/weekly-run-service.ts';
import { clip } from '../text.ts';
import type { CustomIds } from './custom-id.ts';
import { CONTENT_MAX, EMBED_TITLE_MAX } from './discord-limits.ts';
import { reasonText } from './reason-text.ts';
import { BRAND_COLOUR, feedbackButtons, PICK_DESCRIPTION_MAX, posterUrl, titleWithYear } from './render.ts';
import { joinNames, pickLines } from './where-to-watch.ts';

/** Weekly messages carry only feedback buttons (each with a custom id). */
type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface WeeklyMessageBody {
  content: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  allowed_mentions: { parse: [] };
}

/**
 * `where`: the person's region, services and the picks' offers, looked up when the DM is sent (src/bot/weekly-sender.ts),
 * for a "📺 Stream on …" line under each pick; without it (or without a region) the picks carry none.
 */
export function renderWeeklyDm(tr: Translator, p: DmPayload, ids: CustomIds, where?: WhereToWatch): WeeklyMessageBody {
  const picks = p.picks.slice(0, 5); // a message holds at most 5 rows of buttons: one row per pick
  const { lines, content: intro } = pickLines(
    tr,
    where,
    picks.map((pick) => pick.movieId),
    tr.t('weekly.dm_intro', { count: picks.length }),
  );
  const credited = lines.some(Boolean);
  return {
    // The reminder goes in the content, not an embed: five picks can already use most of a message's 6,000 embed
    // characters (developers/resources/message.mdx, "Embed Limits"); content has its own 2,000. JustWatch is
    // credited once: after the intro when picks show offers, else after the reminder.
    content: p.reminder ? `${intro}\n\n${reminderText(tr, p.reminder, !credited)}` : intro,
    embeds: picks.map((pick, i) => {
      const poster = posterUrl(pick.posterPath);
      return {
        title: clip(`${i + 1}. ${titleWithYear(pick.title, pick.year)}`, EMBED_TITLE_MAX),
        description: clip(
          [reasonText(tr, pick.reason), lines[i], pick.genres.length > 0 ? tr.genres(pick.genres.slice(0, 3)) : null]
            .filter(Boolean)
            .join('\n'),
          PICK_DESCRIPTION_MAX,
        ),
        color: BRAND_COLOUR,
        ...(poster ? { thumbnail: { url: poster } } : {}),
        ...(i === picks.length - 1 ? { footer: { text: tr.t('weekly.dm_footer') } } : {}),
      };
    }),
    components: picks.map((pick) => feedbackButtons(tr, pick, 'w', { ids, owner: p.userId }) as ButtonRow),
    allowed_mentions: { parse: [] },
  };
}

/**
 * "🔖 From your watchlist: …": the film, the person's services carrying it, and JustWatch credited for the data
 * (unless the message credits it already).
 */
export function reminderText(tr: Translator, r: WatchlistReminder, credit = true): string {
  const film = escapeMarkdown(clip(titleWithYear(r.title, r.year), 200));
  const services = joinNames(
    tr,
    r.services.map((s) => escapeMarkdown(clip(s, 60))),
  );
  const text = tr.t('stream.reminder', { film, services, region: r.region });
  return credit ? `${text} ${tr.t('stream.credit')}` : text;
}

/** Titles are clipped so that any number of films, with any titles, fits the content limit. */
const DIGEST_TITLE_MAX = 200;

export function renderWeeklyDigest(tr: Translator, p: DigestPayload): WeeklyMessageBody {
  const head = tr.t('weekly.digest_title', { week: p.isoWeek });
  const foot = ['', tr.t('weekly.digest_footer')];
  if (p.films.length === 0) {
    const none = tr.t('weekly.digest_empty');
    return { content: [head, none, ...foot].join('\n'), allowed_mentions: { parse: [] } };
  }
  const line = (f: DigestPayload['films'][number], i: number, titleMax: number) =>
    `${i + 1}. ${tr.t('weekly.digest_line', { film: escapeMarkdown(clip(titleWithYear(f.title, f.year), titleMax)), members: f.members })}`;
  // Each title gets an equal share of what the fixed text leaves (escaping can add a character per markdown sign, so
  // the share is halved for it), never more than DIGEST_TITLE_MAX.
  const fixed = [head, ...foot].join('\n').length + p.films.reduce((n, f, i) => n + line(f, i, 0).length + 1, 0);
  const share = Math.floor((CONTENT_MAX - fixed) / p.films.length / 2);
  const titleMax = Math.max(1, Math.min(DIGEST_TITLE_MAX, share));
  const content = [head, ...p.films.map((f, i) => line(f, i, titleMax)), ...foot].join('\n');
  return { content: clip(content, CONTENT_MAX), allowed_mentions: { parse: [] } };
}

/**
 * The payload carries the locale it is written in (src/services/weekly-run-service.ts decides it with localeFor: the
 * person's language for a DM, the server's for the digest); rows queued before it did are English.
 */
export function renderWeeklyMessage(m: ClaimedMessage, ids: CustomIds, where?: WhereToWatch): WeeklyMessageBody {
  const payload = m.payload as DmPayload | DigestPayload;
  const tr = translator(resolveLocale(typeof payload.locale === 'string' ? payload.locale : null));
  return payload.type === 'weekly_dm' ? renderWeeklyDm(tr, payload, ids, where) : renderWeeklyDigest(tr, payload);
}

/** The films a weekly DM shows (whose offers the sender looks up), or none for a digest. */
export function weeklyDmFilms(m: ClaimedMessage): { userId: string; movieIds: number[] } | null {
  const payload = m.payload as DmPayload | DigestPayload;
  if (payload.type !== 'weekly_dm') return null;
  return { userId: payload.userId, movieIds: payload.picks.slice(0, 5).map((p) => p.movieId) };
}
