import { beforeEach, describe, expect, it } from 'vitest';
import { Feedback, Watched, WatchlistItem } from '../../src/entities/index.ts';
import { toggleFeedback } from '../../src/services/feedback-service.ts';
import { addRating, setRating } from '../../src/services/rating-service.ts';
import { loadUserRows, loadUserRowsMany } from '../../src/services/recommendation-data.ts';
import { addWatched } from '../../src/services/watched-service.ts';
import {
  addManyToWatchlist,
  addToWatchlist,
  isOnWatchlist,
  listWatchlist,
  removeFromWatchlist,
  toggleWatchlist,
  watchlistMovieIds,
} from '../../src/services/watchlist-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const now = new Date('2026-11-24T12:00:00Z');

describe('watchlist', () => {
  let ana: string;
  beforeEach(async () => {
    ana = snowflake();
    await insertMovie(db.em(), 949, 'Heat');
    await insertMovie(db.em(), 603, 'The Matrix', { releaseDate: '1999-03-31' });
    await insertMovie(db.em(), 550, 'Fight Club', { releaseDate: '1999-10-15' });
  });

  it('when a film is added twice, then there is one row and the second add says it was already there', async () => {
    expect(await addToWatchlist(db.em(), ana, 949, { source: 'command' })).toMatchObject({
      title: 'Heat',
      changed: true,
      onList: true,
    });
    expect(await addToWatchlist(db.em(), ana, 949, { source: 'search' })).toMatchObject({ changed: false });
    expect(await db.em().count(WatchlistItem, { user: ana })).toBe(1);
    const [row] = await db.em().find(WatchlistItem, { user: ana });
    expect(row?.source).toBe('command');
  });

  it('when two adds of the same film race, then both succeed and one row is stored', async () => {
    const results = await Promise.all([
      addToWatchlist(db.em(), ana, 603, { source: 'command' }),
      addToWatchlist(db.em(), ana, 603, { source: 'command' }),
    ]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await db.em().count(WatchlistItem, { user: ana })).toBe(1);
  });

  it('when an unknown film is added, then the user is told and nothing is written', async () => {
    await expect(addToWatchlist(db.em(), ana, 424242, { source: 'command' })).rejects.toMatchObject({
      code: 'unknown_movie',
    });
    expect(await db.em().count(WatchlistItem, {})).toBe(0);
  });

  it('when 🔖 is toggled twice, then the film is on and then off the list', async () => {
    expect((await toggleWatchlist(db.em(), ana, 949, { source: 'card' })).onList).toBe(true);
    expect(await isOnWatchlist(db.em(), ana, 949)).toBe(true);
    expect(await toggleWatchlist(db.em(), ana, 949, { source: 'card' })).toMatchObject({
      onList: false,
      changed: true,
    });
    expect(await isOnWatchlist(db.em(), ana, 949)).toBe(false);
    expect((await removeFromWatchlist(db.em(), ana, 949)).changed).toBe(false);
  });

  it('when a watchlisted film is rated, logged or marked Seen it, then it leaves the watchlist', async () => {
    await addManyToWatchlist(db.em(), ana, [949, 603, 550], { source: 'import' });
    await setRating(db.em(), ana, 949, 4);
    expect(await watchlistMovieIds(db.em(), ana)).toEqual([550, 603]);
    await addWatched(db.em(), ana, 603, { now });
    expect(await watchlistMovieIds(db.em(), ana)).toEqual([550]);
    await toggleFeedback(db.em(), { userId: ana, movieId: 550, kind: 'seen', source: 'recommend', now });
    expect(await watchlistMovieIds(db.em(), ana)).toEqual([]);
  });

  it('when a first rating is added with addRating, then the film leaves the watchlist too', async () => {
    await addToWatchlist(db.em(), ana, 949, { source: 'command' });
    await addRating(db.em(), ana, 949, 3);
    expect(await isOnWatchlist(db.em(), ana, 949)).toBe(false);
  });

  it('when Seen it is clicked, then the film is logged as watched today; undoing removes only that log entry', async () => {
    await toggleFeedback(db.em(), { userId: ana, movieId: 949, kind: 'seen', source: 'recommend', now });
    const w = await db.em().findOneOrFail(Watched, { user: ana, movie: 949 });
    expect(w.watchedOn).toBe('2026-11-24');
    await toggleFeedback(db.em(), { userId: ana, movieId: 949, kind: 'seen', source: 'recommend', now });
    expect(await db.em().count(Watched, { user: ana })).toBe(0);
    expect(await db.em().count(Feedback, { user: ana })).toBe(0);

    // A film logged before the click keeps its entry when Seen it is undone.
    await addWatched(db.em(), ana, 603, { date: '2026-01-02', now });
    await toggleFeedback(db.em(), { userId: ana, movieId: 603, kind: 'seen', source: 'recommend', now });
    await toggleFeedback(db.em(), { userId: ana, movieId: 603, kind: 'seen', source: 'recommend', now });
    const kept = await db.em().findOneOrFail(Watched, { user: ana, movie: 603 });
    expect([kept.watchedOn, kept.rewatchCount]).toEqual(['2026-01-02', 0]);
  });

  it('when an import adds many films, then unknown ids are skipped and a repeat adds nothing', async () => {
    expect(await addManyToWatchlist(db.em(), ana, [949, 603, 999999, 949], { source: 'import' })).toBe(2);
    expect(await addManyToWatchlist(db.em(), ana, [949, 603, 550], { source: 'import' })).toBe(1);
    expect(await watchlistMovieIds(db.em(), ana)).toEqual([550, 603, 949]);
  });

  it('when the list is read, then it pages newest first', async () => {
    for (const [id, day] of [
      [949, '2026-01-01'],
      [603, '2026-02-01'],
      [550, '2026-03-01'],
    ] as const) {
      await addManyToWatchlist(db.em(), ana, [id], { source: 'import', addedAt: new Date(`${day}T00:00:00Z`) });
    }
    const page1 = await listWatchlist(db.em(), ana, { pageSize: 2 });
    expect(page1.items.map((w) => w.title)).toEqual(['Fight Club', 'The Matrix']);
    expect(page1).toMatchObject({ total: 3, pages: 2, page: 1 });
    const page2 = await listWatchlist(db.em(), ana, { page: 2, pageSize: 2 });
    expect(page2.items.map((w) => w.title)).toEqual(['Heat']);
  });

  it('when the recommender reads a user, then watchlisted films are among the rows it excludes', async () => {
    await addToWatchlist(db.em(), ana, 603, { source: 'command' });
    expect([...(await loadUserRows(db.em(), ana)).watchlist]).toEqual([603]);
    expect([...((await loadUserRowsMany(db.em(), [ana])).get(ana)?.watchlist ?? [])]).toEqual([603]);
  });
});
