// `--dry-run --out DIR`: the community as MovieLens-format CSVs (ratings.csv, movies.csv, links.csv), which the
// recommender benchmarks read exactly like ml-latest-small. users.csv maps MovieLens user ids to the snowflakes.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { csvField } from '../../data/csv.ts';
import { yearOf } from '../../release-year.ts';
import { titleWithYear } from '../../title-key.ts';
import type { SeedMovie } from './catalogue.ts';
import type { CommunityChunk } from './generator.ts';
import type { SeedProgress } from './store.ts';

export { csvField };

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function close(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

export interface MovieLensExportResult {
  readonly users: number;
  readonly ratings: number;
  readonly movies: number;
  readonly files: readonly string[];
}

/**
 * Writes the CSVs. MovieLens ids are dense: movieId is the film's 1-based position in id order, userId the user's
 * index + 1; links.csv maps movieId to the TMDB id (and IMDb id without its `tt`, when known).
 */
export async function writeMovieLensCsv(
  dir: string,
  movies: readonly SeedMovie[],
  chunks: Iterable<CommunityChunk>,
  opts: { usersTotal?: number; clock?: () => number; onProgress?: (p: SeedProgress) => void } = {},
): Promise<MovieLensExportResult> {
  await mkdir(dir, { recursive: true });
  const sorted = [...movies].sort((a, b) => a.id - b.id);
  const mlId = new Map<number, number>(sorted.map((m, i) => [m.id, i + 1]));
  const files = ['movies.csv', 'links.csv', 'ratings.csv', 'users.csv'].map((f) => join(dir, f));

  const moviesOut = createWriteStream(files[0] as string);
  const linksOut = createWriteStream(files[1] as string);
  await write(moviesOut, 'movieId,title,genres\n');
  await write(linksOut, 'movieId,imdbId,tmdbId\n');
  for (const [i, m] of sorted.entries()) {
    const title = titleWithYear(m.title, yearOf(m.releaseDate));
    const genres = m.genres.length > 0 ? m.genres.join('|') : '(no genres listed)';
    await write(moviesOut, `${i + 1},${csvField(title)},${csvField(genres)}\n`);
    await write(linksOut, `${i + 1},${m.imdbId ? m.imdbId.replace(/^tt/, '') : ''},${m.id}\n`);
  }
  await Promise.all([close(moviesOut), close(linksOut)]);

  const clock = opts.clock ?? (() => performance.now());
  const started = clock();
  const ratingsOut = createWriteStream(files[2] as string);
  const usersOut = createWriteStream(files[3] as string);
  await write(ratingsOut, 'userId,movieId,rating,timestamp\n');
  await write(usersOut, 'userId,discordId,displayName\n');
  let users = 0;
  let ratings = 0;
  for (const chunk of chunks) {
    const lines: string[] = [];
    const userLines: string[] = [];
    for (let u = 0; u < chunk.users.length; u++) {
      const user = chunk.users[u];
      if (!user) continue;
      userLines.push(`${user.index + 1},${user.id},${csvField(user.displayName)}\n`);
      for (let i = chunk.offsets[u] as number; i < (chunk.offsets[u + 1] as number); i++) {
        const h = chunk.halfStars[i] as number;
        lines.push(
          `${user.index + 1},${mlId.get(chunk.movieIds[i] as number)},${(h / 2).toFixed(1)},${chunk.ratedAt[i]}\n`,
        );
      }
    }
    await write(ratingsOut, lines.join(''));
    await write(usersOut, userLines.join(''));
    users += chunk.users.length;
    ratings += chunk.count;
    opts.onProgress?.({
      usersDone: users,
      usersTotal: opts.usersTotal ?? users,
      rowsDone: ratings,
      elapsedMs: clock() - started,
    });
  }
  await Promise.all([close(ratingsOut), close(usersOut)]);
  return { users, ratings, movies: sorted.length, files };
}
