import { describe, expect, it } from 'vitest';
import { CustomIds } from '../../src/bot/custom-id.ts';
import { POLL_ANSWER_MAX } from '../../src/bot/discord-limits.ts';
import { groupReasonText, renderPoll, renderRatingPrompt } from '../../src/bot/movie-night-render.ts';
import { translator } from '../../src/i18n/index.ts';
import type { CandidateView, NightView } from '../../src/services/movie-night-service.ts';
import { parseScreeningTime } from '../../src/services/movie-night-service.ts';

const en = translator('en-US');

const SAM = '100000000000000001';
const ANA = '100000000000000002';
const KIM = '100000000000000003';
const names = new Map([
  [SAM, 'Sam'],
  [ANA, 'Ana'],
]);

const night = {
  id: 7,
  hostId: SAM,
  startsAt: new Date('2026-12-05T20:30:00Z'),
  pollHours: 2,
  multiselect: false,
} as NightView;

function candidate(answerId: number, title: string): CandidateView {
  return {
    answerId,
    movieId: answerId,
    title,
    year: 1995,
    runtime: 170,
    posterPath: null,
    genres: ['Crime'],
    groupScore: 1,
    reasons: [{ kind: 'fit', userIds: [SAM, ANA], of: 3 }],
    votes: 0,
  };
}

describe('movie night words', () => {
  it('when a film fits some of the group, then the line counts them and says nobody has seen it', () => {
    expect(groupReasonText(en, [{ kind: 'fit', userIds: [SAM, ANA, KIM], of: 5 }], names)).toBe(
      '3 of 5 of you should love it; nobody has seen it',
    );
    expect(groupReasonText(en, [{ kind: 'fit', userIds: [SAM, ANA], of: 2 }], names)).toBe(
      'All 2 of you should love it; nobody has seen it',
    );
  });

  it('when members loved a film by the same director, then they are named only if all of them may be', () => {
    const director = { kind: 'director' as const, name: 'Michael Mann', movieId: 9, title: 'Heat' };
    expect(groupReasonText(en, [{ ...director, userIds: [SAM, ANA] }], names)).toBe(
      'Sam and Ana loved Heat, by the same director (Michael Mann)',
    );
    expect(groupReasonText(en, [{ ...director, userIds: [SAM, KIM] }], names)).toBe(
      '2 of you loved Heat, by the same director (Michael Mann)',
    );
  });

  it('when the poll is rendered, then answers fit Discord’s limit and follow the shortlist', () => {
    const long = 'A'.repeat(80);
    const body = renderPoll(en, night, [candidate(1, 'Heat'), candidate(2, long), candidate(3, 'Up')], names, 'n');
    expect(body.poll?.answers.map((a) => a.poll_media.text?.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
    for (const a of body.poll?.answers ?? []) expect(a.poll_media.text!.length).toBeLessThanOrEqual(POLL_ANSWER_MAX);
    expect(body.poll?.duration).toBe(2);
    expect(body.enforce_nonce).toBe(true);
  });

  it('when attendees are asked, then there are 1–5★ buttons and an "I watched it" button, mentioning only them', () => {
    const ids = new CustomIds('secret', () => 0);
    const body = renderRatingPrompt(en, night, candidate(1, 'Heat'), [SAM], ids);
    expect(body.allowed_mentions).toEqual({ users: [SAM] });
    const labels = (body.components ?? []).flatMap((r) =>
      'components' in r ? r.components.map((c) => ('label' in c ? c.label : '')) : [],
    );
    expect(labels).toEqual(['1★', '2★', '3★', '4★', '5★', 'I watched it']);
  });
});

describe('parseScreeningTime', () => {
  const now = new Date('2026-12-04T18:00:00Z'); // 19:00 in Berlin
  it('when given HH:MM, then it is today in the server time zone, or tomorrow once passed', () => {
    expect(parseScreeningTime('20:30', 'Europe/Berlin', now).toISOString()).toBe('2026-12-04T19:30:00.000Z');
    expect(parseScreeningTime('18:30', 'Europe/Berlin', now).toISOString()).toBe('2026-12-05T17:30:00.000Z');
    expect(parseScreeningTime('tomorrow 20:30', 'Europe/Berlin', now).toISOString()).toBe('2026-12-05T19:30:00.000Z');
    expect(parseScreeningTime('2026-12-24 9:00', 'America/New_York', now).toISOString()).toBe(
      '2026-12-24T14:00:00.000Z',
    );
  });

  it('when the day is written in any of the six languages, or the time as 20h30 or 20h, then it is read', () => {
    const tomorrow = '2026-12-05T19:30:00.000Z';
    for (const input of [
      'morgen 20:30',
      'demain 20h30',
      'Mañana 20:30',
      'amanhã 20h30',
      '明日 20:30',
      'TOMORROW 20h30',
    ]) {
      expect(parseScreeningTime(input, 'Europe/Berlin', now).toISOString(), input).toBe(tomorrow);
    }
    expect(parseScreeningTime('heute 21h', 'Europe/Berlin', now).toISOString()).toBe('2026-12-04T20:00:00.000Z');
    expect(parseScreeningTime('aujourd’hui 20:30', 'Europe/Berlin', now).toISOString()).toBe(
      '2026-12-04T19:30:00.000Z',
    );
    expect(parseScreeningTime('2026-12-24 9h', 'UTC', now).toISOString()).toBe('2026-12-24T09:00:00.000Z');
  });

  it('when the time cannot be read, then the message says how to write it', () => {
    for (const bad of ['soon', '25:00', '2026-02-30 20:00', '20.30', 'someday 20:30', '20h3', 'h30']) {
      expect(() => parseScreeningTime(bad, 'UTC', now)).toThrow(/Try 20:30/);
    }
  });
});
