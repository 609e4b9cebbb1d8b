// A small RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes) and the TMDB 5000 loader.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { DemoMovie, DemoPerson } from './demo-catalogue.ts';

/** Parses CSV text into rows of fields. Handles `"a ""quoted"" field"`, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // BOM
  while (i < n) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header row. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

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
  for (const r of parseCsvRecords(text)) {
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
    });
  }
  return out;
}
