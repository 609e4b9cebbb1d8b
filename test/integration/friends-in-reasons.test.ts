// Issue 13 part 4: a pick driven by taste neighbours who are members of this server names them, when they allow it.
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { reasonText } from '../../src/bot/reason-text.ts';
import type { Em } from '../../src/db.ts';
import { GuildMember, Rating, User } from '../../src/entities/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { setRating } from '../../src/services/rating-service.ts';
import {
  createRecommendationService,
  type PickView,
  type RecommendationService,
} from '../../src/services/recommendation-service.ts';
import { ensureUser } from '../../src/services/user-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const logger = pino({ level: 'silent' });
const en = translator('en-US');
const GUILD = '910000000000000001';
const CRIME = [101, 102, 103, 104, 105, 106];
const FAMILY = [201, 202, 203, 204, 205, 206];

async function person(em: Em, name: string, kind: 'discord' | 'synthetic' | 'imported', visibility: string) {
  const id = kind === 'imported' ? `ml:${name}` : snowflake();
  em.create(User, {
    id,
    kind,
    displayName: name,
    profileVisibility: visibility as 'public' | 'server' | 'private',
  });
  if (kind !== 'imported') em.create(GuildMember, { guildId: GUILD, user: id });
  await em.flush();
  return id;
}

async function rateAll(em: Em, userId: string, films: number[], stars: number) {
  for (const m of films) em.create(Rating, { user: userId, movie: m, score: stars });
  await em.flush();
}

describe('friends named in reasons', () => {
  let svc: RecommendationService;
  let viewer: string;

  beforeEach(async () => {
    const em = db.em();
    for (const id of [...CRIME, ...FAMILY]) {
      await insertMovie(em, id, `Film ${id}`, { genres: [{ id: 1, name: id < 200 ? 'Crime' : 'Family' }] });
    }
    // In this server: two Discord friends who allow it, one who does not, and a synthetic member; all love crime.
    // Outside it: imported people of both tastes.
    await rateAll(em, await person(em, 'Sam', 'discord', 'server'), CRIME, 5);
    await rateAll(em, await person(em, 'Ana', 'discord', 'public'), CRIME, 4.5);
    await rateAll(em, await person(em, 'Zoe', 'discord', 'private'), CRIME, 5);
    await rateAll(em, await person(em, 'Synthia', 'synthetic', 'public'), CRIME, 5);
    await rateAll(em, await person(em, 'crime1', 'imported', 'public'), CRIME.slice(0, 4), 4);
    for (let k = 0; k < 4; k++) await rateAll(em, await person(em, `family${k}`, 'imported', 'public'), FAMILY, 4.5);
    viewer = snowflake();
    em.create(GuildMember, { guildId: GUILD, user: await ensureUser(em, viewer, { displayName: 'Viewer' }) });
    await em.flush();
    svc = createRecommendationService({ orm: db.orm, logger, buildInWorker: false });
  });

  async function picksFor(guildId: string | null): Promise<PickView[]> {
    for (const m of [101, 102, 103]) await setRating(db.em(), viewer, m, 5);
    await svc.start();
    const res = await svc.recommend(db.em(), viewer, { context: 'recommend', count: 3, guildId });
    expect(res.kind).toBe('picks');
    return res.kind === 'picks' ? res.picks : [];
  }

  it('when server members drive a pick, then it names those who allow it, never private, synthetic or imported people', async () => {
    const picks = await picksFor(GUILD);
    const friends = picks.filter((p) => p.reason.kind === 'friends');
    expect(friends.length).toBeGreaterThan(0);
    for (const p of friends) {
      if (p.reason.kind !== 'friends') continue;
      const names = p.reason.named.map((n) => n.name);
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(['Sam', 'Ana']).toContain(n);
      expect(reasonText(en, p.reason)).toMatch(/^(Sam|Ana)( and (Sam|Ana))?, who shares? your taste, gave it/);
    }
    const text = picks.map((p) => reasonText(en, p.reason)).join('\n');
    for (const hidden of ['Zoe', 'Synthia', 'crime1']) expect(text).not.toContain(hidden);
  });

  it('when Sam makes his profile private, then he is no longer named', async () => {
    const em = db.em();
    const sam = await em.findOneOrFail(User, { displayName: 'Sam' });
    sam.profileVisibility = 'private';
    await em.flush();
    const text = (await picksFor(GUILD)).map((p) => reasonText(en, p.reason)).join('\n');
    expect(text).not.toContain('Sam');
  });

  it('when the picks are asked for outside a server, then nobody is named', async () => {
    const picks = await picksFor(null);
    expect(picks.some((p) => p.reason.kind === 'friends')).toBe(false);
    expect(picks.map((p) => reasonText(en, p.reason)).join('\n')).not.toMatch(/Sam|Ana/);
  });
});
