// /compare: the match, the films two people agree and disagree on most, and one film to watch together.
import type { MessageKey, Translator } from '../i18n/index.ts';
import type { TasteComparison } from '../services/compare-service.ts';
import { clip } from '../text.ts';
import type { GroupPickView } from './context.ts';
import { EMBED_FIELD_VALUE_MAX, EMBED_TITLE_MAX } from './discord-limits.ts';
import { BRAND_COLOUR, type RenderIds, row, starsText, titleWithYear, watchlistButton, yearOf } from './render.ts';
import type { MessageView } from './responder.ts';

function verdict(match: number, common: number): MessageKey {
  if (common < 3) return 'compare.verdict_too_few';
  if (match >= 80) return 'compare.verdict_kindred';
  if (match >= 65) return 'compare.verdict_a_lot';
  if (match >= 50) return 'compare.verdict_some';
  return 'compare.verdict_opposites';
}

export function renderComparison(
  tr: Translator,
  c: TasteComparison,
  otherName: string,
  together: GroupPickView | null,
  r: RenderIds,
): MessageView {
  const line = (f: TasteComparison['agree'][number]) =>
    tr.t('compare.line', {
      film: titleWithYear(f.title, yearOf(f.releaseDate)),
      mine: starsText(tr, f.mine),
      name: otherName,
      theirs: starsText(tr, f.theirs),
    });
  const fields = [];
  if (c.agree.length > 0)
    fields.push({
      name: tr.t('compare.agree'),
      value: clip(c.agree.map(line).join('\n'), EMBED_FIELD_VALUE_MAX),
      inline: false,
    });
  if (c.disagree.length > 0)
    fields.push({
      name: tr.t('compare.disagree'),
      value: clip(c.disagree.map(line).join('\n'), EMBED_FIELD_VALUE_MAX),
      inline: false,
    });
  if (together) {
    fields.push({
      name: tr.t('compare.together'),
      value: clip(
        tr.t('compare.together_line', { film: titleWithYear(together.title, together.year) }),
        EMBED_FIELD_VALUE_MAX,
      ),
      inline: false,
    });
  }
  return {
    embeds: [
      {
        title: clip(tr.t('compare.title', { name: otherName, match: c.match / 100 }), EMBED_TITLE_MAX),
        description:
          c.common === 0
            ? tr.t('compare.none_in_common')
            : tr.t('compare.common', { common: c.common, verdict: tr.t(verdict(c.match, c.common)) }),
        color: BRAND_COLOUR,
        fields,
        footer: { text: tr.t('compare.footer', { half: 0.5 }) },
      },
    ],
    components: together ? [row(watchlistButton(together.movieId, 'r', r, clip(together.title, 60)))] : [],
  };
}
