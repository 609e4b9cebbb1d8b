// The words for a pick's reason (the engine returns reasons as data: src/recommender/reasons.ts). A film is named
// with the verb its own rating supports: "loved" only for ≥ 4.5★, "liked" for ≥ 3.5★, otherwise what the user did.
// The verb is passed to the message as a `select`, so each language conjugates it its own way.
import type { Translator } from '../i18n/index.ts';
import type { EvidenceFilm, NamedNeighbour, PickReason } from '../services/recommendation-service.ts';

/** "loved" / "liked" / "watched", or null when the rating does not support a warm verb. */
function verb(e: EvidenceFilm): 'loved' | 'liked' | 'watched' | null {
  if (e.stars === null) return 'watched';
  if (e.stars >= 4.5) return 'loved';
  if (e.stars >= 3.5) return 'liked';
  return null;
}

/** The films to name together: the first, plus the next if it shares the verb and carries a comparable share. */
function namedFilms(evidence: readonly EvidenceFilm[]): EvidenceFilm[] {
  const [first, second] = evidence;
  if (!first) return [];
  if (second && verb(second) === verb(first) && second.share >= first.share * 0.6) return [first, second];
  return [first];
}

function similarTo(tr: Translator, evidence: readonly EvidenceFilm[], viaContent: boolean): string {
  const films = namedFilms(evidence);
  const first = films[0];
  if (!first) return tr.t('reason.close_to_taste');
  const v = verb(first);
  const titles = tr.list(films.map((f) => f.title));
  if (v === null) return tr.t('reason.close_to_rated', { title: first.title, stars: tr.stars(first.stars ?? 0) });
  return tr.t(viaContent ? 'reason.in_the_vein' : 'reason.because', { verb: v, titles });
}

/**
 * "Sam and Ana, who share your taste, gave it 4.5★": only the people the service kept (members of this server who
 * let the viewer see them, each carrying a real share of the score); otherwise what people with your taste did.
 * Stars are claimed only for those who gave stars.
 */
function friends(tr: Translator, named: readonly NamedNeighbour[], people: number, meanStars: number | null): string {
  if (named.length === 0) {
    return meanStars === null
      ? tr.t('reason.neighbours_watched', { people })
      : tr.t('reason.neighbours_rated', { people, stars: tr.stars(meanStars) });
  }
  const starred = named.filter((p) => p.stars !== null);
  const watched = named.filter((p) => p.stars === null);
  const names = (ps: readonly NamedNeighbour[]) => tr.list(ps.map((p) => p.name));
  if (starred.length === 0) return tr.t('reason.friends_watched', { names: names(watched), count: watched.length });
  const stars = tr.stars(starred.reduce((s, p) => s + (p.stars ?? 0), 0) / starred.length);
  const gave = { names: names(starred), count: starred.length, stars };
  return watched.length === 0
    ? tr.t('reason.friends_rated', gave)
    : tr.t('reason.friends_rated_others_watched', { ...gave, watchers: names(watched) });
}

/** One line saying why a film was picked. A reason stored before reasons were data is shown as it was. */
export function reasonText(tr: Translator, reason: PickReason | string): string {
  if (typeof reason === 'string') return reason;
  return reasonLine(tr, reason);
}

function reasonLine(tr: Translator, reason: PickReason): string {
  const film = (e: readonly EvidenceFilm[]) => e[0]?.title ?? tr.t('reason.a_film_you_rated');
  switch (reason.kind) {
    case 'similar_to':
      return similarTo(tr, reason.evidence, reason.via === 'content');
    case 'shared_director':
      return tr.t('reason.shared_director', { name: reason.name, title: film(reason.evidence) });
    case 'shared_collection':
      return tr.t('reason.shared_collection', { name: reason.name, title: film(reason.evidence) });
    case 'shared_cast':
      return tr.t('reason.shared_cast', { name: reason.name, title: film(reason.evidence) });
    case 'shared_keywords':
      return tr.t('reason.shared_keywords', { keywords: tr.list(reason.keywords), title: film(reason.evidence) });
    case 'taste_neighbours':
      return reason.meanStars === null
        ? tr.t('reason.neighbours_watched', { people: reason.people })
        : tr.t('reason.neighbours_rated', { people: reason.people, stars: tr.stars(reason.meanStars) });
    case 'friends':
      return friends(tr, reason.named, reason.people, reason.meanStars);
    case 'popular_here':
      return tr.t('reason.popular_here', { ratings: reason.ratings, stars: tr.stars(reason.meanStars) });
    case 'highly_rated':
      return tr.t('reason.highly_rated', { score: tr.decimal(reason.voteAverage), votes: reason.voteCount });
    case 'starter':
      return tr.t('reason.starter');
  }
}
