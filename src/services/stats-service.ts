// Taste as numbers for /stats: one person's rating distribution, decades, genres (against their server's) and
// favourite directors; a server's most watched, most loved and most divisive films. Plain data; the picture is drawn
// in src/bot/stats-chart.ts.
import type { Em } from '../db.ts';

export interface Count {
  readonly label: string;
  readonly value: number;
}

export interface PersonalStats {
  readonly ratings: number;
  readonly watched: number;
  /** Films per half star, 0.5 … 5 (10 entries). */
  readonly distribution: readonly number[];
  /** Films (rated or watched) per release decade, oldest first. */
  readonly decades: readonly Count[];
  /** Share (0–1) of the person's rated films per genre, top 6, with the server's share of the same genre. */
  readonly genres: readonly { label: string; mine: number; server: number }[];
  /** Directors of at least 2 rated films, by mean stars. */
  readonly directors: readonly Count[];
}

export interface ServerStats {
  readonly members: number;
  readonly mostWatched: readonly Count[];
  /** Mean stars, films with at least 2 ratings. */
  readonly mostLoved: readonly Count[];
  /** Standard deviation of stars, films with at least 3 ratings. */
  readonly mostDivisive: readonly Count[];
}

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

async function q(em: Em, sql: string, params: unknown[]): Promise<Row[]> {
  return (await em.execute(sql, params)) as Row[];
}

const SERVER_RATINGS = `select r.movie_id, r.score from ratings r join guild_members g on g.user_id = r.user_id where g.guild_id = ?`;

export async function personalStats(em: Em, userId: string, guildId: string | null): Promise<PersonalStats> {
  const dist = await q(em, 'select score, count(*) as n from ratings where user_id = ? group by score', [userId]);
  const distribution = Array.from({ length: 10 }, (_, i) => num(dist.find((r) => num(r.score) === (i + 1) / 2)?.n));
  const [watchedRow] = await q(em, 'select count(*) as n from watched where user_id = ?', [userId]);
  const decades = await q(
    em,
    `select (extract(year from m.release_date)::int / 10) * 10 as decade, count(*) as n
       from movies m where m.release_date is not null and m.id in (
         select movie_id from ratings where user_id = ? union select movie_id from watched where user_id = ?)
      group by 1 order by 1`,
    [userId, userId],
  );
  const genreShare = async (source: string, params: unknown[]) => {
    const rows = await q(
      em,
      `select g->>'name' as name, count(*) as n, sum(count(*)) over () as total
         from (${source}) s join movies m on m.id = s.movie_id, jsonb_array_elements(m.genres::jsonb) g
        group by 1`,
      params,
    );
    return new Map(rows.map((r) => [String(r.name), num(r.n) / Math.max(1, num(r.total))]));
  };
  const mine = await genreShare('select movie_id from ratings where user_id = ?', [userId]);
  const server = guildId ? await genreShare(SERVER_RATINGS, [guildId]) : new Map<string, number>();
  const genres = [...mine.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([label, share]) => ({ label, mine: share, server: server.get(label) ?? 0 }));
  const directors = await q(
    em,
    `select d->>'name' as name, avg(r.score) as mean, count(*) as n
       from ratings r join movies m on m.id = r.movie_id, jsonb_array_elements(m.directors::jsonb) d
      where r.user_id = ? group by 1 having count(*) >= 2 order by mean desc, n desc, name limit 5`,
    [userId],
  );
  return {
    ratings: distribution.reduce((a, b) => a + b, 0),
    watched: num(watchedRow?.n),
    distribution,
    decades: decades.map((r) => ({ label: `${num(r.decade)}s`, value: num(r.n) })),
    genres,
    directors: directors.map((r) => ({ label: String(r.name), value: Math.round(num(r.mean) * 100) / 100 })),
  };
}

export async function serverStats(em: Em, guildId: string): Promise<ServerStats> {
  const [members] = await q(em, 'select count(*) as n from guild_members where guild_id = ?', [guildId]);
  const titled = (rows: Row[], digits = 2) =>
    rows.map((r) => ({ label: String(r.title), value: Math.round(num(r.v) * 10 ** digits) / 10 ** digits }));
  const mostWatched = await q(
    em,
    `select m.title, count(*) as v from watched w join guild_members g on g.user_id = w.user_id join movies m on m.id = w.movie_id
      where g.guild_id = ? group by m.id, m.title order by v desc, m.title limit 5`,
    [guildId],
  );
  const mostLoved = await q(
    em,
    `select m.title, avg(s.score) as v from (${SERVER_RATINGS}) s join movies m on m.id = s.movie_id
      group by m.id, m.title having count(*) >= 2 order by v desc, count(*) desc, m.title limit 5`,
    [guildId],
  );
  const mostDivisive = await q(
    em,
    `select m.title, stddev_pop(s.score) as v from (${SERVER_RATINGS}) s join movies m on m.id = s.movie_id
      group by m.id, m.title having count(*) >= 3 order by v desc, m.title limit 5`,
    [guildId],
  );
  return {
    members: num(members?.n),
    mostWatched: titled(mostWatched, 0),
    mostLoved: titled(mostLoved),
    mostDivisive: titled(mostDivisive),
  };
}
