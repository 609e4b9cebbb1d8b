// Pure renderers for movie night: the join message, the poll with its cards, the winner, the rating prompt and the
// history. Group reasons arrive as data; the words are made here, naming only people the caller says may be named.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { StoredGroupReason } from '../entities/index.ts';
import { type Translator, discordTimestamp as ts } from '../i18n/index.ts';
import type { CandidateView, HistoryEntry, NightView, ParticipantView } from '../services/movie-night-service.ts';
import { clip } from '../text.ts';
import type { CustomIds } from './custom-id.ts';
import { EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, POLL_ANSWER_MAX, POLL_QUESTION_MAX } from './discord-limits.ts';
import { BRAND_COLOUR, starsText } from './render.ts';
import type { MessageView } from './responder.ts';

/** Display names of the people who may be named in this channel (others are counted, never named). */
export type Names = ReadonlyMap<string, string>;

/** Up to three names when everyone may be named; otherwise only a count (`named` is then empty). */
function people(userIds: readonly string[], names: Names): { named: string[]; count: number } {
  const named = userIds.map((id) => names.get(id)).filter((n): n is string => Boolean(n));
  const all = named.length === userIds.length && named.length > 0 && named.length <= 3;
  return { named: all ? named : [], count: userIds.length };
}

/** One line for a candidate: why it suits the group. */
export function groupReasonText(tr: Translator, reasons: readonly StoredGroupReason[], names: Names): string {
  const parts: string[] = [];
  const fit = reasons.find((r) => r.kind === 'fit');
  if (fit && fit.kind === 'fit') {
    const n = fit.userIds.length;
    parts.push(
      n === 0
        ? tr.t('night.reason_unseen')
        : tr.t('night.reason_fit', { n, of: fit.of, all: n === fit.of ? 'yes' : 'no' }),
    );
  }
  const link = reasons.find((r) => r.kind === 'director') ?? reasons.find((r) => r.kind === 'cast');
  if (link && link.kind !== 'fit') {
    const { named, count } = people(link.userIds, names);
    const values = { who: named.length > 0 ? tr.list(named) : '', count, title: link.title, name: link.name };
    const director = link.kind === 'director';
    if (named.length > 0)
      parts.push(tr.t(director ? 'night.reason_director_named' : 'night.reason_cast_named', values));
    else parts.push(tr.t(director ? 'night.reason_director' : 'night.reason_cast', values));
  }
  const text = parts.join(' · ');
  return text.charAt(0).toLocaleUpperCase(tr.locale) + text.slice(1);
}

function yearText(year: number | null): string {
  return year ? ` (${year})` : '';
}

export function renderJoin(
  tr: Translator,
  night: NightView,
  participants: readonly ParticipantView[],
  ids: CustomIds,
  now: Date,
): MessageView {
  const inNow = participants.filter((p) => !p.out);
  const open = night.status === 'gathering' && night.joinClosesAt.getTime() > now.getTime();
  const imIn = tr.t('night.in_button');
  const imOut = tr.t('night.out_button');
  const where = night.location ? ` · ${night.location}` : night.voiceChannelId ? ` · <#${night.voiceChannelId}>` : '';
  const lines = [
    `${tr.t('night.join_title', { when: ts(night.startsAt, 'F') })}${where}`,
    tr.t('night.join_in', {
      count: inNow.length,
      people: inNow.map((p) => `<@${p.userId}>`).join(' ') || tr.t('night.join_nobody'),
    }),
    open
      ? tr.t('night.join_open', {
          in: imIn,
          out: imOut,
          films: night.candidateCount,
          when: ts(night.joinClosesAt, 'R'),
        })
      : tr.t('night.join_closed'),
  ];
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: imIn,
        custom_id: ids.encode('mnin', night.hostId, [night.id]),
        disabled: !open,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: imOut,
        custom_id: ids.encode('mnout', night.hostId, [night.id]),
        disabled: !open,
      },
    ],
  };
  return { content: lines.join('\n'), components: [row] };
}

