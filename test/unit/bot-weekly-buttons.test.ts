import { expect, it } from 'vitest';
import { CustomIds } from '../../src/bot/custom-id.ts';
import { weeklyMessageRenderer } from '../../src/bot/weekly-buttons.ts';
import type { ClaimedMessage } from '../../src/services/delivery-outbox-service.ts';

it('when a weekly DM is rendered for the bot, then its feedback buttons are signed ids owned by the recipient', () => {
  const ids = new CustomIds('s');
  const user = '1400000000000000009';
  const m = {
    payload: {
      type: 'weekly_dm',
      isoWeek: '2026-W48',
      guildId: '1200000000000000001',
      userId: user,
      batchId: 'b',
      picks: [
        {
          impressionId: 5,
          movieId: 949,
          title: 'Heat',
          year: 1995,
          posterPath: null,
          genres: [],
          score: 1,
          reason: 'r',
        },
      ],
    },
  } as unknown as ClaimedMessage;
  const body = weeklyMessageRenderer(ids)(m);
  const decoded = (body.components ?? []).flatMap((r) => r.components).map((c) => ids.decode(c.custom_id));
  expect(decoded.map((d) => [d.action, d.owner, d.args.join(',')])).toEqual([
    ['fb', user, '949,u,5,w'],
    ['fb', user, '949,d,5,w'],
    ['fb', user, '949,s,5,w'],
    ['fb', user, '949,n,5,w'],
    ['bm', user, '949,w'],
  ]);
});
