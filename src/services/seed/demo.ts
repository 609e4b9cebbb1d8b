// A small seeded community for the sandbox's demo server: fast on PGlite (well under a second of inserts).
import { DEMO_MOVIES } from '../../../fakes/tmdb/demo-catalogue.ts';
import type { Em, Orm } from '../../db.ts';
import { type CatalogueMovie, chooseMovies, toSeedMovie } from './catalogue.ts';
import { generateCommunity } from './generator.ts';
import { fromDemoMovies } from './sources.ts';
import { countMovies, insertMovies, readCatalogue, type SeedTotals, writeCommunity } from './store.ts';

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
}

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
  const users = opts.users ?? 40;
  let moviesAdded = 0;
  if ((await countMovies(em)) === 0) {
    moviesAdded = await insertMovies(em, opts.movies ?? fromDemoMovies(DEMO_MOVIES), now);
  }
  const { movies } = chooseMovies(await readCatalogue(em), undefined);
  const chunks = [
    ...generateCommunity({
      movies: movies.map(toSeedMovie),
      users,
      seed: opts.seed ?? 42,
      now,
      ratingsPerUser: opts.ratingsPerUser ?? 20,
    }),
  ];
  const totals = await writeCommunity(em, chunks, { now, guildId: opts.guildId ?? null, usersTotal: users });
  return { ...totals, moviesAdded, userIds: chunks.flatMap((c) => c.users.map((u) => u.id)) };
}
