// The TMDB 5000 loader: turns `tmdb_5000_movies.csv(.gz)` into demo-catalogue rows for the fake TMDB and the seeder.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseCsvObjects } from '../../src/data/csv.ts';
import type { DemoMovie, DemoPerson } from '../../src/data/demo-catalogue.ts';

function namedList(raw: string): DemoPerson[] {
  if (!raw) return [];
  const parsed = JSON.parse(raw) as unknown;
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((x): x is { id: number; name: string } => typeof x?.id === 'number' && typeof x?.name === 'string')
    .map((x) => ({ id: x.id, name: x.name }));
}

/**
 * Loads `tmdb_5000_movies.csv(.gz)` at run time (it is never committed). The file has no credits, so cast and
 * directors are empty; films without a release date or title are skipped.
 */
export function loadTmdb5000(path: string): DemoMovie[] {
  const buf = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  const out: DemoMovie[] = [];
  const seen = new Set<number>();
  for (const r of parseCsvObjects(text)) {
    const id = Number(r.id);
    if (!Number.isInteger(id) || id <= 0 || seen.has(id) || !r.title) continue;
    seen.add(id);
    const runtime = Number(r.runtime);
    out.push({
      id,
      title: r.title,
      originalTitle: r.original_title || r.title,
      releaseDate: r.release_date ?? '',
      genreIds: namedList(r.genres ?? '').map((g) => g.id),
      keywords: namedList(r.keywords ?? ''),
      cast: [],
      directors: [],
      runtime: Number.isFinite(runtime) && runtime > 0 ? Math.round(runtime) : 0,
      originalLanguage: r.original_language || 'en',
      voteAverage: Number(r.vote_average) || 0,
      voteCount: Math.round(Number(r.vote_count) || 0),
      popularity: Number(r.popularity) || 0,
      imdbId: null,
      overview: r.overview ?? '',
      // The TMDB 5000 file has no alternative titles.
      alternativeTitles: [],
    });
  }
  return out;
}
