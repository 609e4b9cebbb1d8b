// Reading MovieLens-format files (ratings.csv, movies.csv, links.csv) and the TMDB 5000 metadata CSV.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ItemMeta } from '../recommender/index.ts';
import { parseCsv, parseCsvObjects } from './csv.ts';

export interface RatingsFile {
  readonly userIds: string[];
  /** External MovieLens movie ids, one per rating. */
  readonly user: Int32Array;
  readonly movie: Int32Array;
  readonly rating: Float32Array;
  readonly timestamp: Float64Array;
}

/**
 * Reads `userId,movieId,rating[,timestamp]` lines. A header line is skipped when its first field is not a number;
 * commas, tabs, `::` (ML-1M) and whitespace (ML-100K u.data) all work as separators.
 */
export function readRatingsCsv(path: string): RatingsFile {
  const text = readFileSync(path, 'utf8');
  const userIndex = new Map<string, number>();
  const userIds: string[] = [];
  const u: number[] = [];
  const m: number[] = [];
  const r: number[] = [];
  const t: number[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const parts = line.split(/::|[,\t]|\s+/);
    if (parts.length < 3) continue;
    const movie = Number(parts[1]);
    const stars = Number(parts[2]);
    if (!Number.isFinite(movie) || !Number.isFinite(stars)) continue; // header
    const userKey = parts[0]!.trim();
    let ui = userIndex.get(userKey);
    if (ui === undefined) {
      ui = userIds.length;
      userIndex.set(userKey, ui);
      userIds.push(userKey);
    }
    u.push(ui);
    m.push(movie);
    r.push(stars);
    t.push(parts[3] === undefined ? 0 : Number(parts[3]) || 0);
  }
  return {
    userIds,
    user: Int32Array.from(u),
    movie: Int32Array.from(m),
    rating: Float32Array.from(r),
    timestamp: Float64Array.from(t),
  };
}

export interface MovieLensMovie {
  readonly movieId: number;
  readonly title: string;
  readonly year: number | null;
  readonly genres: string[];
}

/** `Toy Story (1995)` → { title: 'Toy Story', year: 1995 }; also handles `Matrix, The (1999)`. */
export function splitTitle(raw: string): { title: string; year: number | null } {
  const m = /^(.*?)\s*\((\d{4})(?:[–-]\d{0,4})?\)\s*$/.exec(raw.trim());
  let title = m ? m[1]! : raw.trim();
  const year = m ? Number(m[2]) : null;
  const article = /^(.*), (The|A|An|Les|La|Le|Il|El|Die|Das|Der)$/.exec(title);
  if (article) title = `${article[2]} ${article[1]}`;
  return { title, year };
}

export function readMoviesCsv(path: string): MovieLensMovie[] {
  return parseCsvObjects(readFileSync(path, 'utf8')).map((r) => {
    const { title, year } = splitTitle(r.title ?? '');
    const genres = (r.genres ?? '')
      .split('|')
      .map((g) => g.trim())
      .filter((g) => g !== '' && g !== '(no genres listed)');
    return { movieId: Number(r.movieId), title, year, genres };
  });
}

export interface Link {
  readonly movieId: number;
  readonly imdbId: string | null;
  readonly tmdbId: number | null;
}

export function readLinksCsv(path: string): Link[] {
  return parseCsvObjects(readFileSync(path, 'utf8')).map((r) => {
    const tmdb = Number(r.tmdbId);
    return {
      movieId: Number(r.movieId),
      imdbId: r.imdbId ? `tt${r.imdbId.padStart(7, '0')}` : null,
      tmdbId: r.tmdbId && Number.isInteger(tmdb) && tmdb > 0 ? tmdb : null,
    };
  });
}

export interface TmdbMovie {
  readonly id: number;
  readonly title: string;
  readonly originalTitle: string | null;
  readonly releaseDate: string | null;
  readonly genres: { id: number; name: string }[];
  readonly keywords: { id: number; name: string }[];
  readonly language: string | null;
  readonly runtime: number | null;
  readonly popularity: number;
  readonly voteAverage: number;
  readonly voteCount: number;
}

function jsonList(s: string | undefined): { id: number; name: string }[] {
  if (!s) return [];
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.map((x: { id?: unknown; name?: unknown }) => ({ id: Number(x.id), name: String(x.name) })) : [];
  } catch {
    return [];
  }
}

