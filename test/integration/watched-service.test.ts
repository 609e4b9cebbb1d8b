import { beforeEach, describe, expect, it } from 'vitest';
import { Watched } from '../../src/entities/index.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { addWatched, listWatched, removeWatched } from '../../src/services/watched-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const now = new Date('2026-11-24T12:00:00Z');

describe('watched', () => {
  let bob: string;
  beforeEach(async () => {
    bob = snowflake();
    await insertMovie(db.em(), 949, 'Heat');
    await insertMovie(db.em(), 603, 'The Matrix', { releaseDate: '1999-03-31' });
  });

  it('when a film is logged twice, then the second is a rewatch on one row', async () => {
    const first = await addWatched(db.em(), bob, 949, { date: '2026-01-02', now });
    expect(first).toMatchObject({ firstTime: true, rewatchCount: 0, watchedOn: '2026-01-02' });
    const again = await addWatched(db.em(), bob, 949, { now });
    expect(again).toMatchObject({ firstTime: false, rewatchCount: 1, watchedOn: '2026-11-24' });
    expect(await db.em().count(Watched, { user: bob })).toBe(1);
  });

  it('when a date is in the future, then it is refused and nothing is written', async () => {
    await expect(addWatched(db.em(), bob, 949, { date: '2027-01-01', now })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await db.em().count(Watched, {})).toBe(0);
  });

  it('when the date is before the film came out, then it is refused, says the release date, and nothing is written', async () => {
    await expect(addWatched(db.em(), bob, 603, { date: '1999-03-30', now })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('came out on 1999-03-31'),
    });
    await expect(addWatched(db.em(), bob, 603, { date: '1999-03-31', now })).resolves.toMatchObject({
      watchedOn: '1999-03-31',
    });
  });

  it('when a film is not out yet, then logging it today is refused', async () => {
    await insertMovie(db.em(), 1_000_001, 'Next Year', { releaseDate: '2027-06-01' });
    await expect(addWatched(db.em(), bob, 1_000_001, { now })).rejects.toMatchObject({
      message: expect.stringContaining('comes out on 2027-06-01'),
    });
    expect(await db.em().count(Watched, { movie: 1_000_001 })).toBe(0);
  });

  it('when the list is read, then it pages newest first and shows my stars', async () => {
    await addWatched(db.em(), bob, 949, { date: '2025-05-01', now });
    await addWatched(db.em(), bob, 603, { date: '2026-05-01', now });
    await setRating(db.em(), bob, 949, 4.5);
    const page = await listWatched(db.em(), bob, { pageSize: 10 });
    expect(page.items.map((w) => [w.title, w.stars])).toEqual([
      ['The Matrix', null],
      ['Heat', 4.5],
    ]);
    expect(page).toMatchObject({ total: 2, pages: 1 });
  });

  it('when an entry is removed, then it is gone and a second removal says so', async () => {
    await addWatched(db.em(), bob, 949, { now });
    expect(await removeWatched(db.em(), bob, 949)).toBe(true);
    expect(await removeWatched(db.em(), bob, 949)).toBe(false);
  });
});