/** The poll message: a native poll (one answer per film) next to a compact card of each film. */
export function renderPoll(
  tr: Translator,
  night: NightView,
  candidates: readonly CandidateView[],
  names: Names,
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  const card: APIEmbed = {
    color: BRAND_COLOUR,
    title: clip(tr.t('night.shortlist_title'), EMBED_TITLE_MAX),
    description: clip(
      candidates
        .map(
          (c) =>
            `**${c.answerId}. ${c.title}${yearText(c.year)}**${c.runtime ? ` · ${tr.runtime(c.runtime)}` : ''}${c.genres.length ? ` · ${tr.genres(c.genres.slice(0, 3))}` : ''}\n${groupReasonText(tr, c.reasons, names)}`,
        )
        .join('\n'),
      EMBED_DESCRIPTION_MAX,
    ),
    footer: { text: tr.t('night.poll_footer') },
  };
  return {
    content: tr.t('night.poll_content', { when: ts(night.startsAt, 'F') }),
    embeds: [card],
    poll: {
      // A poll question is plain text (no <t:…> markup), so the date is written out for the server's language.
      question: { text: clip(tr.t('night.poll_question', { date: tr.date(night.startsAt) }), POLL_QUESTION_MAX) },
      answers: candidates.map((c) => ({
        poll_media: { text: clip(`${c.answerId}. ${c.title}${yearText(c.year)}`, POLL_ANSWER_MAX) },
      })),
      duration: night.pollHours,
      allow_multiselect: night.multiselect,
      layout_type: 1,
    },
    nonce,
    enforce_nonce: true,
    allowed_mentions: { parse: [] },
  };
}

export function renderWinner(
  tr: Translator,
  night: NightView,
  winner: CandidateView,
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  const how = night.decidedBy === 'no_votes' ? tr.t('night.no_votes') : tr.t('night.votes', { votes: winner.votes });
  return {
    content: tr.t('night.winner', {
      when: ts(night.startsAt, 'F'),
      film: `${winner.title}${yearText(winner.year)}`,
      how,
    }),
    nonce,
    enforce_nonce: true,
    allowed_mentions: { parse: [] },
  };
}

export function renderRatingPrompt(
  tr: Translator,
  night: NightView,
  winner: CandidateView,
  attendees: readonly string[],
  ids: CustomIds,
): RESTPostAPIChannelMessageJSONBody {
  const stars: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [1, 2, 3, 4, 5].map((n) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: `${n}★`,
      custom_id: ids.encode('mnrate', night.hostId, [night.id, n]),
    })),
  };
  const watched: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: tr.t('night.watched_button'),
        custom_id: ids.encode('mnsaw', night.hostId, [night.id]),
      },
    ],
  };
  const who = attendees.length > 0 ? attendees.map((id) => `<@${id}>`).join(' ') : tr.t('night.everyone_who_watched');
  return {
    content: tr.t('night.rate_prompt', {
      who,
      film: `${winner.title}${yearText(winner.year)}`,
      button: tr.t('night.watched_button'),
    }),
    components: [stars, watched],
    allowed_mentions: { users: [...attendees] },
  };
}

export function renderRated(tr: Translator, title: string, stars: number, groupScore: number): MessageView {
  return {
    content: tr.t('night.rated', { title, stars: starsText(tr, stars), group: tr.stars(groupScore) }),
    ephemeral: true,
  };
}

export function renderHistory(tr: Translator, entries: readonly HistoryEntry[]): MessageView {
  if (entries.length === 0) return { content: tr.t('night.history_empty') };
  const lines = entries.map((e) => {
    const score =
      e.groupScore === null
        ? tr.t('night.history_not_rated')
        : tr.t('night.history_score', { stars: tr.stars(e.groupScore), ratings: e.ratings });
    return tr.t('night.history_line', {
      title: e.title,
      when: ts(e.startsAt, 'D'),
      attended: e.attendees.length,
      score,
    });
  });
  return {
    embeds: [
      {
        color: BRAND_COLOUR,
        title: tr.t('night.history_title'),
        description: clip(lines.join('\n'), EMBED_DESCRIPTION_MAX),
      },
    ],
  };
}
