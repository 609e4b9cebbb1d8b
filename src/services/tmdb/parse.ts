// Turns TMDB's JSON into our plain types. Strict about what we rely on (ids, titles, result arrays), lenient about
// the rest (missing or null optional fields become null / 0 / []). Anything else raises MalformedResponse.

import { cleanText } from '../../text.ts';
import type {
  CastRef,
  NamedRef,
  TmdbAlternativeTitle,
  TmdbCertification,
  TmdbChange,
  TmdbConfiguration,
  TmdbMovieDetails,
  TmdbMovieSummary,
  TmdbPage,
  TmdbProvider,
  TmdbRegion,
  TmdbVideo,
  TmdbWatchProviders,
} from './types.ts';

export class MalformedResponse extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedResponse';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new MalformedResponse(`${path} is not an object`);
  return v;
}

function int(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new MalformedResponse(`${path} is not an integer`);
  return v;
}

/** Every TMDB string passes here: control characters (NUL above all, which PostgreSQL cannot store) are removed. */
function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new MalformedResponse(`${path} is not a string`);
  return cleanText(v);
}

/** Optional string: absent, null or "" → null. */
function optStr(v: unknown, path: string): string | null {
  if (v === undefined || v === null || v === '') return null;
  return str(v, path);
}

function optNum(v: unknown, path: string, fallback = 0): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new MalformedResponse(`${path} is not a number`);
  return v;
}

function optBool(v: unknown, path: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new MalformedResponse(`${path} is not a boolean`);
  return v;
}

