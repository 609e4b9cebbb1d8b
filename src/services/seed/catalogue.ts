// The films a community rates: converted from catalogue rows, or made up (deterministically) when a load test needs
// more films than the catalogue has.
import { base, en, Faker } from '@faker-js/faker';
import type { CastRef, NamedRef } from '../../entities/index.ts';
import { TMDB_MOVIE_GENRES } from '../tmdb/genres.ts';
import { AliasTable, hashString, Rng } from './prng.ts';

const TV_MOVIE_GENRE_ID = 10770;

/** What the generator needs to know about a film. Plain data, so the generator stays pure. */
export interface SeedMovie {
  readonly id: number;
  readonly title: string;
  readonly releaseDate: string | null;
  readonly genres: readonly string[];
  readonly keywords: readonly string[];
  /** Directors and top cast: the people a taste can be drawn to. */
  readonly people: readonly string[];
  /** TMDB vote average, 0–10 (0 with no votes). */
  readonly voteAverage: number;
  readonly voteCount: number;
  readonly popularity: number;
  readonly imdbId?: string | null;
}

/** A full `movies` row, for filling the catalogue. */
export interface CatalogueMovie {
  readonly id: number;
  readonly title: string;
  readonly releaseDate: string | null;
  readonly genres: readonly NamedRef[];
  readonly keywords: readonly NamedRef[];
  readonly cast: readonly CastRef[];
  readonly directors: readonly NamedRef[];
  readonly runtime: number | null;
  readonly originalLanguage: string | null;
  readonly popularity: number;
  readonly voteAverage: number;
  readonly voteCount: number;
  readonly imdbId: string | null;
  readonly posterPath?: string | null;
  /** TMDB's recommendations and similar lists, merged (TMDB ids), when known. */
  readonly related?: readonly number[];
  readonly overview?: string | null;
}

export function toSeedMovie(m: CatalogueMovie): SeedMovie {
  return {
    id: m.id,
    title: m.title,
    releaseDate: m.releaseDate,
    genres: m.genres.map((g) => g.name),
    keywords: m.keywords.map((k) => k.name),
    people: [...m.directors.map((d) => d.name), ...m.cast.slice(0, 8).map((c) => c.name)],
    voteAverage: m.voteAverage,
    voteCount: m.voteCount,
    popularity: m.popularity,
    imdbId: m.imdbId,
  };
}

/** TMDB's movie genres (id, name), less "TV Movie": synthetic films are cinema releases. */
export const TMDB_GENRES: readonly NamedRef[] = TMDB_MOVIE_GENRES.filter((g) => g.id !== TV_MOVIE_GENRE_ID);
/** Roughly how common each genre above is among popular films (Drama and Comedy dominate). */
const GENRE_WEIGHTS = [14, 9, 4, 18, 8, 2, 25, 5, 5, 3, 6, 2, 4, 9, 6, 13, 2, 1];

/**
 * Synthetic films get ids far above TMDB's (which are below 2 million), so they never collide with real ones; the
 * column is a 32-bit int, which leaves room for 247 million of them.
 */
export const SYNTHETIC_MOVIE_ID_BASE = 1_900_000_000;
const SYNTHETIC_PERSON_ID_BASE = 1_900_000_000;
const SYNTHETIC_KEYWORD_ID_BASE = 1_900_000_000;
/** Synthetic film i is the same whatever the community seed, so a re-run with another seed reuses the same rows. */
const SYNTHETIC_SEED = hashString('marquee-synthetic-movies');
const PEOPLE_POOL = 3000;
const KEYWORD_POOL = 600;
const FAKER_BLOCK = 256;

export function isSyntheticMovieId(id: number): boolean {
  return id >= SYNTHETIC_MOVIE_ID_BASE;
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]?.toUpperCase() + s.slice(1);
}

function zipfWeights(n: number, s: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 1 / (i + 1) ** s;
  return w;
}

let pools: { people: NamedRef[]; keywords: NamedRef[] } | undefined;
function syntheticPools(): { people: NamedRef[]; keywords: NamedRef[] } {
  if (pools) return pools;
  const f = new Faker({ locale: [en, base], seed: SYNTHETIC_SEED });
  const people: NamedRef[] = [];
  for (let i = 0; i < PEOPLE_POOL; i++) {
    people.push({ id: SYNTHETIC_PERSON_ID_BASE + i, name: `${f.person.firstName()} ${f.person.lastName()}` });
  }
  const seen = new Set<string>();
  const keywords: NamedRef[] = [];
  for (let i = 0; keywords.length < KEYWORD_POOL && i < KEYWORD_POOL * 20; i++) {
    const w = i % 3 === 0 ? `${f.word.adjective()} ${f.word.noun()}` : f.word.noun();
    if (seen.has(w)) continue;
    seen.add(w);
    keywords.push({ id: SYNTHETIC_KEYWORD_ID_BASE + keywords.length, name: w });
  }
  pools = { people, keywords };
  return pools;
}

