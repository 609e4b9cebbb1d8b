import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Feedback, GuildMember, Rating, User } from '../../src/entities/index.ts';
import { createRecommendationService } from '../../src/services/recommendation-service.ts';
import { weeklyAudience } from '../../src/services/weekly-run-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const GUILD = '123456789012345678';

describe('one rule for "knows enough for picks"', () => {
  it('when members have 2 or 3 distinct rated/👍 films, then the weekly audience and /recommend agree on each', async () => {
    const em = db.em();
    for (let id = 1; id <= 6; id++) await insertMovie(em, id, `Film ${id}`);
    const people = {
      // Rated and 👍 the same film: two distinct films, not three.
      doubleCounted: [
        ['rate', 1],
        ['up', 1],
        ['rate', 2],
      ],
      three: [
        ['rate', 1],
        ['rate', 2],
        ['up', 3],
      ],
      two: [
        ['rate', 4],
        ['rate', 5],
      ],
    } as const;
    const ids: Record<string, string> = {};
    for (const [name, acts] of Object.entries(people)) {
      const id = snowflake();
      ids[name] = id;
      em.create(User, { id, dmOptIn: true });
      em.create(GuildMember, { guildId: GUILD, user: id });
      for (const [kind, movie] of acts) {
        if (kind === 'rate') em.create(Rating, { user: id, movie, score: 4 });
        else em.create(Feedback, { user: id, movie, kind: 'up', source: 'recommend' });
      }
    }
    await em.flush();
    const svc = createRecommendationService({ orm: db.orm, logger: pino({ level: 'silent' }), buildInWorker: false });
    await svc.start();
    const audience = await weeklyAudience(db.em(), GUILD);
    expect(audience).toEqual([ids.three]);
    for (const id of Object.values(ids)) {
      expect(await svc.needsOnboarding(db.em(), id)).toBe(!audience.includes(id));
    }
    await svc.stop();
  });
});
