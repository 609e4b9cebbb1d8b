// Small builders for rows tests need. Ids look like real snowflakes / TMDB ids.
import type { Em } from '../../src/db.ts';
import { Movie } from '../../src/entities/index.ts';

let nextSnowflake = 100000000000000000n;
export function snowflake(): string {
  nextSnowflake += 1n;
  return String(nextSnowflake);
}

export async function insertMovie(em: Em, id: number, title: string, extra: Partial<Movie> = {}): Promise<Movie> {
  const movie = em.create(Movie, { id, title, releaseDate: '1995-12-15', ...extra });
  await em.flush();
  return movie;
}