const peopleAlias = new Map<number, AliasTable>();
function zipfAlias(n: number): AliasTable {
  let t = peopleAlias.get(n);
  if (!t) {
    t = new AliasTable(zipfWeights(n, 0.9));
    peopleAlias.set(n, t);
  }
  return t;
}

function pickDistinct<T>(rng: Rng, pool: readonly T[], alias: AliasTable, count: number): T[] {
  const out = new Set<T>();
  for (let tries = 0; out.size < count && tries < count * 10; tries++) out.add(pool[alias.draw(rng)] as T);
  return [...out];
}

function titleFor(f: Faker, rng: Rng): string {
  const noun = () => capitalise(f.word.noun());
  const adj = () => capitalise(f.word.adjective());
  switch (rng.int(7)) {
    case 0:
      return `The ${adj()} ${noun()}`;
    case 1:
      return `${noun()} of the ${noun()}`;
    case 2:
      return `${f.location.city()}`;
    case 3:
      return `${f.person.firstName()}'s ${noun()}`;
    case 4:
      return `${adj()} ${noun()}`;
    case 5:
      return `The ${noun()}`;
    default:
      return `${noun()} ${rng.int(3) + 2}`;
  }
}

/**
 * Synthetic films number `from` to `to - 1` (0-based). Film i depends only on i, so asking for more films later adds
 * new ones and keeps the earlier ones unchanged. Titles, genres, keywords and people come from Faker seeded per block.
 */
export function syntheticMovies(from: number, to: number): CatalogueMovie[] {
  const { people, keywords } = syntheticPools();
  const genreAlias = new AliasTable(GENRE_WEIGHTS);
  const peopleZipf = zipfAlias(people.length);
  const keywordZipf = zipfAlias(keywords.length);
  const f = new Faker({ locale: [en, base] });
  const out: CatalogueMovie[] = [];
  for (let i = from; i < to; i++) {
    // Faker is re-seeded at fixed block boundaries, so film i's title does not depend on where the range starts.
    const blockStart = Math.floor(i / FAKER_BLOCK) * FAKER_BLOCK;
    if (i === from || i === blockStart) {
      f.seed([SYNTHETIC_SEED, blockStart]);
      for (let skip = blockStart; skip < i; skip++) titleFor(f, new Rng(SYNTHETIC_SEED, skip, 1));
    }
    const rng = new Rng(SYNTHETIC_SEED, i);
    const title = titleFor(f, new Rng(SYNTHETIC_SEED, i, 1));
    const nGenres = 1 + rng.int(3);
    const genres = pickDistinct(rng, TMDB_GENRES, genreAlias, nGenres);
    const kw = pickDistinct(rng, keywords, keywordZipf, 2 + rng.int(6));
    const crew = pickDistinct(rng, people, peopleZipf, 5);
    const year = 1950 + Math.floor(75 * Math.sqrt(rng.next())); // more recent films than old ones
    const month = 1 + rng.int(12);
    const day = 1 + rng.int(28);
    // Popularity is heavy-tailed; quality is loosely tied to it, as on TMDB.
    const fame = rng.normal(0, 1.3);
    const voteCount = Math.max(0, Math.round(Math.exp(5 + fame)));
    const voteAverage = Math.min(9.3, Math.max(2, Math.round(rng.normal(6.2 + 0.15 * fame, 0.85) * 10) / 10));
    out.push({
      id: SYNTHETIC_MOVIE_ID_BASE + i,
      title: title.slice(0, 300),
      releaseDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      genres,
      keywords: kw,
      cast: crew.slice(1).map((p, order) => ({ id: p.id, name: p.name, order })),
      directors: crew.slice(0, 1),
      runtime: Math.round(Math.max(70, rng.normal(108, 18))),
      originalLanguage: 'en',
      popularity: Math.round(Math.exp(2 + fame) * 1000) / 1000,
      voteAverage: voteCount === 0 ? 0 : voteAverage,
      voteCount,
      imdbId: null,
    });
  }
  return out;
}

/**
 * The films to use: the `limit` most popular of the catalogue, topped up with synthetic films when `limit` exceeds
 * it. Sorted by id, so the generator's output does not depend on the order rows came back in.
 */
export function chooseMovies(
  catalogue: readonly CatalogueMovie[],
  limit: number | undefined,
): { movies: CatalogueMovie[]; synthetic: CatalogueMovie[] } {
  const real = catalogue.filter((m) => !isSyntheticMovieId(m.id));
  const want = limit ?? real.length;
  const byPopularity = [...real].sort((a, b) => b.popularity - a.popularity || a.id - b.id).slice(0, want);
  const synthetic = want > byPopularity.length ? syntheticMovies(0, want - byPopularity.length) : [];
  return { movies: [...byPopularity, ...synthetic].sort((a, b) => a.id - b.id), synthetic };
}
