// The English for a pick's reason (the engine returns reasons as data: src/recommender/reasons.ts). A film is named
// with the verb its own rating supports: "loved" only for ≥ 4.5★, "liked" for ≥ 3.5★, otherwise what the user did.
import type { EvidenceFilm, PickReason } from '../services/recommendation-service.ts';

function formatStars(x: number): string {
  const r = Math.round(x * 10) / 10;
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}★`;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

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

function similarTo(evidence: readonly EvidenceFilm[], viaContent: boolean): string {
  const films = namedFilms(evidence);
  const first = films[0];
  if (!first) return 'Close to your taste';
  const v = verb(first);
  const titles = joinNames(films.map((f) => f.title));
  if (v === null) return `Close to ${first.title}, which you rated ${formatStars(first.stars ?? 0)}`;
  return viaContent ? `In the vein of ${titles}, which you ${v}` : `Because you ${v} ${titles}`;
}

/** One line saying why a film was picked. A reason stored before reasons were data is shown as it was. */
export function reasonText(reason: PickReason | string): string {
  if (typeof reason === 'string') return reason;
  return reasonLine(reason);
}

function reasonLine(reason: PickReason): string {
  switch (reason.kind) {
    case 'similar_to':
      return similarTo(reason.evidence, reason.via === 'content');
    case 'shared_director':
      return `From ${reason.name}, who made ${reason.evidence[0]?.title ?? 'a film you rated'}`;
    case 'shared_collection':
      return `Part of ${reason.name}, like ${reason.evidence[0]?.title ?? 'a film you rated'}`;
    case 'shared_cast':
      return `With ${reason.name}, as in ${reason.evidence[0]?.title ?? 'a film you rated'}`;
    case 'shared_keywords':
      return `Shares ${joinNames(reason.keywords)} with ${reason.evidence[0]?.title ?? 'a film you rated'}`;
    case 'taste_neighbours': {
      const people = `${reason.people} people with your taste`;
      return reason.meanStars === null ? `${people} watched it` : `${people} gave it ${formatStars(reason.meanStars)}`;
    }
    case 'popular_here':
      return `Popular here: ${reason.ratings} ratings averaging ${formatStars(reason.meanStars)}`;
    case 'highly_rated':
      return `Highly rated: ${reason.voteAverage.toFixed(1)}/10 from ${reason.voteCount.toLocaleString('en-US')} votes`;
    case 'starter':
      return 'A well-loved pick to start with';
    case 'group_fit':
      return `A good fit for all ${reason.members} of you`;
  }
}
