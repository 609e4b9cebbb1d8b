// A small seeded community for the sandbox's demo server: fast on PGlite (well under a second of inserts).
import { DEMO_MOVIES } from '../../data/demo-catalogue.ts';
import type { Em, Orm } from '../../db.ts';
import { GuildMember, Movie, Rating, User } from '../../entities/index.ts';
import { type CatalogueMovie, chooseMovies, toSeedMovie } from './catalogue.ts';
import { generateCommunity } from './generator.ts';
import { fromDemoMovies } from './sources.ts';
import { countMovies, insertMovies, readCatalogue, type SeedTotals, writeCommunity } from './store.ts';

/**
 * How the demo server's members are generated. Stronger tastes, less weight on general quality and fewer taste
 * archetypes (7, not 8) than the generator's defaults: with 40 people and 86 films, the defaults made everyone rate the
 * same crowd-pleasers highly, so a Nolan fan and a Pixar fan got nearly the same picks. With taste ×1.8 and 8
 * archetypes the Pixar fan still got Star Wars, Mad Max and The Fellowship of the Ring: no group of members loved
 * animation, so their neighbours were the crowd. Measured in `npm run eval`, "demo community" (docs/benchmarks.md).
 */
export const DEMO_COMMUNITY = {
  users: 40,
  seed: 42,
  ratingsPerUser: 20,
  tasteWeight: 2.5,
  qualityWeight: 0.4,
  archetypes: 7,
} as const;

export interface SeedDemoOptions {
  /** The demo server: every synthetic user becomes a member (so weekly picks have an audience). */
  readonly guildId?: string | null;
  /** Default 40. */
  readonly users?: number;
  /** Default 42. */
  readonly seed?: number;
  /** Mean ratings per user (default 20). */
  readonly ratingsPerUser?: number;
  /** Films used when the catalogue is empty (default: the fake TMDB's demo catalogue). */
  readonly movies?: readonly CatalogueMovie[];
  /** Default: the real clock. Fixed in tests. */
  readonly now?: Date;
  /**
   * Discord people of the demo server (the sandbox's local Discord users) who rate {@link DEMO_FRIEND_RATINGS}: they
   * share the taste of someone who likes crime classics, so that person's picks can name them as friends.
   */
  readonly friends?: readonly { readonly id: string; readonly name: string }[];
}

/**
 * What the demo's Discord friends rated (TMDB id, stars): crime classics, so a newcomer who rates Heat or The
 * Godfather finds them among their closest neighbours. Each friend shifts half a star on alternate films.
 */
export const DEMO_FRIEND_RATINGS: readonly (readonly [number, number])[] = [
  [949, 5], // Heat
  [238, 5], // The Godfather
  [240, 4.5], // The Godfather Part II
  [680, 4.5], // Pulp Fiction
  [27205, 4.5], // Inception
  [769, 5], // GoodFellas
  [1422, 4.5], // The Departed
  [500, 4.5], // Reservoir Dogs
  [103, 4], // Taxi Driver
];

export interface SeedDemoResult extends SeedTotals {
  /** Films added to an empty catalogue first. */
  readonly moviesAdded: number;
  readonly userIds: readonly string[];
}

/**
 * Seeds a demo community: fills an empty catalogue from the demo films, then writes synthetic users with ratings,
 * watched rows and (with a guild id) memberships. Idempotent: the same seed writes the same rows once.
 */
export async function seedDemoCommunity(db: Orm | Em, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const em = 'em' in db ? db.em.fork() : db.fork();
  const now = opts.now ?? new Date();
  const users = opts.users ?? DEMO_COMMUNITY.users;
  let moviesAdded = 0;
  if ((await countMovies(em)) === 0) {
    moviesAdded = await insertMovies(em, opts.movies ?? fromDemoMovies(DEMO_MOVIES), now);
  }
  const { movies } = chooseMovies(await readCatalogue(em), undefined);
  const chunks = [
    ...generateCommunity({
      movies: movies.map(toSeedMovie),
      users,
      seed: opts.seed ?? DEMO_COMMUNITY.seed,
      now,
      ratingsPerUser: opts.ratingsPerUser ?? DEMO_COMMUNITY.ratingsPerUser,
      tasteWeight: DEMO_COMMUNITY.tasteWeight,
      qualityWeight: DEMO_COMMUNITY.qualityWeight,
      archetypes: DEMO_COMMUNITY.archetypes,
    }),
  ];
  const totals = await writeCommunity(em, chunks, { now, guildId: opts.guildId ?? null, usersTotal: users });
  if (opts.friends?.length && opts.guildId) await seedFriends(em, opts.guildId, opts.friends);
  return { ...totals, moviesAdded, userIds: chunks.flatMap((c) => c.users.map((u) => u.id)) };
}

/** The demo's Discord friends: members of the server with their ratings of the catalogue's crime classics. */
async function seedFriends(
  em: Em,
  guildId: string,
  friends: readonly { readonly id: string; readonly name: string }[],
): Promise<void> {
  const known = new Set(
    (await em.find(Movie, { id: { $in: DEMO_FRIEND_RATINGS.map(([id]) => id) } }, { fields: ['id'] })).map((m) => m.id),
  );
  for (const [k, f] of friends.entries()) {
    await em.upsert(
      User,
      { id: f.id, kind: 'discord', displayName: f.name },
      { onConflictFields: ['id'], onConflictAction: 'ignore' },
    );
    await em.upsert(
      GuildMember,
      { guildId, user: f.id },
      { onConflictFields: ['guildId', 'user'], onConflictAction: 'ignore' },
    );
    for (const [t, [movie, stars]] of DEMO_FRIEND_RATINGS.entries()) {
      if (!known.has(movie)) continue;
      const score = Math.min(5, Math.max(0.5, stars - ((t + k) % 2) * 0.5 * (k > 0 ? 1 : 0)));
      await em.upsert(
        Rating,
        { user: f.id, movie, score },
        { onConflictFields: ['user', 'movie'], onConflictAction: 'ignore' },
      );
    }
  }
}
