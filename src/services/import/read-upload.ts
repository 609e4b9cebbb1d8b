// Turns an uploaded file into import rows: a Letterboxd export (the ZIP, or one of its CSVs) or an IMDb ratings or
// watchlist CSV. Pure (bytes in, rows out) and strict: anything it cannot read whole is refused with a message the
// user can act on, before anything is written. CSV through csv-parse, ZIP through fflate (see docs/import.md).
import { Unzip, UnzipInflate } from 'fflate';
import { parseCsv } from '../../data/csv.ts';
import type { ImportRowKind, ImportSource } from '../../entities/index.ts';
import { UserFacingError } from '../../errors.ts';
import type { MessageKey, MessageValues } from '../../i18n/index.ts';
import { cut } from '../../text.ts';
import type { ImportNote } from './import-note.ts';

export type SourceChoice = ImportSource | 'auto';

/** The documented limits (README "Importing your history"). */
export const IMPORT_LIMITS = Object.freeze({
  /** The upload itself, ZIP or CSV. */
  maxUploadBytes: 8 * 1024 * 1024,
  /** All CSVs taken from a ZIP, decompressed. */
  maxUnzippedBytes: 40 * 1024 * 1024,
  /** Entries a ZIP may list (Letterboxd's export has about 20). */
  maxZipEntries: 2_000,
  /** Data rows across all files of one import. */
  maxRows: 20_000,
});

export interface ImportRowInput {
  readonly file: string;
  /** 1-based line of the record in its file (the header is line 1). */
  readonly line: number;
  readonly kind: ImportRowKind;
  readonly title: string;
  readonly year: number | null;
  readonly imdbId: string | null;
  /** Present in Marquee's own export. */
  readonly tmdbId?: number | null;
  /** Marquee's scale, 0.5–5 in half steps. */
  readonly stars: number | null;
  readonly date: string | null;
  readonly rewatch: boolean;
  /** Set when the row cannot be imported at all (a TV series on IMDb, an impossible rating). */
  readonly skip?: ImportNote;
}

export interface ParsedUpload {
  readonly source: ImportSource;
  /** The CSVs read, e.g. `['ratings.csv', 'diary.csv']`. */
  readonly files: readonly string[];
  readonly rows: readonly ImportRowInput[];
}

const LETTERBOXD_FILES = ['ratings.csv', 'diary.csv', 'watched.csv', 'watchlist.csv'] as const;

function bad(key: MessageKey, values?: MessageValues): UserFacingError {
  return UserFacingError.of('invalid_input', key, values);
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** IMDb's 1–10 is exactly twice our half-star scale: 1 → 0.5★, 7 → 3.5★, 10 → 5★. */
export function imdbToStars(rating: number): number | null {
  return Number.isInteger(rating) && rating >= 1 && rating <= 10 ? rating / 2 : null;
}

/** Letterboxd already uses 0.5–5 in half steps. */
export function letterboxdStars(rating: number): number | null {
  return Number.isFinite(rating) && rating >= 0.5 && rating <= 5 && Number.isInteger(rating * 2) ? rating : null;
}

function parseYear(s: string | undefined): number | null {
  const t = (s ?? '').trim();
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= 1870 && y <= 2100 ? y : null;
}

function parseDate(s: string | undefined): string | null {
  const t = (s ?? '').trim().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === t && t >= '1888-01-01' ? t : null;
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) {
    throw bad('upload.not_csv_zip', { name });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bad('upload.not_utf8', { name });
  }
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);

/**
 * Reads the Letterboxd CSVs out of a ZIP, counting the bytes actually inflated (not the sizes the archive claims),
 * so a ZIP bomb is stopped after `maxUnzippedBytes` of output at most.
 */
