// /similar: films like a seed film, each with the words for its reason (the engine returns reasons as data,
// src/recommender/similar.ts) and 👍 / 🔖 buttons.
import { ButtonStyle } from 'discord.js';
import type { Translator } from '../i18n/index.ts';
import type { SimilarReason } from '../recommender/similar.ts';
import type { WhereToWatch } from '../services/streaming-service.ts';
import { clip } from '../text.ts';
import type { SimilarResult } from './context.ts';
import { EMBED_TITLE_MAX } from './discord-limits.ts';
import {
  BRAND_COLOUR,
  button,
  PICK_DESCRIPTION_MAX,
  posterUrl,
  type RenderIds,
  row,
  titleWithYear,
  watchlistButton,
} from './render.ts';
import type { MessageView } from './responder.ts';
import { pickLines } from './where-to-watch.ts';

/** "Fans of Heat gave it 4.4★", "Same director: Michael Mann", … */
export function similarReasonText(tr: Translator, reason: SimilarReason, seedTitle: string): string {
  switch (reason.kind) {
    case 'fans_rated':
      return tr.t('similar.fans_rated', { seed: seedTitle, stars: tr.stars(reason.meanStars), fans: reason.fans });
    case 'same_director':
      return tr.t('similar.same_director', { name: reason.name });
    case 'same_collection':
      return tr.t('similar.same_collection', { name: reason.name });
    case 'same_cast':
      return tr.t('similar.same_cast', { name: reason.name });
    case 'shared_keywords':
      return tr.t('similar.shared_keywords', { keywords: tr.list(reason.keywords) });
    case 'co_watched':
      return tr.t('similar.co_watched', { people: reason.people, seed: seedTitle });
    case 'similar_content':
      return reason.genres.length > 0
        ? tr.t('similar.close_in_style', { genres: tr.genres(reason.genres).toLocaleLowerCase(tr.locale) })
        : tr.t('similar.close_to_seed', { seed: seedTitle });
  }
}

/** `where`: the asker's region, services and these films' offers, for a "📺 Stream on …" line under each. */
export function renderSimilar(tr: Translator, result: SimilarResult, r: RenderIds, where?: WhereToWatch): MessageView {
  const seed = titleWithYear(result.seed.title, result.seed.year);
  if (result.picks.length === 0) return { content: tr.t('similar.none', { seed }), ephemeral: true };
  const shown = result.picks.slice(0, 5);
  const { lines, content } = pickLines(
    tr,
    where,
    shown.map((p) => p.movieId),
    tr.t('similar.intro', { seed }),
  );
  return {
    content,
    embeds: shown.map((p, i) => {
      const poster = posterUrl(p.posterPath);
      return {
        title: clip(`${i + 1}. ${titleWithYear(p.title, p.year)}`, EMBED_TITLE_MAX),
        description: clip(
          [similarReasonText(tr, p.reason, result.seed.title), lines[i], tr.genres(p.genres.slice(0, 3)) || null]
            .filter(Boolean)
            .join('\n'),
          PICK_DESCRIPTION_MAX,
        ),
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
