import { beforeEach, describe, expect, it } from 'vitest';
import { GuildMember } from '../../src/entities/index.ts';
import { COMPARE_SHRINK, compareTaste, shrunkMatch } from '../../src/services/compare-service.ts';
import { setProfileVisibility } from '../../src/services/privacy-service.ts';
import { setRating } from '../../src/services/rating-service.ts';
import { ensureUser } from '../../src/services/user-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertMovie, snowflake } from '../support/factories.ts';

const db = useTestDatabase();
const GUILD = '900000000000000001';

describe('compare', () => {
  let sam: string;
  let ana: string;
  beforeEach(async () => {
    sam = snowflake();
    ana = snowflake();
    for (const [id, title] of [
      [949, 'Heat'],
      [603, 'The Matrix'],
      [550, 'Fight Club'],
      [13, 'Forrest Gump'],
    ] as const)
      await insertMovie(db.em(), id, title);
    const em = db.em();
    for (const u of [sam, ana]) {
      const user = await ensureUser(em, u);
      em.create(GuildMember, { guildId: GUILD, user });
    }
    await em.flush();
  });

  it.each([
    [3, 0, 69],
    [20, 0, 90],
    [1000, 0, 100],
    [0, 0, 50],
    [10, 4.5, 17],
  ])('when %i films are in common with a mean gap of %f★, then the match is %i', (n, gap, match) => {
    expect(shrunkMatch(n, gap)).toBe(match);
  });

  it('when only three films are in common, even rated identically, then the match is far from 100', () => {
    expect(shrunkMatch(3, 0)).toBeLessThan(75);
    expect(COMPARE_SHRINK).toBeGreaterThan(0);
  });

  it('when two members rated films, then agreements and disagreements are listed from their ratings', async () => {
    for (const [m, a, b] of [
      [949, 5, 5],
      [603, 4, 4.5],
      [550, 5, 1],
      [13, 2, 4.5],
    ] as const) {
      await setRating(db.em(), sam, m, a);
      await setRating(db.em(), ana, m, b);
    }
    const c = await compareTaste(db.em(), sam, ana, GUILD);
    expect(c.common).toBe(4);
    expect(c.match).toBe(shrunkMatch(4, (0 + 0.5 + 4 + 2.5) / 4));
    expect(c.agree.map((f) => f.title)).toEqual(['Heat', 'The Matrix', 'Forrest Gump']);
    expect(c.disagree.map((f) => [f.title, f.mine, f.theirs])).toEqual([
      ['Fight Club', 5, 1],
      ['Forrest Gump', 2, 4.5],
    ]);
  });

  it('when the other person is private, or not in this server, then their taste is not shown', async () => {
    await setProfileVisibility(db.em(), ana, 'private');
    await expect(compareTaste(db.em(), sam, ana, GUILD)).rejects.toMatchObject({ code: 'forbidden' });
    await setProfileVisibility(db.em(), ana, 'server');
    await expect(compareTaste(db.em(), sam, ana, '900000000000000002')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(compareTaste(db.em(), sam, ana, GUILD)).resolves.toMatchObject({ common: 0, match: 50 });
  });

  it('when someone compares with an imported user or themselves, then they are told kindly', async () => {
    await ensureUser(db.em(), 'ml:42', { kind: 'imported' });
    await expect(compareTaste(db.em(), sam, 'ml:42', GUILD)).rejects.toMatchObject({ code: 'not_found' });
    await expect(compareTaste(db.em(), sam, sam, GUILD)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