export function unzipLetterboxd(bytes: Uint8Array, limits = IMPORT_LIMITS): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  const depthOf = new Map<string, number>();
  let entries = 0;
  let total = 0;
  let failure: UserFacingError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (failure) return;
    entries++;
    if (entries > limits.maxZipEntries) {
      failure = bad('upload.zip_too_many', { max: limits.maxZipEntries });
      return;
    }
    const name = wantedEntry(file.name);
    // The shallowest copy wins: `ratings.csv` at the root over `<folder>/ratings.csv`.
    const depth = file.name.split('/').filter(Boolean).length;
    if (!name || (depthOf.get(name) ?? Number.POSITIVE_INFINITY) <= depth) return;
    depthOf.set(name, depth);
    if ((file.originalSize ?? 0) > limits.maxUnzippedBytes) {
      failure = bad('upload.zip_entry_too_big', { name, mb: mb(limits.maxUnzippedBytes) });
      return;
    }
    if (file.compression !== 0 && file.compression !== 8) {
      failure = bad('upload.zip_compression', { name });
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = bad('upload.zip_damaged');
        return;
      }
      total += chunk.length;
      if (total > limits.maxUnzippedBytes) {
        failure = bad('upload.zip_too_big', { mb: mb(limits.maxUnzippedBytes) });
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) found.set(name, concat(chunks));
    };
    file.start();
  };
  // Small pushes bound how much one call can inflate before the running total is checked.
  const step = 16 * 1024;
  try {
    for (let i = 0; i < bytes.length && !failure; i += step) {
      unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
    }
  } catch {
    failure ??= bad('upload.zip_damaged');
  }
  if (failure) throw failure;
  return found;
}

