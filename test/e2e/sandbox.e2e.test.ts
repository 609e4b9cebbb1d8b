// The sandbox runner: a short script through the real bot, as `npm run sandbox -- --script FILE` runs it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SandboxSession } from '../../fakes/discord/sandbox-session.ts';
import { type LocalStack, startLocalStack } from '../../fakes/local-stack.ts';
import { Rating } from '../../src/entities/index.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ dataDir: 'memory://' });
});
afterAll(async () => {
  await stack?.stop();
});

it('when a script rates by title, opens a card and clicks, then the transcript reads like a conversation', async () => {
  const session = new SandboxSession(stack.discord, { user: 'dana' });
  const transcript: string[] = [];
  for (const line of ['# comment', '/rate movie:heat stars:4.5', '/search query:godfather', 'click 1', 'click 5']) {
    transcript.push(await session.run(line));
  }
  expect(transcript[0]).toBe('');
  expect(transcript[1]).toContain('↳ movie: “heat” → Heat (1995)');
  expect(transcript[1]).toContain('Rated Heat: not rated → ★★★★½ (4.5)');
  expect(transcript[1]).toContain('[1] Remove rating');
  expect(transcript[2]).toContain('┃ 1. The Godfather (1972)');
  expect(transcript[3]).toContain('[1] 1★  [2] 2★  [3] 3★  [4] 4★  [5] 5★');
  expect(transcript[4]).toContain('Rated The Godfather: not rated → ★★★★★ (5)');
  const dana = stack.discord.user('dana');
  expect(await stack.orm.em.fork().count(Rating, { user: dana.id })).toBe(2);
});

it('when the script switches user and clicks a private message of someone else, then it is refused', async () => {
  const session = new SandboxSession(stack.discord, { user: 'erin' });
  await session.run('/rate movie:heat stars:3');
  expect(await session.run('/as frank')).toContain('you are now Frank');
  expect(await session.run('click 1')).toContain('no message with buttons');
  expect(await session.run('/nope')).toContain('/nope is not a command here');
  const listed = await session.run('/rate movie:godfather? stars:4');
  expect(listed).toContain('#1 The Godfather (1972)');
  expect(listed).toContain('#2 The Godfather Part II (1974)');
  expect(await session.run('/rate movie:godfather#2 stars:4')).toContain('Rated The Godfather Part II');
  expect(session.commandNames()).toContain('/watched add');
});

it('when the bot shuts down with an interaction in flight, then that one is answered and new ones are turned away kindly', async () => {
  const d = stack.discord;
  if (stack.fakeTmdb) stack.fakeTmdb.faults.latencyMs = 400;
  try {
    const slow = d.command(d.user('otto'), 'search', { query: 'zodiac' });
    await new Promise((r) => setTimeout(r, 100));
    expect(stack.app.bot.dispatcher.pending).toBe(1);
    await stack.app.bot.dispatcher.drain();
    const answered = await slow.settled({ quietMs: 30 });
    expect(answered.length).toBeGreaterThan(0);
    const late = await d.command(d.user('otto'), 'help').reply();
    expect(late.content).toContain('restarting');
  } finally {
    if (stack.fakeTmdb) stack.fakeTmdb.faults.latencyMs = 0;
  }
});
