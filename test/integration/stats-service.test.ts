import { describe, expect, it } from 'vitest';
import { GuildMember } from '../../src/entities/index.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { personalStats, serverStats } from '../../src/services/stats-service.ts';
import { ensureUser } from '../../src/services/user-service.ts';
import { addWatched } from '../../src/services/watched-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const GUILD = '900000000000000001';
const now = new Date('2026-11-30T12:00:00Z');
const mann = [{ id: 1, name: 'Michael Mann' }];

async function member(userId: string) {
  const em = db.em();
  em.create(GuildMember, { guildId: GUILD, user: await ensureUser(em, userId) });
  await em.flush();
}

describe('stats', () => {
  it('when people rate and watch, then personal and server stats count them', async () => {
    await insertMovie(db.em(), 949, 'Heat', {
      releaseDate: '1995-12-15',
      genres: [{ id: 80, name: 'Crime' }],
      directors: mann,
    });
    await insertMovie(db.em(), 2, 'Collateral', {
      releaseDate: '2004-08-05',
      genres: [
        { id: 80, name: 'Crime' },
        { id: 18, name: 'Drama' },
      ],
      directors: mann,
    });
    await insertMovie(db.em(), 3, 'Alien', { releaseDate: '1979-05-25', genres: [{ id: 27, name: 'Horror' }] });
    const [a, b, c] = [snowflake(), snowflake(), snowflake()];
    for (const u of [a, b, c]) await member(u);
    await setRating(db.em(), a, 949, 5);
    await setRating(db.em(), a, 2, 4);
    await setRating(db.em(), a, 3, 2.5);
    await addWatched(db.em(), a, 949, { date: '2024-01-01', now });
    await setRating(db.em(), b, 949, 1);
    await setRating(db.em(), c, 949, 4.5);
    await setRating(db.em(), b, 3, 3);
    await addWatched(db.em(), b, 949, { date: '2024-01-01', now });

    const mine = await personalStats(db.em(), a, GUILD);
    expect(mine.ratings).toBe(3);
    expect(mine.watched).toBe(1);
    expect(mine.distribution).toEqual([0, 0, 0, 0, 1, 0, 0, 1, 0, 1]);
    expect(mine.decades).toEqual([
      { label: '1970s', value: 1 },
      { label: '1990s', value: 1 },
      { label: '2000s', value: 1 },
    ]);
    expect(mine.genres[0]).toMatchObject({ label: 'Crime', mine: 0.5 });
    expect(mine.directors).toEqual([{ label: 'Michael Mann', value: 4.5 }]);

    const server = await serverStats(db.em(), GUILD);
    expect(server.members).toBe(3);
    expect(server.mostWatched[0]).toEqual({ label: 'Heat', value: 2 });
    expect(server.mostLoved.map((x) => x.label)).toEqual(['Heat', 'Alien']);
    expect(server.mostDivisive).toEqual([{ label: 'Heat', value: expect.closeTo(1.78, 2) }]);
  });
});
