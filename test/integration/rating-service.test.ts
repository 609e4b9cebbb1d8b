import { CheckConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { Rating, User } from '../../src/entities/index.ts';
import { UserFacingError } from '../../src/errors.ts';
import { addRating, getRating, listRatings, removeRating, setRating } from '../../src/services/rating-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const HEAT = 949;
const ALIEN = 348;

describe('ratings', () => {
  let alice: string;
  beforeEach(async () => {
    alice = snowflake();
    const em = db.em();
    await insertMovie(em, HEAT, 'Heat');
    await insertMovie(em, ALIEN, 'Alien', { releaseDate: '1979-05-25' });
  });

  it('when a new user rates a film, then the user row is created lazily and old → new is reported', async () => {
    const first = await setRating(db.em(), alice, HEAT, 4.5);
    expect(first).toEqual({ movieId: HEAT, title: 'Heat', previous: null, current: 4.5 });
    expect(await db.em().count(User, { id: alice })).toBe(1);
    const second = await setRating(db.em(), alice, HEAT, 3);
    expect(second.previous).toBe(4.5);
    expect(second.current).toBe(3);
    expect(await getRating(db.em(), alice, HEAT)).toBe(3);
    expect(await db.em().count(Rating, { user: alice })).toBe(1);
  });

  it('when two updates of the same rating race, then both succeed and one row remains', async () => {
    await Promise.all([setRating(db.em(), alice, HEAT, 2), setRating(db.em(), alice, HEAT, 4)]);
    expect(await db.em().count(Rating, { user: alice, movie: HEAT })).toBe(1);
    expect([2, 4]).toContain(await getRating(db.em(), alice, HEAT));
  });

  describe('a duplicate rating', () => {
    it('when inserted directly, then the database UNIQUE constraint rejects it', async () => {
      await setRating(db.em(), alice, HEAT, 4);
      const em = db.em();
      em.create(Rating, { user: alice, movie: HEAT, score: 2 });
      await expect(em.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    });

    it('when added through the service, then it is refused with a clear message', async () => {
      await addRating(db.em(), alice, HEAT, 4);
      const err = await addRating(db.em(), alice, HEAT, 2).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserFacingError);
      expect(err).toMatchObject({ code: 'duplicate', message: 'You have already rated Heat. Use /rate to change it.' });
      expect(await getRating(db.em(), alice, HEAT)).toBe(4);
    });
  });

  describe.each([6, 0.3, 2.25])('a rating of %s stars', (stars) => {
    it('when inserted directly, then the database CHECK constraint rejects it', async () => {
      const em = db.em();
      em.create(User, { id: alice });
      em.create(Rating, { user: alice, movie: HEAT, score: stars });
      await expect(em.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);
    });

    it('when given to the service, then it is refused with a clear message and nothing is written', async () => {
      const err = await setRating(db.em(), alice, HEAT, stars).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserFacingError);
      expect((err as UserFacingError).code).toBe('invalid_input');
      expect((err as Error).message).toMatch(/0.5 to 5 stars in half steps/);
      expect(await db.em().count(Rating, {})).toBe(0);
    });
  });

  it('when the film is unknown, then the user is told and nothing is written', async () => {
    await expect(setRating(db.em(), alice, 999999, 4)).rejects.toMatchObject({ code: 'unknown_movie' });
    expect(await db.em().count(User, {})).toBe(0);
  });

  it('when a rating is removed, then its old score is returned and it is gone', async () => {
    await setRating(db.em(), alice, HEAT, 4);
    expect(await removeRating(db.em(), alice, HEAT)).toBe(4);
    expect(await removeRating(db.em(), alice, HEAT)).toBeNull();
    expect(await getRating(db.em(), alice, HEAT)).toBeNull();
  });

  it('when ratings are listed, then they come newest first, paginated', async () => {
    await setRating(db.em(), alice, HEAT, 4);
    await new Promise((r) => setTimeout(r, 5));
    await setRating(db.em(), alice, ALIEN, 5);
    const page1 = await listRatings(db.em(), alice, { pageSize: 1 });
    expect(page1).toMatchObject({ total: 2, page: 1, pages: 2 });
    expect(page1.items.map((r) => r.title)).toEqual(['Alien']);
    const page2 = await listRatings(db.em(), alice, { page: 2, pageSize: 1 });
    expect(page2.items.map((r) => [r.title, r.score])).toEqual([['Heat', 4]]);
  });
});
