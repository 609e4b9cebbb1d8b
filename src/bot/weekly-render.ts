// Pure renderers for the weekly messages: outbox payload in, Discord message body out. Unit-tested without Discord.
import type { ClaimedMessage } from '../services/delivery-outbox-service.ts';
import type { DigestPayload, DmPayload, WeeklyPick } from '../services/weekly-run-service.ts';

export type FeedbackButtonKind = 'up' | 'down' | 'seen' | 'not_interested';

export interface WeeklyMessageBody {
  content: string;
  embeds?: { title: string; description?: string; url?: string; footer?: { text: string } }[];
  components?: {
    type: 1;
    components: { type: 2; style: number; label?: string; emoji?: { name: string }; custom_id: string }[];
  }[];
  allowed_mentions: { parse: [] };
}

/** The custom id of a feedback button; the bot's feedback handler parses the same format. */
export type FeedbackButtonId = (kind: FeedbackButtonKind, pick: WeeklyPick, source: 'weekly_dm') => string;

export const defaultFeedbackButtonId: FeedbackButtonId = (kind, pick, source) =>
  `fb:${kind}:${pick.movieId}:${pick.impressionId}:${source}`;

const BUTTONS: { kind: FeedbackButtonKind; label: string; emoji?: string; style: number }[] = [
  { kind: 'up', label: 'Like', emoji: '👍', style: 2 },
  { kind: 'down', label: 'Dislike', emoji: '👎', style: 2 },
  { kind: 'seen', label: 'Seen it', style: 2 },
  { kind: 'not_interested', label: 'Not interested', style: 2 },
];

function titleOf(p: { title: string; year: number | null }): string {
  return p.year ? `${p.title} (${p.year})` : p.title;
}

export function renderWeeklyDm(p: DmPayload, buttonId: FeedbackButtonId = defaultFeedbackButtonId): WeeklyMessageBody {
  const picks = p.picks.slice(0, 5); // a message holds at most 5 rows of buttons: one row per pick
  return {
    content: `🎬 Your ${picks.length} picks for this week. Tell me what you think with the buttons — every click sharpens next week's picks.`,
    embeds: picks.map((pick, i) => ({
      title: `${i + 1}. ${titleOf(pick)}`,
      description: [pick.reason, pick.genres.length > 0 ? pick.genres.slice(0, 3).join(' · ') : null]
        .filter(Boolean)
        .join('\n'),
      url: `https://www.themoviedb.org/movie/${pick.movieId}`,
      ...(i === picks.length - 1
        ? { footer: { text: 'You get this because you turned on weekly DMs. /settings dms off stops them.' } }
        : {}),
    })),
    components: picks.map((pick) => ({
      type: 1 as const,
      components: BUTTONS.map((b) => ({
        type: 2 as const,
        style: b.style,
        label: b.emoji ? undefined : b.label,
        ...(b.emoji ? { emoji: { name: b.emoji } } : {}),
        custom_id: buttonId(b.kind, pick, 'weekly_dm'),
      })).map(({ label, ...rest }) => (label ? { ...rest, label } : rest)),
    })),
    allowed_mentions: { parse: [] },
  };
}

export function renderWeeklyDigest(p: DigestPayload): WeeklyMessageBody {
  const lines =
    p.films.length === 0
      ? ['Nobody here has weekly picks yet. Rate a few films with /rate and turn on DMs with /settings dms on.']
      : p.films.map(
          (f, i) => `${i + 1}. **${titleOf(f)}** — a pick for ${f.members} ${f.members === 1 ? 'member' : 'members'}`,
        );
  return {
    content: [
      `🍿 **This week's Marquee picks** (${p.isoWeek})`,
      ...lines,
      '',
      'Want five picks made just for you by DM? `/settings dms on` (off again any time).',
    ].join('\n'),
    allowed_mentions: { parse: [] },
  };
}

export function renderWeeklyMessage(m: ClaimedMessage): WeeklyMessageBody {
  const payload = m.payload as DmPayload | DigestPayload;
  return payload.type === 'weekly_dm' ? renderWeeklyDm(payload) : renderWeeklyDigest(payload);
}