function list<T>(v: unknown, path: string, item: (x: unknown, p: string) => T, required = false): T[] {
  if (v === undefined || v === null) {
    if (required) throw new MalformedResponse(`${path} is missing`);
    return [];
  }
  if (!Array.isArray(v)) throw new MalformedResponse(`${path} is not an array`);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

function date(v: unknown, path: string): string | null {
  const s = optStr(v, path);
  if (s === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new MalformedResponse(`${path} is not a date`);
  return s;
}

function named(x: unknown, p: string): NamedRef {
  const o = obj(x, p);
  return { id: int(o.id, `${p}.id`), name: str(o.name, `${p}.name`) };
}

export function parseMovieSummary(x: unknown, p = 'movie'): TmdbMovieSummary {
  const o = obj(x, p);
  return {
    id: int(o.id, `${p}.id`),
    title: str(o.title, `${p}.title`),
    originalTitle: optStr(o.original_title, `${p}.original_title`),
    releaseDate: date(o.release_date, `${p}.release_date`),
    genreIds: list(o.genre_ids, `${p}.genre_ids`, int),
    overview: optStr(o.overview, `${p}.overview`),
    posterPath: optStr(o.poster_path, `${p}.poster_path`),
    originalLanguage: optStr(o.original_language, `${p}.original_language`),
    popularity: optNum(o.popularity, `${p}.popularity`),
    voteAverage: optNum(o.vote_average, `${p}.vote_average`),
    voteCount: optNum(o.vote_count, `${p}.vote_count`),
  };
}

export function parsePage<T>(x: unknown, item: (x: unknown, p: string) => T, p = 'body'): TmdbPage<T> {
  const o = obj(x, p);
  return {
    page: int(o.page, `${p}.page`),
    totalPages: int(o.total_pages ?? 0, `${p}.total_pages`),
    totalResults: int(o.total_results ?? 0, `${p}.total_results`),
    results: list(o.results, `${p}.results`, item, true),
  };
}

export const parseMoviePage = (x: unknown) => parsePage(x, parseMovieSummary);

export function parseChangesPage(x: unknown): TmdbPage<TmdbChange> {
  return parsePage(x, (c, p): TmdbChange => {
    const o = obj(c, p);
    return { id: int(o.id, `${p}.id`), adult: optBool(o.adult, `${p}.adult`) };
  });
}

export function parseGenres(x: unknown): NamedRef[] {
  return list(obj(x, 'body').genres, 'body.genres', named, true);
}

export function parseConfiguration(x: unknown): TmdbConfiguration {
  const o = obj(x, 'body');
  const images = obj(o.images, 'body.images');
  const strings = (v: unknown, p: string) => list(v, p, str);
  return {
    imageBaseUrl: str(images.secure_base_url ?? images.base_url, 'body.images.secure_base_url'),
    posterSizes: strings(images.poster_sizes, 'body.images.poster_sizes'),
    backdropSizes: strings(images.backdrop_sizes, 'body.images.backdrop_sizes'),
    profileSizes: strings(images.profile_sizes, 'body.images.profile_sizes'),
    changeKeys: strings(o.change_keys, 'body.change_keys'),
  };
}

/** GET /3/movie/{movie_id} read for its title only (asked with `language`: the title in that language). */
export function parseMovieTitle(x: unknown): { id: number; title: string } {
  const o = obj(x, 'body');
  return { id: int(o.id, 'body.id'), title: str(o.title, 'body.title') };
}

export function parseFindMovie(x: unknown): TmdbMovieSummary | null {
  const results = list(obj(x, 'body').movie_results, 'body.movie_results', parseMovieSummary, true);
  return results[0] ?? null;
}

const MAX_CAST = 10;

function provider(x: unknown, p: string): TmdbProvider {
  const o = obj(x, p);
  return {
    id: int(o.provider_id, `${p}.provider_id`),
    name: str(o.provider_name, `${p}.provider_name`),
    logoPath: optStr(o.logo_path, `${p}.logo_path`),
    displayPriority: optNum(o.display_priority, `${p}.display_priority`, Number.MAX_SAFE_INTEGER),
  };
}

/**
 * The `results` of a watch-providers body: offers in the asked regions only. TMDB sends every region it knows (well
 * over a hundred for a popular film); keeping only the asked ones is what lets callers cache what they asked for.
 */
function watchProviderResults(
  v: unknown,
  path: string,
  regions: ReadonlySet<string>,
): Record<string, TmdbWatchProviders> {
  const out: Record<string, TmdbWatchProviders> = {};
  if (v === undefined || v === null) return out;
  for (const [region, r] of Object.entries(obj(v, path))) {
    if (!regions.has(region)) continue;
    const p = `${path}.${region}`;
    const o = obj(r, p);
    out[region] = {
      link: optStr(o.link, `${p}.link`),
      flatrate: list(o.flatrate, `${p}.flatrate`, provider),
      rent: list(o.rent, `${p}.rent`, provider),
      buy: list(o.buy, `${p}.buy`, provider),
      ads: list(o.ads, `${p}.ads`, provider),
      free: list(o.free, `${p}.free`, provider),
    };
  }
  return out;
}

/** GET /3/movie/{movie_id}/watch/providers, keeping only `regions` (ISO 3166-1 codes). */
export function parseMovieWatchProviders(x: unknown, regions: Iterable<string>): Record<string, TmdbWatchProviders> {
  return watchProviderResults(obj(x, 'body').results, 'body.results', new Set(regions));
}

/** GET /3/watch/providers/movie: the providers (of a region, when asked), by display priority. */
export function parseProviderList(x: unknown): TmdbProvider[] {
  return list(obj(x, 'body').results, 'body.results', provider, true).sort(
    (a, b) => a.displayPriority - b.displayPriority || a.id - b.id,
  );
}

/** GET /3/watch/providers/regions. */
export function parseRegions(x: unknown): TmdbRegion[] {
  return list(
    obj(x, 'body').results,
    'body.results',
    (r, p) => {
      const o = obj(r, p);
      return {
        code: str(o.iso_3166_1, `${p}.iso_3166_1`),
        englishName: str(o.english_name ?? '', `${p}.english_name`),
      };
    },
    true,
  );
}

function parseAlternativeTitle(x: unknown, p: string): TmdbAlternativeTitle {
  const o = obj(x, p);
  return {
    country: optStr(o.iso_3166_1, `${p}.iso_3166_1`),
    title: str(o.title, `${p}.title`),
    type: optStr(o.type, `${p}.type`),
  };
}

export function parseMovieDetails(x: unknown): TmdbMovieDetails {
  const o = obj(x, 'body');
  const credits = o.credits === undefined || o.credits === null ? {} : obj(o.credits, 'body.credits');
  const cast: CastRef[] = list(credits.cast, 'body.credits.cast', (c, p) => {
    const co = obj(c, p);
    const character = optStr(co.character, `${p}.character`);
    return {
      id: int(co.id, `${p}.id`),
      name: str(co.name, `${p}.name`),
      order: int(co.order ?? 0, `${p}.order`),
      ...(character ? { character } : {}),
    };
  })
    .sort((a, b) => a.order - b.order)
    .slice(0, MAX_CAST);
  const directors: NamedRef[] = [];
  for (const [i, c] of list(credits.crew, 'body.credits.crew', (c, p) => obj(c, p)).entries()) {
    if (c.job === 'Director' && !directors.some((d) => d.id === c.id))
      directors.push(named(c, `body.credits.crew[${i}]`));
  }
  const kw = o.keywords === undefined || o.keywords === null ? {} : obj(o.keywords, 'body.keywords');
  const videosObj = o.videos === undefined || o.videos === null ? {} : obj(o.videos, 'body.videos');
  const videos = list(videosObj.results, 'body.videos.results', (v, p): TmdbVideo => {
    const vo = obj(v, p);
    return {
      key: str(vo.key, `${p}.key`),
      site: str(vo.site, `${p}.site`),
      type: str(vo.type ?? '', `${p}.type`),
      name: str(vo.name ?? '', `${p}.name`),
      official: optBool(vo.official, `${p}.official`),
    };
  });
  const rd =
    o.release_dates === undefined || o.release_dates === null ? {} : obj(o.release_dates, 'body.release_dates');
  const certifications: TmdbCertification[] = [];
  for (const [i, r] of list(rd.results, 'body.release_dates.results', (r, p) => obj(r, p)).entries()) {
    const p = `body.release_dates.results[${i}]`;
    const country = str(r.iso_3166_1, `${p}.iso_3166_1`);
    const certs = list(r.release_dates, `${p}.release_dates`, (d, dp) => optStr(obj(d, dp).certification, dp));
    const certification = certs.find((c) => c !== null);
    if (certification) certifications.push({ country, certification });
  }
  const alt =
    o.alternative_titles === undefined || o.alternative_titles === null
      ? {}
      : obj(o.alternative_titles, 'body.alternative_titles');
  const alternativeTitles = list(alt.titles, 'body.alternative_titles.titles', parseAlternativeTitle);
  const related = (key: 'recommendations' | 'similar') =>
    o[key] === undefined || o[key] === null ? [] : [...parsePage(o[key], parseMovieSummary, `body.${key}`).results];
  const runtime = optNum(o.runtime, 'body.runtime');
  return {
    id: int(o.id, 'body.id'),
    title: str(o.title, 'body.title'),
    originalTitle: optStr(o.original_title, 'body.original_title'),
    releaseDate: date(o.release_date, 'body.release_date'),
    genres: list(o.genres, 'body.genres', named),
    overview: optStr(o.overview, 'body.overview'),
    posterPath: optStr(o.poster_path, 'body.poster_path'),
    originalLanguage: optStr(o.original_language, 'body.original_language'),
    popularity: optNum(o.popularity, 'body.popularity'),
    voteAverage: optNum(o.vote_average, 'body.vote_average'),
    voteCount: optNum(o.vote_count, 'body.vote_count'),
    runtime: runtime > 0 ? Math.round(runtime) : null,
    imdbId: optStr(o.imdb_id, 'body.imdb_id'),
    collection:
      o.belongs_to_collection === undefined || o.belongs_to_collection === null
        ? null
        : named(o.belongs_to_collection, 'body.belongs_to_collection'),
    keywords: list(kw.keywords, 'body.keywords.keywords', named),
    cast,
    directors,
    videos,
    certifications,
    alternativeTitles,
    recommendations: related('recommendations'),
    similar: related('similar'),
  };
}

/** TMDB's error body `{ status_code, status_message, success: false }`, if that is what this is. */
export function parseTmdbErrorBody(x: unknown): { statusCode: number; statusMessage: string } | null {
  if (!isObj(x) || typeof x.status_message !== 'string') return null;
  return { statusCode: typeof x.status_code === 'number' ? x.status_code : 0, statusMessage: x.status_message };
}
