// Every answer stays where the person can read it. Discord turns the first follow-up after a deferred reply into an
// edit of that reply (discord-api-docs developers/interactions/receiving-and-responding.mdx, "Create Followup
// Message"), so an answer sent as "follow-up, then delete the original" would erase itself. These tests hold the bot
// to the documented behaviour whatever the local Discord enforces: the interaction's original message must exist and
// carry the answer, and nothing may be posted as a follow-up in its place. Runs on PGlite and on PostgreSQL.
import { REST } from '@discordjs/rest';
import { Routes, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeDiscord, type InteractionHandle, type StoredMessage } from '../../fakes/discord/index.ts';
import { type LocalStack, startLocalStack } from '../../fakes/local-stack.ts';
import { createBot } from '../../src/bot/client.ts';
import type { Command } from '../../src/bot/command.ts';
import type { BotServices } from '../../src/bot/context.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabaseConfig } from '../support/database.ts';

let stack: LocalStack;
let dropDatabase: () => Promise<void> = async () => {};

beforeAll(async () => {
  const db = await createTestDatabaseConfig();
  dropDatabase = db.drop;
  stack = await startLocalStack({
    dataDir: 'memory://',
    discord: { heartbeatIntervalMs: 500 },
    env: {
      TMDB_MAX_RETRIES: '0',
      TMDB_TIMEOUT_MS: '10000', // the preload must not fail on a loaded machine
      ...(db.config.url ? { DATABASE_URL: db.config.url } : {}),
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  await dropDatabase();
});

/** The interaction's own message as the person now sees it; fails when it was deleted or replaced by a follow-up. */
async function answerOf(handle: InteractionHandle): Promise<StoredMessage> {
  await handle.settled({ quietMs: 60 });
  const id = handle.state.originalMessageId;
  const original = id ? handle.fake.messages.get(id) : undefined;
  expect(original, 'the original message was deleted').toBeDefined();
  expect(handle.state.followupIds, 'an answer was sent as a follow-up instead of editing the original').toEqual([]);
  return original as StoredMessage;
}

describe(`answers that stay visible (${inject('dbKind')})`, () => {
  it('when a brand-new user asks for picks, then onboarding is the private answer itself', async () => {
    const d = stack.discord;
    const nova = d.user('nova');
    const handle = d.command(nova, 'recommend');
    const answer = await answerOf(handle);
    expect(answer.content).toContain('Welcome');
    expect(answer.ephemeralFor).toBe(nova.id);
    expect(handle.state.callbacks).toEqual([5]);
    expect(FakeDiscord.buttons(answer).some((b) => b.label.includes('Loved'))).toBe(true);
  });

  it('when a newcomer who rated one film taps Show my picks, then more onboarding answers privately; after three, picks answer publicly', async () => {
    const d = stack.discord;
    const olga = d.user('olga');
    let onboarding = await answerOf(d.command(olga, 'recommend'));
    const loved = () => FakeDiscord.buttons(onboarding).filter((b) => b.label.includes('Loved'));
    onboarding = await answerOf(d.click(olga, onboarding, loved()[0]?.customId ?? ''));
    const show = () => FakeDiscord.buttons(onboarding).find((b) => b.label.includes('Show my picks'));
    expect(show()?.disabled).toBe(false);

    const more = await answerOf(d.click(olga, onboarding, show()?.customId ?? ''));
    expect(more.ephemeralFor).toBe(olga.id);
    expect(more.content).toMatch(/Welcome|rated/);

    for (const b of loved().slice(1, 3)) onboarding = await answerOf(d.click(olga, onboarding, b.customId));
    const picks = await answerOf(d.click(olga, onboarding, show()?.customId ?? ''));
    expect(picks.ephemeralFor).toBeUndefined();
    expect(picks.content).toContain('Picked for you');
    expect(picks.embeds.length).toBeGreaterThan(0);
  });

  it('when a search finds nothing, then the "thinking…" message becomes the no-match answer', async () => {
    const d = stack.discord;
    const answer = await answerOf(d.command(d.user('pia'), 'search', { query: 'zzqxv no such film' }));
    expect(answer.content).toContain('No films found for “zzqxv no such film”');
  });

  it('when a search finds nothing only because of the year, then the answer says so and names other years', async () => {
    const d = stack.discord;
    const answer = await answerOf(d.command(d.user('pia'), 'search', { query: 'Heat', year: 1901 }));
    expect(answer.content).toContain('Nothing from 1901 matches “Heat”');
    expect(answer.content).toContain('Heat (1995)');
  });

  it('when from-year is after to-year, then the person is told at once, privately, and it costs no rate limit', async () => {
    const d = stack.discord;
    const quinn = d.user('quinn');
    for (let i = 0; i < 6; i++) {
      const handle = d.command(quinn, 'recommend', { 'from-year': 2001, 'to-year': 1990 });
      const answer = await answerOf(handle);
      expect(handle.state.callbacks).toEqual([4]);
      expect(answer.ephemeralFor).toBe(quinn.id);
      expect(answer.content).toContain('from-year (2001) is after to-year (1990)');
    }
    const fine = await answerOf(d.command(quinn, 'recommend', { 'from-year': 1990, 'to-year': 2001 }));
    expect(fine.content).not.toContain('Easy there');
  });

  it('when a command fails after deferring publicly, then the failure replaces the "thinking…" message', async () => {
    const d2 = await new FakeDiscord({ interactionDeadlineMs: 3_000 }).start();
    const late: Command = {
      data: new SlashCommandBuilder().setName('late').setDescription('fails after deferring'),
      defer: 'always',
      async execute() {
        throw new TypeError('internal detail that must not leak');
      },
    };
    const services: BotServices = {
      orm: stack.orm,
      logger: createLogger({ log: { level: 'silent', format: 'json' } }),
      catalogue: stack.app.catalogue,
      recommendations: stack.app.recommendations,
      clock: () => new Date(),
    };
    const bot = createBot({ services, token: d2.token, apiUrl: d2.apiBase, commands: [late] });
    try {
      await new REST({ api: d2.apiBase })
        .setToken(d2.token)
        .put(Routes.applicationCommands(d2.appId), { body: [late.data.toJSON()] });
      await bot.start();
      const handle = d2.command(d2.user('rio'), 'late');
      const answer = await answerOf(handle);
      expect(handle.state.callbacks).toEqual([5]);
      expect(answer.content).toMatch(/error id `[0-9a-f]{8}`/);
      expect(answer.content).not.toContain('internal detail');
    } finally {
      await bot.stop();
      await d2.stop();
    }
  });
});
