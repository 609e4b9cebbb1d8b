import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Em } from '../../src/db.ts';
import { MovieNightVote, Rating, User, Watched } from '../../src/entities/index.ts';
import { UserFacingError } from '../../src/errors.ts';
import { createMovieNightService, type MovieNightService, pickWinner } from '../../src/services/movie-night-service.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { createRecommendationService } from '../../src/services/recommendation-service.ts';
import { tasteVersions } from '../../src/services/recommendation-taste.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const logger = pino({ level: 'silent' });
const GUILD = '123456789012345678';
const CHANNEL = '223456789012345678';
const CRIME = [101, 102, 103, 104, 105, 106, 107];
const FAMILY = [201, 202, 203, 204, 205, 206, 207];
const named = (xs: string[]) => xs.map((name, id) => ({ id: id + 1, name }));

async function seedCatalogue(em: Em) {
  for (const [k, id] of CRIME.entries()) {
    await insertMovie(em, id, k === 0 ? 'Heat' : `Crime ${id}`, {
      releaseDate: `${1990 + k}-01-01`,
      runtime: 100 + k * 10,
      genres: named(['Crime', 'Thriller']),
      directors: [{ id: 1, name: 'Michael Mann' }],
    });
  }
  for (const [k, id] of FAMILY.entries()) {
    await insertMovie(em, id, `Family ${id}`, { runtime: 85 + k, genres: named(['Animation', 'Family']) });
  }
  for (let u = 0; u < 8; u++) {
    const id = `ml:${u + 1}`;
    em.create(User, { id, kind: 'imported' });
    for (const m of u % 2 === 0 ? CRIME : FAMILY) em.create(Rating, { user: id, movie: m, score: 4.5 });
    await em.flush();
  }
}

