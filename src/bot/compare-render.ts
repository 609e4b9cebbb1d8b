// /compare: the match, the films two people agree and disagree on most, and one film to watch together.
import type { TasteComparison } from '../services/compare-service.ts';
import { clip } from '../text.ts';
import type { GroupPickView } from './context.ts';
import { BRAND_COLOUR, type RenderIds, row, starsText, titleWithYear, watchlistButton, yearOf } from './render.ts';
import type { MessageView } from './responder.ts';

function verdict(match: number, common: number): string {
  if (common < 3) return 'too few films in common to say much yet';
  if (match >= 80) return 'kindred spirits';
  if (match >= 65) return 'a lot in common';
  if (match >= 50) return 'some common ground';
  return 'opposites attract?';
}

export function renderComparison(
  c: TasteComparison,
  otherName: string,
  together: GroupPickView | null,
  r: RenderIds,
): MessageView {
  const line = (f: TasteComparison['agree'][number]) =>
    `${titleWithYear(f.title, yearOf(f.releaseDate))} — you ${starsText(f.mine)}, ${otherName} ${starsText(f.theirs)}`;
  const fields = [];
  if (c.agree.length > 0)
    fields.push({ name: 'You agree on', value: clip(c.agree.map(line).join('\n'), 1024), inline: false });
  if (c.disagree.length > 0)
    fields.push({ name: 'You disagree on', value: clip(c.disagree.map(line).join('\n'), 1024), inline: false });
  if (together) {
    fields.push({
      name: '🍿 Watch together',
      value: clip(
        `${titleWithYear(together.title, together.year)} — good for both of you, and neither has seen it`,
        1024,
      ),
      inline: false,
    });
  }
  return {
    embeds: [
      {
        title: clip(`🎭 You and ${otherName}: ${c.match}% taste match`, 256),
        description:
          c.common === 0
            ? `You haven't rated any of the same films yet, so this is a neutral guess. Rate a few more!`
            : `${c.common} film${c.common === 1 ? '' : 's'} rated by both of you — ${verdict(c.match, c.common)}.`,
        color: BRAND_COLOUR,
        fields,
        footer: { text: 'The match leans towards 50% until you have many films in common.' },
      },
    ],
    components: together ? [row(watchlistButton(together.movieId, 'r', r, clip(together.title, 60)))] : [],
  };
}
