// /similar: films like a seed film, each with the English for its reason (the engine returns reasons as data,
// src/recommender/similar.ts) and 👍 / 🔖 buttons.
import { ButtonStyle } from 'discord.js';
import type { SimilarReason } from '../recommender/similar.ts';
import { clip } from '../text.ts';
import type { SimilarResult } from './context.ts';
import { BRAND_COLOUR, button, posterUrl, type RenderIds, row, titleWithYear, watchlistButton } from './render.ts';
import type { MessageView } from './responder.ts';

function formatStars(x: number): string {
  const r = Math.round(x * 10) / 10;
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}★`;
}

/** "Fans of Heat gave it 4.4★", "Same director: Michael Mann", … */
export function similarReasonText(reason: SimilarReason, seedTitle: string): string {
  switch (reason.kind) {
    case 'fans_rated':
      return `Fans of ${seedTitle} gave it ${formatStars(reason.meanStars)} (${reason.fans} of them)`;
    case 'same_director':
      return `Same director: ${reason.name}`;
    case 'same_collection':
      return `Also in ${reason.name}`;
    case 'same_cast':
      return `Also with ${reason.name}`;
    case 'shared_keywords':
      return `Also about ${reason.keywords.join(' and ')}`;
    case 'co_watched':
      return `${reason.people} people who watched ${seedTitle} watched it too`;
    case 'similar_content':
      return reason.genres.length > 0
        ? `Close in style: ${reason.genres.join(', ').toLowerCase()}`
        : `Close to ${seedTitle} in style`;
  }
}

export function renderSimilar(result: SimilarResult, r: RenderIds): MessageView {
  const seed = titleWithYear(result.seed.title, result.seed.year);
  if (result.picks.length === 0) {
    return {
      content: `I have nothing new like **${seed}** for you yet — you may have seen them all. Try \`/recommend\`.`,
      ephemeral: true,
    };
  }
  const shown = result.picks.slice(0, 5);
  return {
    content: `More like **${seed}**:`,
    embeds: shown.map((p, i) => {
      const poster = posterUrl(p.posterPath);
      return {
        title: clip(`${i + 1}. ${titleWithYear(p.title, p.year)}`, 256),
        description: [similarReasonText(p.reason, result.seed.title), p.genres.slice(0, 3).join(', ') || null]
          .filter(Boolean)
          .join('\n'),
        color: BRAND_COLOUR,
        ...(poster ? { thumbnail: { url: poster } } : {}),
      };
    }),
    components: shown.map((p) =>
      row(
        button(
          r.ids.encode('fb', r.owner, [p.movieId, 'u', p.impressionId, 'm']),
          clip(p.title, 30),
          ButtonStyle.Success,
          '👍',
        ),
        watchlistButton(p.movieId, 'm', r),
      ),
    ),
  };
}
