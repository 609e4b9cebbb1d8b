// The sandbox's demo server, measured without a database: the same generator, catalogue and engine defaults the
// sandbox uses, every member's served top 5 (blend + MMR λ = 0.85) and its concentration, plus two newcomers — a
// Nolan fan and a Pixar fan — and how much their lists overlap.
import { DEMO_MOVIES } from '../../src/data/demo-catalogue.ts';
import { type Concentration, concentration } from '../../src/recommender/concentration.ts';
import {
  type BlendWeights,
  buildHybrid,
  DEFAULT_BLEND,
  type ItemMeta,
  recommend,
} from '../../src/recommender/index.ts';
import { trainingEvidence } from '../../src/recommender/offline.ts';
import { yearOf } from '../../src/release-year.ts';
import { collectCommunity, DEMO_COMMUNITY, toSeedMovie } from '../../src/services/seed/index.ts';
import { fromDemoMovies } from '../../src/services/seed/sources.ts';

/** The two newcomers: four films each, as someone would rate them in their first minutes. */
export const PROBES: Record<string, readonly (readonly [string, number])[]> = {
  'Nolan fan': [
    ['Inception', 5],
    ['The Dark Knight', 5],
    ['Interstellar', 4.5],
    ['Memento', 4.5],
  ],
  'Pixar fan': [
    ['Toy Story', 5],
    ['Up', 5],
    ['WALL·E', 4.5],
    ['Finding Nemo', 4.5],
  ],
};

/** How the members are generated (the generator's taste options). */
export interface DemoTaste {
  readonly tasteWeight: number;
  readonly qualityWeight: number;
  readonly archetypes?: number;
}

export interface DemoReport extends DemoTaste {
  readonly members: number;
  readonly ratings: number;
  readonly concentration: Concentration;
  readonly probes: Record<string, string[]>;
  /** |A ∩ B| / |A ∪ B| of the two newcomers' top 5. */
  readonly probeJaccard: number;
}

export function demoCommunityReport(taste: DemoTaste, blend: BlendWeights = DEFAULT_BLEND): DemoReport {
  const movies = fromDemoMovies(DEMO_MOVIES);
  const items: ItemMeta[] = movies
    .map((m) => ({
      id: m.id,
      title: m.title,
      year: yearOf(m.releaseDate),
      genres: m.genres.map((g) => g.name),
      keywords: m.keywords.map((k) => k.name),
      cast: m.cast.map((c) => c.name),
      directors: m.directors.map((d) => d.name),
      language: m.originalLanguage,
      collection: null,
      runtime: m.runtime,
      voteAverage: m.voteAverage,
      voteCount: m.voteCount,
      related: m.related ?? [],
    }))
    .sort((a, b) => a.id - b.id);
  const index = new Map(items.map((m, i) => [m.id, i]));
  const c = collectCommunity({
    movies: movies.map(toSeedMovie),
    users: DEMO_COMMUNITY.users,
    seed: DEMO_COMMUNITY.seed,
    ratingsPerUser: DEMO_COMMUNITY.ratingsPerUser,
    now: new Date('2026-11-30T00:00:00Z'),
    ...taste,
  });
  const model = buildHybrid({
    items,
    userIds: c.users.map((u) => u.id),
    ratings: {
      user: Int32Array.from(c.userIndex),
      item: Int32Array.from(c.movieIds, (id) => index.get(id)!),
      value: Float32Array.from(c.halfStars, (h) => h / 2),
    },
  });
  const opts = { count: 5, blend, diversity: 0.85 } as const;
  const lists = c.users.map((_, u) =>
    Int32Array.from(recommend(model, trainingEvidence(model, u), opts), (p) => p.item),
  );
  const byTitle = new Map(items.map((m, i) => [m.title, i]));
  const probes: Record<string, string[]> = {};
  const probeLists: Set<number>[] = [];
  for (const [name, rated] of Object.entries(PROBES)) {
    const user = {
      items: Int32Array.from(rated, ([t]) => byTitle.get(t)!),
      ratings: Float32Array.from(rated, ([, s]) => s),
    };
    const picks = recommend(model, user, opts);
    probes[name] = picks.map((p) => items[p.item]!.title);
    probeLists.push(new Set(picks.map((p) => p.item)));
  }
  const [a, b] = probeLists as [Set<number>, Set<number>];
  const shared = [...a].filter((x) => b.has(x)).length;
  return {
    ...taste,
    members: c.users.length,
    ratings: c.movieIds.length,
    concentration: concentration(lists, items.length),
    probes,
    probeJaccard: shared / (a.size + b.size - shared),
  };
}