/** Reads the TMDB 5000 movies CSV (gzip or plain), keyed by TMDB id. */
export function readTmdbCsv(path: string): Map<number, TmdbMovie> {
  const buf = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  const [header, ...rows] = parseCsv(text);
  const out = new Map<number, TmdbMovie>();
  if (!header) return out;
  const col = (name: string) => header.indexOf(name);
  const c = {
    id: col('id'),
    title: col('title'),
    originalTitle: col('original_title'),
    date: col('release_date'),
    genres: col('genres'),
    keywords: col('keywords'),
    lang: col('original_language'),
    runtime: col('runtime'),
    popularity: col('popularity'),
    avg: col('vote_average'),
    count: col('vote_count'),
  };
  for (const r of rows) {
    const id = Number(r[c.id]);
    if (!Number.isInteger(id) || id <= 0) continue;
    const runtime = Number(r[c.runtime]);
    const date = r[c.date] ?? '';
    out.set(id, {
      id,
      title: r[c.title] ?? '',
      originalTitle: r[c.originalTitle] || null,
      releaseDate: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
      genres: jsonList(r[c.genres]),
      keywords: jsonList(r[c.keywords]),
      language: r[c.lang] || null,
      runtime: Number.isFinite(runtime) && runtime > 0 ? Math.round(runtime) : null,
      popularity: Number(r[c.popularity]) || 0,
      voteAverage: Number(r[c.avg]) || 0,
      voteCount: Number(r[c.count]) || 0,
    });
  }
  return out;
}

export interface OfflineDataset {
  readonly ratings: RatingsFile;
  /** MovieLens movie id → item metadata (id in the metadata is the MovieLens id). */
  readonly meta: Map<number, ItemMeta>;
  readonly sources: string[];
  /** MovieLens movie id → TMDB id (links.csv), for the movies whose TMDB entry was found. */
  readonly tmdbIds: Map<number, number>;
  /** The TMDB 5000 entries read (empty without the file). */
  readonly tmdb: Map<number, TmdbMovie>;
}

export const DEFAULT_MOVIELENS_DIR = '../shared/data/movielens/ml-latest-small';
export const DEFAULT_TMDB_CSV = '../shared/data/tmdb/tmdb_5000_movies.csv.gz';

/**
 * Builds per-movie metadata from whatever is present: movies.csv (titles, years, genres), links.csv + TMDB 5000
 * (keywords, language, runtime, votes, TMDB genres). Movies without any file still get a bare entry.
 */
export function loadMetadata(
  movieIds: Iterable<number>,
  files: { movies?: string | undefined; links?: string | undefined; tmdb?: string | undefined },
): { meta: Map<number, ItemMeta>; sources: string[]; tmdbIds: Map<number, number>; tmdb: Map<number, TmdbMovie> } {
  const sources: string[] = [];
  const movies = new Map<number, MovieLensMovie>();
  if (files.movies && existsSync(files.movies)) {
    for (const m of readMoviesCsv(files.movies)) movies.set(m.movieId, m);
    sources.push(files.movies);
  }
  const links = new Map<number, Link>();
  if (files.links && existsSync(files.links)) {
    for (const l of readLinksCsv(files.links)) links.set(l.movieId, l);
    sources.push(files.links);
  }
  const tmdb = files.tmdb && existsSync(files.tmdb) && links.size > 0 ? readTmdbCsv(files.tmdb) : new Map<number, TmdbMovie>();
  if (tmdb.size > 0 && files.tmdb) sources.push(files.tmdb);
  const meta = new Map<number, ItemMeta>();
  const tmdbIds = new Map<number, number>();
  for (const id of movieIds) {
    if (meta.has(id)) continue;
    const ml = movies.get(id);
    const link = links.get(id);
    const t = link?.tmdbId ? tmdb.get(link.tmdbId) : undefined;
    if (t) tmdbIds.set(id, t.id);
    const genres = new Set<string>([...(ml?.genres ?? []), ...(t?.genres.map((g) => g.name) ?? [])]);
    meta.set(id, {
      id,
      title: ml?.title ?? t?.title ?? `Movie ${id}`,
      year: ml?.year ?? (t?.releaseDate ? Number(t.releaseDate.slice(0, 4)) : null),
      genres: [...genres],
      keywords: t?.keywords.map((k) => k.name) ?? [],
      cast: [],
      directors: [],
      language: t?.language ?? null,
      collection: null,
      runtime: t?.runtime ?? null,
      voteAverage: t?.voteAverage ?? 0,
      voteCount: t?.voteCount ?? 0,
    });
  }
  return { meta, sources, tmdbIds, tmdb };
}

/** Reads a MovieLens folder (ratings.csv, and movies.csv / links.csv when present) plus optional TMDB metadata. */
export function loadMovieLensDir(dir: string, tmdbPath: string | undefined = DEFAULT_TMDB_CSV): OfflineDataset {
  const ratings = readRatingsCsv(join(dir, 'ratings.csv'));
  const { meta, sources, tmdbIds, tmdb } = loadMetadata(ratings.movie, {
    movies: join(dir, 'movies.csv'),
    links: join(dir, 'links.csv'),
    tmdb: tmdbPath,
  });
  return { ratings, meta, sources: [join(dir, 'ratings.csv'), ...sources], tmdbIds, tmdb };
}
