// Everything Marquee holds about one person: exported as a ZIP (JSON of every row plus CSVs, with the ratings, watch
// log and watchlist also in Letterboxd's layout so `/import` takes the export back), and deleted on request.
// Tables are found from the ORM's metadata (every column that references `users`), so a table another feature adds
// later is exported and deleted without this file changing.
import { ReferenceKind } from '@mikro-orm/core';
import { strToU8, zipSync } from 'fflate';
import { toCsv } from '../data/csv.ts';
import type { Em } from '../db.ts';
import { DeliveryOutbox, User } from '../entities/index.ts';
import { yearOf } from '../release-year.ts';
import { forgetSharedLimits, sharedLimitUses } from './rate-limit-service.ts';

interface UserTable {
  readonly table: string;
  readonly column: string;
}

/** Every (table, column) whose foreign key points at users.id. */
export function userTables(em: Em): UserTable[] {
  const out: UserTable[] = [];
  for (const meta of em.getMetadata().getAll().values()) {
    if (meta.virtual || meta.embeddable || !meta.tableName || meta.className === 'User') continue;
    for (const prop of meta.props) {
      if ((prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) && prop.type === 'User') {
        for (const column of prop.fieldNames ?? []) out.push({ table: meta.tableName, column });
      }
    }
  }
  return out.sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column));
}

type Row = Record<string, unknown>;

function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v;
}

function rowsToCsv(rows: readonly Row[]): string {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return toCsv(
    header,
    rows.map((r) =>
      header.map((h) => {
        const v = plain(r[h]);
        return v !== null && typeof v === 'object' ? JSON.stringify(v) : (v as string | number | null | undefined);
      }),
    ),
  );
}

export interface UserExport {
  readonly fileName: string;
  readonly data: Buffer;
  /** Rows per table, for the confirmation message. */
  readonly counts: Readonly<Record<string, number>>;
}

async function select(em: Em, sql: string, params: unknown[]): Promise<Row[]> {
  // em.execute runs inside the EntityManager's transaction, if any (a separate connection would wait on it).
  return (await em.execute(sql, params)) as Row[];
}

/** Letterboxd-layout files of the ratings, watch log and watchlist, with TMDB ids so a re-import is exact. */
async function letterboxdFiles(em: Em, userId: string, watchlistTable: string | null): Promise<Record<string, string>> {
  const ratings = await select(
    em,
    `select r.score, r.updated_at, m.id as tmdb_id, m.title, m.release_date from ratings r join movies m on m.id = r.movie_id where r.user_id = ? order by r.id`,
    [userId],
  );
  const watched = await select(
    em,
    `select w.watched_on, w.rewatch_count, m.id as tmdb_id, m.title, m.release_date from watched w join movies m on m.id = w.movie_id where w.user_id = ? order by w.id`,
    [userId],
  );
  const year = (d: unknown) => String(yearOf(plain(d)) ?? '');
  const day = (d: unknown) => (d ? String(plain(d)).slice(0, 10) : '');
  // Column names are Letterboxd's, in English in every locale: they are machine-read (`/import`, Letterboxd).
  const files: Record<string, string> = {
    'ratings.csv': toCsv(
      ['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating', 'TMDB ID'],
      ratings.map((r) => [
        day(r.updated_at),
        String(r.title),
        year(r.release_date),
        '',
        Number(r.score),
        Number(r.tmdb_id),
      ]),
    ),
    // Marquee keeps the latest viewing and a count: each rewatch is one more row (Rewatch = Yes) on that date.
    'diary.csv': toCsv(
      ['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating', 'Rewatch', 'Tags', 'Watched Date', 'TMDB ID'],
      watched.flatMap((w) =>
        Array.from({ length: Number(w.rewatch_count) + 1 }, (_, i) => [
          day(w.watched_on),
          String(w.title),
          year(w.release_date),
          '',
          '',
          i === 0 ? '' : 'Yes',
          '',
          day(w.watched_on),
          Number(w.tmdb_id),
        ]),
      ),
    ),
  };
  if (watchlistTable) {
    const list = await select(
      em,
      `select x.*, m.id as tmdb_id, m.title, m.release_date from ${watchlistTable} x join movies m on m.id = x.movie_id where x.user_id = ?`,
      [userId],
    );
    files['watchlist.csv'] = toCsv(
      ['Date', 'Name', 'Year', 'Letterboxd URI', 'TMDB ID'],
      list.map((w) => [day(w.created_at ?? w.added_at), String(w.title), year(w.release_date), '', Number(w.tmdb_id)]),
    );
  }
  return files;
}