describe('movie night service', () => {
  let now: Date;
  let svc: MovieNightService;
  let ana: string;
  let sam: string;
  let kim: string;

  beforeEach(async () => {
    now = new Date('2026-12-04T17:00:00Z');
    await seedCatalogue(db.em());
    const recommendations = createRecommendationService({ orm: db.orm, logger, buildInWorker: false });
    await recommendations.start();
    svc = createMovieNightService({
      recommendations: { recommendForGroup: recommendations.recommendForGroup },
      clock: () => now,
      leaseMs: 60_000,
    });
    [ana, sam, kim] = [snowflake(), snowflake(), snowflake()];
    await setRating(db.em(), ana, 101, 5);
    await setRating(db.em(), sam, 102, 4.5);
    await setRating(db.em(), kim, 201, 4);
  });

  const start = (extra: Partial<Parameters<MovieNightService['start']>[1]> = {}) =>
    svc.start(db.em(), {
      guildId: GUILD,
      channelId: CHANNEL,
      hostId: ana,
      startsAt: new Date('2026-12-05T20:00:00Z'),
      timeZone: 'Europe/London',
      named: [sam],
      candidateCount: 4,
      joinMinutes: 10,
      pollHours: 2,
      ...extra,
    });

  it('when a night starts, then the host and the named members take part and others can join or drop out', async () => {
    const night = await start();
    expect(night.status).toBe('gathering');
    expect(night.joinClosesAt.toISOString()).toBe('2026-12-04T17:10:00.000Z');
    const after = await svc.join(db.em(), night.id, kim);
    expect(after.map((p) => [p.userId, p.source, p.out])).toEqual([
      [ana, 'named', false],
      [sam, 'named', false],
      [kim, 'joined', false],
    ]);
    const left = await svc.leave(db.em(), night.id, sam);
    expect(left.find((p) => p.userId === sam)?.out).toBe(true);
  });

  it('when an imported or synthetic user is named, then they never take part', async () => {
    const night = await start({ named: [sam, 'ml:1'] });
    expect((await svc.participants(db.em(), night.id)).map((p) => p.userId)).toEqual([ana, sam]);
  });

  it('when the input is out of range, then the host gets a clear message and nothing is stored', async () => {
    await expect(start({ candidateCount: 11 })).rejects.toThrow(/between 3 and 10/);
    await expect(start({ startsAt: new Date('2026-12-04T16:00:00Z') })).rejects.toThrow(/already passed/);
    await expect(start({ pollHours: 769 })).rejects.toThrow(/768 hours/);
    expect(await svc.active(db.em(), GUILD)).toBeNull();
  });

  it('when a second night is started while one is being planned, then it is refused', async () => {
    await start();
    await expect(start()).rejects.toBeInstanceOf(UserFacingError);
  });

  it('when joining has closed, then "I\'m in" says so', async () => {
    const night = await start();
    now = new Date('2026-12-04T17:10:00Z');
    await expect(svc.join(db.em(), night.id, kim)).rejects.toThrow(/Joining has closed/);
  });

  it('when the shortlist is built, then nobody has seen any candidate, each has a group reason, and it happens once', async () => {
    const night = await start();
    await svc.join(db.em(), night.id, kim);
    now = new Date('2026-12-04T17:10:00Z');
    expect(await svc.due(db.em())).toEqual([{ nightId: night.id, step: 'shortlist' }]);
    const [first, second] = await Promise.all([
      svc.buildShortlist(db.em(), night.id),
      svc.buildShortlist(db.em(), night.id),
    ]);
    const list = first ?? second!;
    expect([first, second].filter((x) => x === null)).toHaveLength(1);
    expect(list.map((c) => c.answerId)).toEqual([1, 2, 3, 4]);
    const ids = list.map((c) => c.movieId);
    for (const seen of [101, 102, 201]) expect(ids).not.toContain(seen);
    for (const c of list) expect(c.reasons[0]).toMatchObject({ kind: 'fit', of: 3 });
    const withDirector = list.find((c) => c.reasons.some((r) => r.kind === 'director'));
    expect(withDirector?.reasons).toContainEqual(
      expect.objectContaining({ kind: 'director', name: 'Michael Mann', userIds: [ana, sam] }),
    );
    expect((await svc.get(db.em(), night.id)).status).toBe('polling');
  });

  async function polling(extra: Partial<Parameters<MovieNightService['start']>[1]> = {}) {
    const night = await start(extra);
    await svc.join(db.em(), night.id, kim);
    now = new Date('2026-12-04T17:10:00Z');
    const list = (await svc.buildShortlist(db.em(), night.id))!;
    expect(await svc.claim(db.em(), night.id, 'poll')).toBe(true);
    expect(await svc.claim(db.em(), night.id, 'poll')).toBe(false);
    await svc.recordPoll(db.em(), night.id, '923456789012345678', new Date('2026-12-04T19:10:00Z'));
    return { night, list };
  }

  it('when votes come and go, then the winner has the most votes and a poll that ended is decided once', async () => {
    const { night, list } = await polling();
    const msg = '923456789012345678';
    expect(await svc.recordVote(db.em(), msg, ana, 2, true)).toBe(true);
    await svc.recordVote(db.em(), msg, sam, 2, true);
    await svc.recordVote(db.em(), msg, kim, 1, true);
    await svc.recordVote(db.em(), msg, kim, 1, true); // a duplicate event changes nothing
    await svc.recordVote(db.em(), msg, sam, 2, false);
    await svc.recordVote(db.em(), msg, sam, 3, true);
    expect(await svc.recordVote(db.em(), '111111111111111111', sam, 1, true)).toBe(false);
    expect(await db.em().count(MovieNightVote, { night: night.id })).toBe(3);
    // a tie (1 vote each on 1, 2, 3) goes to the best group score: the first answer
    now = new Date('2026-12-04T19:10:00Z');
    expect(await svc.due(db.em())).toEqual([{ nightId: night.id, step: 'decide' }]);
    const results = await Promise.all([
      svc.decide(db.em(), night.id, 'poll_expired'),
      svc.decide(db.em(), night.id, 'ended'),
    ]);
    expect(results.filter((r) => r?.first)).toHaveLength(1);
    expect(results[0]!.winner.movieId).toBe(list[0]!.movieId);
    expect(results[1]!.winner.movieId).toBe(list[0]!.movieId);
    const decided = await svc.get(db.em(), night.id);
    expect(decided.status).toBe('decided');
    // whichever of the two got the row lock first decided it
    expect(decided.decidedBy).toBe(results[0]!.first ? 'poll_expired' : 'ended');
  });

  it("when the bot restarts, then votes are reconciled from the poll's answer voters", async () => {
    const { night, list } = await polling();
    await svc.recordVote(db.em(), '923456789012345678', ana, 1, true);
    await svc.reconcileVotes(
      db.em(),
      night.id,
      new Map([
        [3, [ana, sam]],
        [4, [kim]],
      ]),
    );
    const r = await svc.decide(db.em(), night.id, 'ended');
    expect(r?.winner.movieId).toBe(list[2]!.movieId);
    expect(r?.winner.votes).toBe(2);
  });

  it('when two processes try to announce, then only one claim wins until its lease runs out', async () => {
    const { night } = await polling();
    await svc.decide(db.em(), night.id, 'ended');
    expect(await svc.due(db.em())).toEqual([{ nightId: night.id, step: 'announce' }]);
    const claims = await Promise.all([
      svc.claim(db.em(), night.id, 'announce'),
      svc.claim(db.em(), night.id, 'announce'),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    now = new Date(now.getTime() + 61_000);
    expect(await svc.claim(db.em(), night.id, 'announce')).toBe(true);
    await svc.markAnnounced(db.em(), night.id, '933456789012345678');
    now = new Date(now.getTime() + 61_000);
    expect(await svc.claim(db.em(), night.id, 'announce')).toBe(false);
  });

  it('when the screening is over, then attendees rate it: ratings and watched are stored and the night gets a group score', async () => {
    const { night } = await polling();
    const r = (await svc.decide(db.em(), night.id, 'ended'))!;
    await svc.markAnnounced(db.em(), night.id, '933456789012345678');
    await svc.recordEvent(db.em(), night.id, { problem: 'no Manage Events permission' });
    expect(await svc.markAttended(db.em(), night.id, ana, 'voice')).toBe(true);
    expect(await svc.markAttended(db.em(), night.id, kim, 'button')).toBe(true);
    now = new Date('2026-12-05T23:00:00Z');
    expect(await svc.due(db.em())).toEqual([{ nightId: night.id, step: 'prompt' }]);
    expect(await svc.attendees(db.em(), night.id)).toEqual([ana, kim]);
    await svc.markPrompted(db.em(), night.id);
    const before = await tasteVersions(db.em(), [ana, kim]);
    await svc.rate(db.em(), night.id, ana, 5);
    const res = await svc.rate(db.em(), night.id, kim, 3);
    await svc.rate(db.em(), night.id, kim, 4); // changing one's mind is not a second viewing
    expect(res.groupScore).toBe(4);
    const watched = await db.em().find(Watched, { movie: r.winner.movieId });
    expect(watched.map((w) => [w.user.id, w.watchedOn, w.rewatchCount]).sort()).toEqual(
      [
        [ana, '2026-12-05', 0],
        [kim, '2026-12-05', 0],
      ].sort(),
    );
    expect(await db.em().count(Rating, { movie: r.winner.movieId, user: { $in: [ana, kim] } })).toBe(2);
    // The rating service notes the taste change itself (users.taste_version), so every process sees it.
    const after = await tasteVersions(db.em(), [ana, kim]);
    expect(after.get(ana)!).toBeGreaterThan(before.get(ana)!);
    expect(after.get(kim)!).toBeGreaterThan(before.get(kim)!);
    const [h] = await svc.history(db.em(), GUILD);
    expect(h).toMatchObject({ nightId: night.id, movieId: r.winner.movieId, attendees: [ana, kim], groupScore: 4.5 });
    await expect(svc.rate(db.em(), night.id, snowflake(), 4)).rejects.toThrow(/Only people who were/);
  });

  it('when someone comes into the voice channel during the screening, then they attended; before or after, or elsewhere, not', async () => {
    const VOICE = '323456789012345678';
    const { night } = await polling({ voiceChannelId: VOICE });
    const r = (await svc.decide(db.em(), night.id, 'ended'))!;
    const runtime = (
      await db
        .em()
        .getConnection()
        .execute<{ runtime: number }[]>('select runtime from movies where id = ?', [r.winner.movieId])
    )[0]!.runtime;
    const [early, during, elsewhere, late] = [snowflake(), snowflake(), snowflake(), snowflake()];
    now = new Date('2026-12-05T19:59:00Z');
    expect(await svc.joinedVoice(db.em(), GUILD, VOICE, early)).toEqual([]);
    now = new Date('2026-12-05T20:30:00Z');
    expect(await svc.joinedVoice(db.em(), GUILD, VOICE, during)).toEqual([night.id]);
    expect(await svc.joinedVoice(db.em(), GUILD, '423456789012345678', elsewhere)).toEqual([]);
    expect(await svc.joinedVoice(db.em(), '999456789012345678', VOICE, elsewhere)).toEqual([]);
    now = new Date(Date.parse('2026-12-05T20:00:00Z') + (runtime + 1) * 60_000);
    expect(await svc.joinedVoice(db.em(), GUILD, VOICE, late)).toEqual([]);
    expect(await svc.attendees(db.em(), night.id)).toEqual([during]);
  });

  it('when a night is cancelled, then nothing more is due for it and it cannot be claimed', async () => {
    const { night } = await polling();
    await svc.cancel(db.em(), night.id);
    now = new Date('2026-12-06T00:00:00Z');
    expect(await svc.due(db.em())).toEqual([]);
    expect(await svc.claim(db.em(), night.id, 'event')).toBe(false);
    expect(await svc.active(db.em(), GUILD)).toBeNull();
  });
});

describe('pickWinner', () => {
  it('when votes tie, then the better group score wins, then the earlier answer', () => {
    expect(
      pickWinner([
        { answerId: 1, groupScore: 0.5, votes: 2 },
        { answerId: 2, groupScore: 0.9, votes: 2 },
        { answerId: 3, groupScore: 2, votes: 1 },
      ]),
    ).toBe(2);
    expect(
      pickWinner([
        { answerId: 1, groupScore: 0.5, votes: 0 },
        { answerId: 2, groupScore: 0.5, votes: 0 },
      ]),
    ).toBe(1);
  });
});
