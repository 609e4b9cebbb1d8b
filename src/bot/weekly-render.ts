// Pure renderers for the weekly messages: outbox payload in, Discord message body out. Unit-tested without Discord.
// The DM reuses the bot's pick layout and its signed feedback buttons (source `w`), so clicks go through the same
// handler as /recommend's: stored, linked to the impression, idempotent, undone by a second click.
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import type { ClaimedMessage } from '../services/delivery-outbox-service.ts';
import type { DigestPayload, DmPayload } from '../services/weekly-run-service.ts';
import { clip } from '../text.ts';
import type { CustomIds } from './custom-id.ts';
import { reasonText } from './reason-text.ts';
import { BRAND_COLOUR, feedbackButtons, posterUrl, titleWithYear } from './render.ts';

/** Weekly messages carry only feedback buttons (each with a custom id). */
type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface WeeklyMessageBody {
  content: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  allowed_mentions: { parse: [] };
}

export function renderWeeklyDm(p: DmPayload, ids: CustomIds): WeeklyMessageBody {
  const picks = p.picks.slice(0, 5); // a message holds at most 5 rows of buttons: one row per pick
  return {
    content: `🎬 Your ${picks.length} picks for this week. Tell me what you think with the buttons — every click sharpens next week's picks.`,
    embeds: picks.map((pick, i) => {
      const poster = posterUrl(pick.posterPath);
      return {
        title: clip(`${i + 1}. ${titleWithYear(pick.title, pick.year)}`, 256),
        description: [reasonText(pick.reason), pick.genres.length > 0 ? pick.genres.slice(0, 3).join(', ') : null]
          .filter(Boolean)
          .join('\n'),
        color: BRAND_COLOUR,
        ...(poster ? { thumbnail: { url: poster } } : {}),
        ...(i === picks.length - 1
          ? { footer: { text: 'You get these because you turned on weekly DMs. /settings dms off stops them.' } }
          : {}),
      };
    }),
    components: picks.map((pick) => feedbackButtons(pick, 'w', { ids, owner: p.userId }) as ButtonRow),
    allowed_mentions: { parse: [] },
  };
}

export function renderWeeklyDigest(p: DigestPayload): WeeklyMessageBody {
  const lines =
    p.films.length === 0
      ? ['Nobody here has weekly picks yet. Rate a few films with /rate and turn on DMs with /settings dms on.']
      : p.films.map(
          (f, i) =>
            `${i + 1}. **${titleWithYear(f.title, f.year)}** — a pick for ${f.members} ${f.members === 1 ? 'member' : 'members'}`,
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

export function renderWeeklyMessage(m: ClaimedMessage, ids: CustomIds): WeeklyMessageBody {
  const payload = m.payload as DmPayload | DigestPayload;
  return payload.type === 'weekly_dm' ? renderWeeklyDm(payload, ids) : renderWeeklyDigest(payload);
}