/** `ratings.csv` or `<one folder>/ratings.csv`; Letterboxd's `deleted/`, `orphaned/` and `likes/` copies are not it. */
function wantedEntry(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  if (parts.length > 2) return null;
  // Letterboxd's side folders, macOS's resource forks, and the raw table dumps of Marquee's own export.
  if (parts.length === 2 && /^(deleted|orphaned|likes|lists|__MACOSX|tables)$/i.test(parts[0] ?? '')) return null;
  const base = (parts.at(-1) ?? '').toLowerCase();
  return (LETTERBOXD_FILES as readonly string[]).includes(base) ? base : null;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

type Layout =
  | { source: 'letterboxd'; kind: 'rating' | 'diary' | 'watched' | 'watchlist' }
  | { source: 'imdb'; kind: 'rating' | 'watchlist' };

/** Which export a header belongs to. Letterboxd's watched.csv and watchlist.csv share columns: the name decides. */
function layoutOf(header: readonly string[], fileName: string): Layout | null {
  const has = (c: string) => header.includes(c);
  const base = fileName.toLowerCase();
  if (has('Name') && has('Year') && (has('Letterboxd URI') || has('Date'))) {
    if (has('Watched Date')) return { source: 'letterboxd', kind: 'diary' };
    if (has('Rating')) return { source: 'letterboxd', kind: 'rating' };
    if (base.includes('watchlist')) return { source: 'letterboxd', kind: 'watchlist' };
    if (base.includes('watched')) return { source: 'letterboxd', kind: 'watched' };
    return null;
  }
  if (has('Const') && has('Title')) {
    if (has('Your Rating')) return { source: 'imdb', kind: 'rating' };
    if (has('Position') || has('Created')) return { source: 'imdb', kind: 'watchlist' };
  }
  return null;
}

const TV_TYPES =
  /^(tv ?series|tv ?mini ?series|tv ?episode|tvseries|tvminiseries|tvepisode|podcast ?series|video ?game)$/i;

function rowsOf(layout: Layout, file: string, records: readonly string[][]): ImportRowInput[] {
  const [header, ...data] = records;
  if (!header) return [];
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const out: ImportRowInput[] = [];
  data.forEach((r, i) => {
    if (r.length === 1 && (r[0] ?? '').trim() === '') return;
    const get = (name: string) => {
      const k = col.get(name);
      return k === undefined ? '' : (r[k] ?? '').trim();
    };
    const line = i + 2;
    if (layout.source === 'letterboxd') {
      const title = get('Name');
      if (!title) return;
      const tmdb = Number(get('TMDB ID'));
      const base = {
        file,
        line,
        title: cut(title, 300),
        year: parseYear(get('Year')),
        imdbId: null,
        tmdbId: Number.isSafeInteger(tmdb) && tmdb > 0 ? tmdb : null,
        rewatch: false,
      };
      const ratingText = get('Rating');
      const stars = ratingText ? letterboxdStars(Number(ratingText)) : null;
      const skip: ImportNote | undefined =
        ratingText && stars === null ? { k: 'bad_stars', raw: cut(ratingText, 20) } : undefined;
      if (layout.kind === 'diary') {
        out.push({
          ...base,
          kind: 'diary',
          stars,
          date: parseDate(get('Watched Date')) ?? parseDate(get('Date')),
          rewatch: /^(yes|true|1)$/i.test(get('Rewatch')),
          ...(skip ? { skip } : {}),
        });
      } else if (layout.kind === 'rating') {
        out.push({ ...base, kind: 'rating', stars, date: parseDate(get('Date')), ...(skip ? { skip } : {}) });
      } else {
        out.push({ ...base, kind: layout.kind, stars: null, date: parseDate(get('Date')) });
      }
      return;
    }
    const imdbId = /^tt\d{5,10}$/.test(get('Const')) ? get('Const') : null;
    const title = get('Title') || get('Original Title');
    if (!imdbId && !title) return;
    const type = get('Title Type');
    const skipTv: ImportNote | undefined = TV_TYPES.test(type) ? { k: 'tv', type: cut(type, 40) } : undefined;
    const base = { file, line, title: cut(title || imdbId || '', 300), year: parseYear(get('Year')), imdbId };
    if (layout.kind === 'rating') {
      const raw = get('Your Rating');
      const stars = imdbToStars(Number(raw));
      const skip = skipTv ?? (stars === null ? ({ k: 'bad_imdb', raw: cut(raw, 20) } as const) : undefined);
      out.push({
        ...base,
        kind: 'rating',
        stars,
        date: parseDate(get('Date Rated')),
        rewatch: false,
        ...(skip ? { skip } : {}),
      });
    } else {
      out.push({
        ...base,
        kind: 'watchlist',
        stars: null,
        date: parseDate(get('Created')),
        rewatch: false,
        ...(skipTv ? { skip: skipTv } : {}),
      });
    }
  });
  return out;
}

function readCsv(bytes: Uint8Array, name: string, rowsLeft: number): string[][] {
  const text = decodeUtf8(bytes, name);
  try {
    // One record past the cap is enough to know the file is too long, without parsing the rest.
    return parseCsv(text, { maxRecords: rowsLeft + 2 });
  } catch {
    throw bad('upload.csv_broken', { name });
  }
}

/** Reads an upload; throws UserFacingError('invalid_input') with a clear message for anything it cannot take. */
export function readImportUpload(
  bytes: Uint8Array,
  fileName: string,
  choice: SourceChoice = 'auto',
  limits = IMPORT_LIMITS,
): ParsedUpload {
  const name = cut(fileName, 200) || 'upload';
  if (bytes.length === 0) throw bad('upload.empty', { name });
  if (bytes.length > limits.maxUploadBytes) {
    throw bad('upload.too_big', { name, mb: mb(bytes.length), max: mb(limits.maxUploadBytes) });
  }
  const files: [string, Uint8Array][] = [];
  if (isZip(bytes)) {
    const inside = unzipLetterboxd(bytes, limits);
    if (inside.size === 0) {
      throw bad('upload.zip_no_files');
    }
    for (const f of LETTERBOXD_FILES) {
      const b = inside.get(f);
      if (b) files.push([f, b]);
    }
  } else if (/\.zip$/i.test(name)) {
    throw bad('upload.zip_unreadable', { name });
  } else {
    files.push([name, bytes]);
  }

  let source: ImportSource | null = null;
  const rows: ImportRowInput[] = [];
  const read: string[] = [];
  for (const [file, content] of files) {
    const records = readCsv(content, file, limits.maxRows - rows.length);
    const header = (records[0] ?? []).map((h) => h.trim());
    const layout = layoutOf(header, file);
    if (!layout) {
      if (header.includes('Name') && header.includes('Year')) {
        throw bad('upload.list_ambiguous', { file });
      }
      const shown = cut(header.slice(0, 6).join(', '), 120) || '—';
      throw bad('upload.unknown_columns', { file, shown });
    }
    if (choice !== 'auto' && layout.source !== choice) {
      throw bad('upload.wrong_source', { file, found: layout.source, chosen: choice });
    }
    source = layout.source;
    const found = rowsOf(layout, file, records);
    if (records.length - 1 > limits.maxRows - rows.length) {
      throw bad('upload.too_many_rows', { max: limits.maxRows });
    }
    rows.push(...found);
    read.push(file);
  }
  if (!source) throw bad('upload.expected');
  if (rows.length === 0) throw bad('upload.no_films', { name });
  return { source, files: read, rows };
}