/**
 * A ZIP of everything held about `userId`. `readme` is README.txt in the person's language (the caller renders it:
 * privacy-render.ts); file names, JSON keys and CSV column names stay English, since Letterboxd and `/import` read
 * them back.
 */
export async function exportUserData(em: Em, userId: string, now: Date, readme: string): Promise<UserExport> {
  const tables: Record<string, Row[]> = {};
  const user = await select(em, 'select * from users where id = ?', [userId]);
  tables.users = user;
  for (const t of userTables(em)) {
    const rows = await select(em, `select * from ${t.table} where ${t.column} = ?`, [userId]);
    tables[t.table] = [...(tables[t.table] ?? []), ...rows];
  }
  // Import rows belong to the user through their job.
  tables.import_rows = await select(
    em,
    'select r.* from import_rows r join import_jobs j on j.id = r.job_id where j.user_id = ? order by r.id',
    [userId],
  );
  tables.import_changes = await select(
    em,
    'select c.* from import_changes c join import_jobs j on j.id = c.job_id where j.user_id = ? order by c.id',
    [userId],
  );
  // Weekly DMs addressed to them (the outbox keys recipients by id, not by a foreign key).
  tables.delivery_outbox = (
    await em.find(DeliveryOutbox, { kind: 'dm', recipientId: userId }, { orderBy: { id: 'asc' } })
  ).map((d) => ({ ...d }) as unknown as Row);
  for (const rows of Object.values(tables)) {
    for (const r of rows) {
      // Never export secrets: an import's interaction token is a credential (and short-lived).
      if ('reply_token' in r) r.reply_token = r.reply_token ? '(withheld)' : null;
    }
  }
  const watchlistTable = userTables(em).find((t) => /watchlist/.test(t.table))?.table ?? null;
  const stamp = now.toISOString().slice(0, 10);
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(readme),
    'marquee.json': strToU8(
      JSON.stringify(
        { exportedAt: now.toISOString(), userId, tables },
        (_k, v) => (typeof v === 'bigint' ? v.toString() : v),
        2,
      ),
    ),
  };
  for (const [table, rows] of Object.entries(tables)) files[`tables/${table}.csv`] = strToU8(rowsToCsv(rows));
  for (const [name, text] of Object.entries(await letterboxdFiles(em, userId, watchlistTable)))
    files[name] = strToU8(text);
  const counts = Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));
  return {
    fileName: `marquee-export-${stamp}.zip`,
    data: Buffer.from(zipSync(files, { level: 6, mtime: now })),
    counts,
  };
}

export interface DeleteReport {
  /** Rows removed per table (the user row's cascade included). */
  readonly removed: Readonly<Record<string, number>>;
}

/**
 * Deletes every row about `userId` in one transaction: the users row (every user-owned table cascades from it), the
 * weekly DMs addressed to them and their recent command uses (kept without a foreign key, see rate-limit-service). Returns what went, counted before the delete.
 */
export async function deleteUserData(em: Em, userId: string): Promise<DeleteReport> {
  return em.transactional(async (tem) => {
    const removed: Record<string, number> = {};
    for (const t of userTables(tem)) {
      const [row] = await select(tem, `select count(*) as n from ${t.table} where ${t.column} = ?`, [userId]);
      const n = Number(row?.n ?? 0);
      if (n > 0) removed[t.table] = (removed[t.table] ?? 0) + n;
    }
    removed.delivery_outbox = await tem.nativeDelete(DeliveryOutbox, { kind: 'dm', recipientId: userId });
    removed.rate_limit_uses = await forgetSharedLimits(tem, userId);
    removed.users = await tem.nativeDelete(User, { id: userId });
    return { removed };
  });
}

/** Rows that still refer to `userId` anywhere (0 after a delete). */
export async function rowsReferencing(em: Em, userId: string): Promise<number> {
  let n = 0;
  for (const t of [{ table: 'users', column: 'id' }, ...userTables(em)]) {
    const [row] = await select(em, `select count(*) as n from ${t.table} where ${t.column} = ?`, [userId]);
    n += Number(row?.n ?? 0);
  }
  n += await em.count(DeliveryOutbox, { recipientId: userId });
  n += await sharedLimitUses(em, userId);
  return n;
}
