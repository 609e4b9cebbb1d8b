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
import type { CandidateView, HistoryEntry, NightView, ParticipantView } from '../services/movie-night-service.ts';
import { clip } from '../text.ts';
import type { CustomIds } from './custom-id.ts';
import { BRAND_COLOUR, starsText } from './render.ts';
import type { MessageView } from './responder.ts';

/**
 * An answer's text in a Discord poll: 55 characters (resources/poll.mdx § Poll Media Object; the local Discord
 * enforces the same, see fakes/discord/validation/polls.ts).
 */
export const POLL_ANSWER_MAX = 55;
const POLL_QUESTION_MAX = 300;

/** Display names of the people who may be named in this channel (others are counted, never named). */
export type Names = ReadonlyMap<string, string>;

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function people(userIds: readonly string[], names: Names): string {
  const named = userIds.map((id) => names.get(id)).filter((n): n is string => Boolean(n));
  if (named.length === userIds.length && named.length > 0 && named.length <= 3) return joinNames(named);
  return `${userIds.length} of you`;
}

/** One line for a candidate: why it suits the group. */
export function groupReasonText(reasons: readonly StoredGroupReason[], names: Names): string {
  const parts: string[] = [];
  const fit = reasons.find((r) => r.kind === 'fit');
  if (fit && fit.kind === 'fit') {
    const n = fit.userIds.length;
    parts.push(
      n === 0
        ? 'nobody has seen it'
        : `${n === fit.of ? `all ${n}` : `${n} of ${fit.of}`} of you should love it; nobody has seen it`,
    );
  }
  const link = reasons.find((r) => r.kind === 'director') ?? reasons.find((r) => r.kind === 'cast');
  if (link && link.kind !== 'fit') {
    const who = people(link.userIds, names);
    parts.push(
      link.kind === 'director'
        ? `${who} loved ${link.title}, by the same director (${link.name})`
        : `${who} loved ${link.name} in ${link.title}`,
    );
  }
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ts(d: Date, style: 'F' | 'R' | 't' = 'F'): string {
  return `<t:${Math.floor(d.getTime() / 1000)}:${style}>`;
}

function yearText(year: number | null): string {
  return year ? ` (${year})` : '';
}

export function renderJoin(
  night: NightView,
  participants: readonly ParticipantView[],
  ids: CustomIds,
  now: Date,
): MessageView {
  const inNow = participants.filter((p) => !p.out);
  const open = night.status === 'gathering' && night.joinClosesAt.getTime() > now.getTime();
  const lines = [
    `🎬 **Movie night** ${ts(night.startsAt)}${night.location ? ` · ${night.location}` : night.voiceChannelId ? ` · <#${night.voiceChannelId}>` : ''}`,
    `In (${inNow.length}): ${inNow.map((p) => `<@${p.userId}>`).join(' ') || 'nobody yet'}`,
    open
      ? `Tap **I'm in** to join (or **I'm out** to drop out) — I'll pick ${night.candidateCount} films none of you has seen and open a poll ${ts(night.joinClosesAt, 'R')}.`
      : 'Joining has closed.',
  ];
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: "I'm in",
        custom_id: ids.encode('mnin', night.hostId, [night.id]),
        disabled: !open,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "I'm out",
        custom_id: ids.encode('mnout', night.hostId, [night.id]),
        disabled: !open,
      },
    ],
  };
  return { content: lines.join('\n'), components: [row] };
}

/** The poll message: a native poll (one answer per film) next to a compact card of each film. */
export function renderPoll(
  night: NightView,
  candidates: readonly CandidateView[],
  names: Names,
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  const card: APIEmbed = {
    color: BRAND_COLOUR,
    title: clip('The shortlist — none of you has seen these', 256),
    description: clip(
      candidates
        .map(
          (c) =>
            `**${c.answerId}. ${c.title}${yearText(c.year)}**${c.runtime ? ` · ${c.runtime} min` : ''}${c.genres.length ? ` · ${c.genres.slice(0, 3).join(', ')}` : ''}\n${groupReasonText(c.reasons, names)}`,
        )
        .join('\n'),
      4096,
    ),
    footer: { text: 'Vote in the poll below. Ties go to the film that suits the group best.' },
  };
  return {
    content: `🗳️ Movie night ${ts(night.startsAt)}: vote for the film!`,
    embeds: [card],
    poll: {
      question: { text: clip(`What do we watch on ${night.startsAt.toISOString().slice(0, 10)}?`, POLL_QUESTION_MAX) },
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
  night: NightView,
  winner: CandidateView,
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  const how =
    night.decidedBy === 'no_votes'
      ? 'Nobody voted, so I picked the best fit for the group.'
      : `${winner.votes} vote${winner.votes === 1 ? '' : 's'}.`;
  return {
    content: `🏆 Movie night ${ts(night.startsAt)}: **${winner.title}${yearText(winner.year)}**! ${how}`,
    nonce,
    enforce_nonce: true,
    allowed_mentions: { parse: [] },
  };
}

export function renderRatingPrompt(
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
        label: 'I watched it',
        custom_id: ids.encode('mnsaw', night.hostId, [night.id]),
      },
    ],
  };
  const who = attendees.length > 0 ? attendees.map((id) => `<@${id}>`).join(' ') : 'Everyone who watched';
  return {
    content: `⭐ ${who}: how was **${winner.title}${yearText(winner.year)}**? Tap your stars (it goes in your ratings and watch log). Missed from the list? Tap **I watched it** first.`,
    components: [stars, watched],
    allowed_mentions: { users: [...attendees] },
  };
}

export function renderRated(title: string, stars: number, groupScore: number): MessageView {
  return {
    content: `⭐ You gave ${title} ${starsText(stars)}. The group's score so far: ${groupScore.toFixed(1)}★.`,
    ephemeral: true,
  };
}

export function renderHistory(entries: readonly HistoryEntry[]): MessageView {
  if (entries.length === 0) return { content: 'No movie nights here yet. Start one with /movienight start.' };
  const lines = entries.map((e) => {
    const date = e.startsAt.toISOString().slice(0, 10);
    const score = e.groupScore === null ? 'not rated yet' : `${e.groupScore.toFixed(1)}★ from ${e.ratings}`;
    return `**${e.title}** · ${date} · ${e.attendees.length} attended · ${score}`;
  });
  return { embeds: [{ color: BRAND_COLOUR, title: 'Past movie nights', description: clip(lines.join('\n'), 4096) }] };
}
