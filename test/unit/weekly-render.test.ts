import { DiscordAPIError } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import { CustomIds } from '../../src/bot/custom-id.ts';
import { renderWeeklyDigest, renderWeeklyDm } from '../../src/bot/weekly-render.ts';
import { classifySendError } from '../../src/bot/weekly-sender.ts';
import { translator } from '../../src/i18n/index.ts';
import { SendError } from '../../src/services/delivery-outbox-service.ts';
import type { DmPayload, WeeklyPick } from '../../src/services/weekly-run-service.ts';

const en = translator('en-US');

const pick = (movieId: number): WeeklyPick => ({
  impressionId: 1000 + movieId,
  movieId,
  title: `Film ${movieId}`,
  year: 1995,
  posterPath: null,
  genres: ['Crime', 'Drama'],
  score: 0.9,
  reason: { kind: 'similar_to', via: 'item', evidence: [{ movieId: 949, title: 'Heat', stars: 5, share: 0.5 }] },
});

const dm: DmPayload = {
  type: 'weekly_dm',
  isoWeek: '2026-W48',
  guildId: '1',
  userId: '123456789012345678',
  batchId: 'b',
  picks: [1, 2, 3, 4, 5].map(pick),
};

function apiError(code: number, status: number) {
  return new DiscordAPIError({ code, message: 'x' }, code, status, 'POST', '/channels/1/messages', {});
}

describe('weekly messages', () => {
  it('when a DM is rendered, then each of the 5 picks has a reason and the four feedback buttons linked to it', () => {
    const ids = new CustomIds('test-secret', () => Date.parse('2026-11-27T17:00:00Z'));
    const body = renderWeeklyDm(en, dm, ids);
    expect(body.embeds).toHaveLength(5);
    expect(body.embeds?.[0]?.description).toContain('Because you loved Heat');
    expect(body.components).toHaveLength(5);
    const row = (body.components?.[2]?.components ?? []) as {
      custom_id: string;
      emoji?: { name: string };
      label?: string;
    }[];
    const decoded = row.map((b) => ids.decode(b.custom_id));
    // The bot's signed feedback format: movie, kind, impression, source (w = weekly DM); owner = the recipient.
    expect(decoded.map((d) => [d.action, d.owner, ...d.args])).toEqual([
      ['fb', dm.userId, '3', 'u', '1003', 'w'],
      ['fb', dm.userId, '3', 'd', '1003', 'w'],
      ['fb', dm.userId, '3', 's', '1003', 'w'],
      ['fb', dm.userId, '3', 'n', '1003', 'w'],
      ['bm', dm.userId, '3', 'w'],
    ]);
    expect(row.map((b) => b.emoji?.name ?? b.label)).toEqual(['👍', '👎', 'Seen it', 'Not interested', '🔖']);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('when the digest is rendered, then it lists the films and how to opt in, and pings nobody', () => {
    const body = renderWeeklyDigest(en, {
      type: 'weekly_digest',
      isoWeek: '2026-W48',
      guildId: '1',
      members: 3,
      films: [{ movieId: 949, title: 'Heat', year: 1995, members: 2 }],
    });
    expect(body.content).toContain('**Heat (1995)** — a pick for 2 members');
    expect(body.content).toContain('/settings dms on');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it.each([
    [apiError(50007, 403), 'undeliverable'],
    [apiError(50278, 403), 'undeliverable'],
    [apiError(10003, 404), 'permanent'],
    [apiError(0, 500), 'transient'],
    [new Error('socket hang up'), 'transient'],
  ])('when sending fails with %s, then it is recorded as %s', (err, kind) => {
    expect(classifySendError(err)).toBeInstanceOf(SendError);
    expect(classifySendError(err).kind).toBe(kind);
  });
});

describe('weekly messages stay inside Discord’s limits whatever the titles', () => {
  const longTitle = (n: number) => `${'**Épopée_`|| 🇫🇷👨‍👩‍👧 '.repeat(20)}${n}`.slice(0, 300);

  it('when the digest lists many films with 300-character titles full of emoji and markdown, then its content fits 2,000 characters, whole', () => {
    const films = Array.from({ length: 12 }, (_, i) => ({
      movieId: i + 1,
      title: longTitle(i),
      year: 2001,
      members: 3,
    }));
    const body = renderWeeklyDigest(en, {
      type: 'weekly_digest',
      isoWeek: '2026-W48',
      guildId: '1',
      members: 9,
      films,
    });
    expect(body.content.length).toBeLessThanOrEqual(2_000);
    expect(body.content.isWellFormed()).toBe(true);
    expect(body.content).toContain('12. **');
    expect(body.content).toContain('/settings dms on');
  });

  it('when a DM carries five picks with the longest titles and reasons, then every embed and their total fit', () => {
    const evidence = Array.from({ length: 40 }, (_, i) => ({ movieId: i, title: longTitle(i), stars: 5, share: 0.02 }));
    const long = {
      ...dm,
      picks: [1, 2, 3, 4, 5].map((id) => ({
        ...pick(id),
        title: longTitle(id),
        reason: { kind: 'similar_to' as const, via: 'item' as const, evidence },
      })),
    };
    const ids = new CustomIds('k'.repeat(32), () => Date.parse('2026-11-24T00:00:00Z'));
    const body = renderWeeklyDm(en, long, ids);
    const embeds = body.embeds ?? [];
    let total = 0;
    for (const e of embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(4_096);
      total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
    }
    expect(total).toBeLessThanOrEqual(6_000);
    expect(body.content.length).toBeLessThanOrEqual(2_000);
  });
});
