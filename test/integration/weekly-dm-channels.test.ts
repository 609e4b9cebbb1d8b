// A weekly DM costs one request once the recipient's DM channel is known: the first week opens it and records it on
// the user; the next week (a new sender, as after a restart) posts straight to it.
import { REST } from '@discordjs/rest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { createDiscordSender } from '../../src/bot/weekly-sender.ts';
import { User } from '../../src/entities/index.ts';
import { createLogger } from '../../src/logger.ts';
import { dmKey, drain, enqueue } from '../../src/services/delivery-outbox-service.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
let discord: FakeDiscord;
const logger = createLogger({ log: { level: 'silent', format: 'json' } });

beforeAll(async () => {
  discord = await new FakeDiscord().start();
});
afterAll(async () => {
  await discord?.stop();
});

async function week(isoWeek: string, userIds: string[]) {
  const guildId = discord.guild.id;
  await enqueue(
    db.em(),
    userIds.map((u) => ({
      idempotencyKey: dmKey(guildId, u, isoWeek),
      kind: 'dm' as const,
      guildId,
      recipientId: u,
      isoWeek,
      payload: { type: 'weekly_dm' },
    })),
  );
  const rest = new REST({ api: discord.apiBase }).setToken(discord.token);
  const sender = createDiscordSender({
    rest,
    render: () => ({ content: 'Your picks', allowed_mentions: { parse: [] } }),
  });
  const before = discord.requests.length;
  const summary = await drain(db.em(), { guildId, isoWeek, sender, logger });
  const requests = discord.requests.slice(before);
  return {
    sent: summary.sent,
    opens: requests.filter((r) => r.method === 'POST' && r.route === '/users/@me/channels').length,
    posts: requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route)).length,
  };
}

it('when a member got a weekly DM before, then the next week sends it with one request and no DM channel open', async () => {
  const ids = ['ana', 'ben', 'cy'].map((name) => discord.user(name).id);
  const em = db.em();
  for (const id of ids) em.create(User, { id, dmOptIn: true });
  await em.flush();

  expect(await week('2026-W48', ids)).toEqual({ sent: 3, opens: 3, posts: 3 });
  const stored = await db.em().find(User, { id: { $in: ids } });
  for (const u of stored) expect(u.dmChannelId).toBe(discord.dmChannelFor(u.id));

  expect(await week('2026-W49', ids)).toEqual({ sent: 3, opens: 0, posts: 3 });
});
