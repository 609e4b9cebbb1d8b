// What arrives over the gateway cannot take the bot down: malformed fields are read safely, and a dropped connection
// during a burst loses no interaction.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../fakes/local-stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ dataDir: 'memory://', preloadDemo: false, discord: { heartbeatIntervalMs: 500 } });
});
afterAll(async () => {
  await stack?.stop();
});

it('when a member’s permissions field is not a number, then the bot keeps serving and reads it as no permissions', async () => {
  const d = stack.discord;
  const mallory = d.user('mallory');
  // discord.js throws on "abc" inside its gateway handler, which used to end the process. (/help: the local Discord
  // itself only offers /config to members whose permissions it can read.)
  const bad = await d.command(mallory, 'help', {}, { permissions: 'abc' }).reply();
  expect(bad.embeds[0]?.title).toContain('Marquee');
  expect((await d.command(d.user('nina'), 'help').reply()).embeds[0]?.title).toContain('Marquee');
});

it('when a member’s permissions are "-1", then they do not pass the Manage Server check', async () => {
  const d = stack.discord;
  const reply = await d.command(d.user('mallory'), 'config show', {}, { permissions: '-1' }).reply();
  expect(reply.content).toContain('Only people with the **Manage Server** permission');
  // The real bit still works.
  const admin = await d.command(d.user('olga'), 'config show', {}, { permissions: String(1n << 5n) }).reply();
  expect(admin.content).not.toContain('Only people with the **Manage Server** permission');
});

it('when the gateway drops in the middle of a burst, then every interaction sent around it is answered once', async () => {
  const d = stack.discord;
  const people = Array.from({ length: 12 }, (_, i) => d.user(`burst${i}`));
  const before = people.slice(0, 6).map((p) => d.command(p, 'help'));
  const resumed = d.waitForResume();
  d.dropConnection('terminate');
  const meanwhile = people.slice(6).map((p) => d.command(p, 'help'));
  await resumed;
  const all = [...before, ...meanwhile];
  const replies = await Promise.all(all.map((h) => h.reply()));
  for (const r of replies) expect(r.embeds[0]?.title).toContain('Marquee');
  // Exactly one answer each: no interaction was handled twice after the resume replayed it.
  for (const h of all) expect(h.state.callbacks).toHaveLength(1);
});
