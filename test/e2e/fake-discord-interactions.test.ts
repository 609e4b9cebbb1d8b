// The local Discord's interaction rules (interactions/receiving-and-responding.mdx), with the test playing the bot over
// raw HTTP so every status and error body is visible. Time moves with an injected clock, never by sleeping.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdjustableClock, FakeDiscord, type InteractionState } from '../../fakes/discord/index.ts';
import { connectTestClient, type TestGatewayClient } from '../../fakes/discord/test-client.ts';

let fake: FakeDiscord;
let clock: AdjustableClock;
let client: TestGatewayClient;

const COMMANDS = [
  {
    name: 'pick',
    description: 'Pick a film',
    integration_types: [0, 1],
    contexts: [0, 1, 2],
    options: [
      { type: 3, name: 'movie', description: 'Film', autocomplete: true },
      { type: 4, name: 'year', description: 'Year', autocomplete: true },
    ],
  },
];

async function call(method: string, path: string, body?: unknown, bot = false) {
  const res = await fetch(`${fake.apiBase}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(bot ? { authorization: `Bot ${fake.token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

function latest(): InteractionState {
  const all = [...fake.interactions.values()];
  const s = all[all.length - 1];
  if (!s) throw new Error('no interaction yet');
  return s;
}

const callback = (s: InteractionState, body: unknown) =>
  call('POST', `/interactions/${s.id}/${s.token}/callback`, body);
const webhook = (s: InteractionState, method: string, suffix = '', body?: unknown) =>
  call(method, `/webhooks/${fake.appId}/${s.token}${suffix}`, body);

beforeEach(async () => {
  clock = new AdjustableClock();
  fake = await new FakeDiscord({ clock }).start();
  const put = await call('PUT', `/applications/${fake.appId}/commands`, COMMANDS, true);
  expect(put.status).toBe(200);
  client = await connectTestClient(fake);
});
afterEach(async () => {
  client.close();
  await fake.stop();
});

describe('responding to an interaction', () => {
  it('when the first follow-up comes after a public defer, then it edits the "thinking…" original and its ephemeral flag is ignored', async () => {
    const handle = fake.command(fake.user('ann'), 'pick');
    const s = latest();
    expect((await callback(s, { type: 5 })).status).toBe(204);
    const first = await webhook(s, 'POST', '', { content: 'only for you?', flags: 64 });
    expect(first.status).toBe(200);
    expect(first.body.id).toBe(s.originalMessageId);
    expect(first.body.flags & 64).toBe(0);
    expect(first.body.flags & 128).toBe(0); // no longer loading
    const second = await webhook(s, 'POST', '', { content: 'really private', flags: 64 });
    expect(second.body.id).not.toBe(s.originalMessageId);
    expect(second.body.flags & 64).toBe(64);
    const shown = await handle.settled({ quietMs: 0 });
    expect(shown.map((m) => [m.content, Boolean(m.ephemeralFor)])).toEqual([
      ['only for you?', false],
      ['really private', true],
    ]);
  });

  it('when a follow-up after a defer is deleted as @original, then the answer itself is gone (why the bot must never do that)', async () => {
    fake.command(fake.user('ann'), 'pick');
    const s = latest();
    await callback(s, { type: 5 });
    await webhook(s, 'POST', '', { content: 'the answer', flags: 64 });
    expect((await webhook(s, 'DELETE', '/messages/@original')).status).toBe(204);
    expect(fake.messages.has(s.originalMessageId ?? '')).toBe(false);
  });

  it('when a component interaction is acknowledged with a deferred update, then nothing new appears, @original is the clicked message and a follow-up is a new message', async () => {
    fake.command(fake.user('ann'), 'pick');
    const cmd = latest();
    await callback(cmd, {
      type: 4,
      data: {
        content: 'pick one',
        components: [{ type: 1, components: [{ type: 2, style: 1, label: 'A', custom_id: 'a' }] }],
      },
    });
    const source = fake.messages.get(cmd.originalMessageId ?? '');
    if (!source) throw new Error('no reply');
    const before = fake.messages.size;
    fake.click(fake.user('ann'), source, 'a');
    const click = latest();
    expect((await callback(click, { type: 6 })).status).toBe(204);
    expect(fake.messages.size).toBe(before);
    expect(source.flags & 128).toBe(0);
    const edited = await webhook(click, 'PATCH', '/messages/@original', { content: 'picked A', components: [] });
    expect(edited.body.id).toBe(source.id);
    const follow = await webhook(click, 'POST', '', { content: 'and a note' });
    expect(follow.body.id).not.toBe(source.id);
    expect(fake.messages.size).toBe(before + 1);
  });

  it('when the first callback comes after 3 s, then it is 404 10062 and the token is dead', async () => {
    fake.command(fake.user('ann'), 'pick');
    const s = latest();
    clock.advance(3_001);
    const late = await callback(s, { type: 4, data: { content: 'late' } });
    expect(late).toMatchObject({ status: 404, body: { code: 10062 } });
    expect((await webhook(s, 'POST', '', { content: 'x' })).status).toBe(404);
  });

  it('when a follow-up comes after 15 minutes, then the token is invalid (401 50027); just before, it works', async () => {
    fake.command(fake.user('ann'), 'pick');
    const s = latest();
    await callback(s, { type: 5 });
    clock.advance(15 * 60_000 - 1_000);
    expect((await webhook(s, 'PATCH', '/messages/@original', { content: 'in time' })).status).toBe(200);
    clock.advance(2_000);
    expect(await webhook(s, 'POST', '', { content: 'too late' })).toMatchObject({ status: 401, body: { code: 50027 } });
  });

  it('when an interaction is acknowledged twice, then the second is 400 40060', async () => {
    fake.command(fake.user('ann'), 'pick');
    const s = latest();
    expect((await callback(s, { type: 4, data: { content: 'one' } })).status).toBe(204);
    expect(await callback(s, { type: 4, data: { content: 'two' } })).toMatchObject({
      status: 400,
      body: { code: 40060 },
    });
  });

  it('when only a user install authorised the interaction, then the sixth follow-up is refused with 40094; a guild install has no such limit', async () => {
    fake.command(fake.user('ann'), 'pick', {}, { install: 'user' });
    const s = latest();
    await callback(s, { type: 4, data: { content: 'hi' } });
    // clock.advance keeps each burst inside the webhook bucket (5 per 2 s), so only the follow-up limit is tested.
    for (let i = 0; i < 5; i++) {
      clock.advance(500);
      expect((await webhook(s, 'POST', '', { content: `f${i}` })).status).toBe(200);
    }
    clock.advance(500);
    expect(await webhook(s, 'POST', '', { content: 'f5' })).toMatchObject({ status: 400, body: { code: 40094 } });

    fake.command(fake.user('ann'), 'pick');
    const g = latest();
    await callback(g, { type: 4, data: { content: 'hi' } });
    for (let i = 0; i < 6; i++) {
      clock.advance(500);
      expect((await webhook(g, 'POST', '', { content: `f${i}` })).status).toBe(200);
    }
  });
});

describe('empty messages', () => {
  it('when a reply, a channel message or a follow-up is empty, then it is 400 50006', async () => {
    fake.command(fake.user('ann'), 'pick');
    const s = latest();
    expect(await callback(s, { type: 4, data: { content: '' } })).toMatchObject({ status: 400, body: { code: 50006 } });
    expect(await call('POST', `/channels/${fake.guild.channelId}/messages`, { content: '' }, true)).toMatchObject({
      status: 400,
      body: { code: 50006 },
    });
    await callback(s, { type: 4, data: { content: 'ok' } });
    expect(await webhook(s, 'POST', '', { embeds: [] })).toMatchObject({ status: 400, body: { code: 50006 } });
  });

  it('when an edit would leave a message with nothing in it, then it is 400 50006 and the message is unchanged', async () => {
    const sent = await call('POST', `/channels/${fake.guild.channelId}/messages`, { content: 'hello' }, true);
    const edit = await call(
      'PATCH',
      `/channels/${fake.guild.channelId}/messages/${sent.body.id}`,
      { content: '' },
      true,
    );
    expect(edit).toMatchObject({ status: 400, body: { code: 50006 } });
    expect(fake.messages.get(sent.body.id)?.content).toBe('hello');
    const fine = await call(
      'PATCH',
      `/channels/${fake.guild.channelId}/messages/${sent.body.id}`,
      { content: '', embeds: [{ title: 'now an embed' }] },
      true,
    );
    expect(fine.status).toBe(200);
  });
});

describe('autocomplete', () => {
  async function typing(option: 'movie' | 'year', answer: unknown) {
    // Settle handlers go on at once: the person's side rejects while the callback is still being answered.
    const pending = fake.autocomplete(fake.user('ann'), 'pick', { [option]: '1' }, option).then(
      (c) => ({ ok: true, c }),
      (e: Error) => ({ ok: false, e }),
    );
    const res = await callback(latest(), { type: 8, data: { choices: answer } });
    return { res, pending };
  }

  it('when 25 valid choices are offered, then the person sees them', async () => {
    const choices = Array.from({ length: 25 }, (_, i) => ({ name: `Film ${i}`, value: `${i}` }));
    const { res, pending } = await typing('movie', choices);
    expect(res.status).toBe(204);
    expect(await pending).toMatchObject({ ok: true, c: choices });
  });

  it.each([
    [
      '26 choices',
      'movie',
      Array.from({ length: 26 }, (_, i) => ({ name: `F${i}`, value: `${i}` })),
      ['data', 'choices'],
    ],
    ['an empty name', 'movie', [{ name: '', value: '1' }], ['data', 'choices', '0', 'name']],
    ['a 101-character name', 'movie', [{ name: 'x'.repeat(101), value: '1' }], ['data', 'choices', '0', 'name']],
    [
      'a 101-character string value',
      'movie',
      [{ name: 'ok', value: 'x'.repeat(101) }],
      ['data', 'choices', '0', 'value'],
    ],
    [
      'a string value for an integer option',
      'year',
      [{ name: '1999', value: '1999' }],
      ['data', 'choices', '0', 'value'],
    ],
    ['a fraction for an integer option', 'year', [{ name: '1999', value: 1999.5 }], ['data', 'choices', '0', 'value']],
  ] as const)('when the answer has %s, then it is 50035 naming the field', async (_n, option, choices, path) => {
    const { res, pending } = await typing(option, choices);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(50035);
    let node = res.body.errors;
    for (const key of path) node = node?.[key];
    expect(node?._errors?.length).toBeGreaterThan(0);
    expect(await pending).toMatchObject({ ok: false });
  });

  it('when the answer comes after 3 s, then it is 10062 and the person sees no suggestions', async () => {
    const pending = fake.autocomplete(fake.user('ann'), 'pick', { movie: 'he' }, 'movie').then(
      () => null,
      (e: Error) => e,
    );
    clock.advance(3_001);
    const res = await callback(latest(), { type: 8, data: { choices: [] } });
    expect(res).toMatchObject({ status: 404, body: { code: 10062 } });
    expect((await pending)?.message).toMatch(/Unknown interaction/);
  });
});
