// The project's one CSV reader, on csv-parse (maintained, RFC 4180: quoted fields, doubled quotes, commas and
// newlines inside quotes, a byte-order mark). Used by the MovieLens readers, the importers, the seeder and the fake
// TMDB's TMDB 5000 loader. Replaced the hand-written reader so every caller gets one well-tested parser.
import { CsvError, parse } from 'csv-parse/sync';

export { CsvError };

export interface CsvOptions {
  readonly separator?: string;
  /** Stop after this many records (header included); callers that cap input use it to avoid parsing the rest. */
  readonly maxRecords?: number;
}

/**
 * Parses CSV text into rows of fields. Accepts `\n` and `\r\n`; a trailing newline adds no empty row. A quote inside
 * an unquoted field is kept literally (MovieLens titles have them); a quoted field that never closes throws.
 */
export function parseCsv(text: string, separator: string | CsvOptions = ','): string[][] {
  const opts: CsvOptions = typeof separator === 'string' ? { separator } : separator;
  return parse(text, {
    delimiter: opts.separator ?? ',',
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    ...(opts.maxRecords === undefined ? {} : { to: opts.maxRecords }),
  }) as string[][];
}

/** Rows as objects keyed by the (trimmed) header row; blank lines are skipped. */
export function parseCsvObjects(text: string, opts: CsvOptions = {}): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, opts);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(names.map((h, k) => [h, r[k] ?? ''])));
}

/** A CSV field, quoted only when it must be (as MovieLens and spreadsheets do). */
export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with `\n` line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): string {
  const out = [header.map(csvField).join(',')];
  for (const r of rows) out.push(r.map(csvField).join(','));
  return `${out.join('\n')}\n`;
}
