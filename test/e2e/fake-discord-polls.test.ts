// The local Discord's poll rules (discord-openapi.json § PollCreateRequest, get_answer_voters, poll_expire;
// events/gateway-events.mdx § Message Poll Vote Add / Remove), with the test playing the bot over raw HTTP.
import { GatewayIntentBits } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdjustableClock, FakeDiscord } from '../../fakes/discord/index.ts';
import { connectTestClient, type TestGatewayClient } from '../../fakes/discord/test-client.ts';

let fake: FakeDiscord;
let clock: AdjustableClock;
let client: TestGatewayClient;

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.apiBase}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bot ${fake.token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const poll = (extra: Record<string, unknown> = {}) => ({
  question: { text: 'What do we watch?' },
  answers: ['Heat', 'Up', 'Alien'].map((text) => ({ poll_media: { text } })),
  duration: 2,
  ...extra,
});

beforeEach(async () => {
  clock = new AdjustableClock();
  fake = await new FakeDiscord({ clock }).start();
  client = await connectTestClient(fake, { intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessagePolls });
});
afterEach(async () => {
  client.close();
  await fake.stop();
});

describe('polls on the local Discord', () => {
  const post = (body: unknown) => call('POST', `/channels/${fake.guild.channelId}/messages`, body);

  it('when a poll breaks the limits, then every problem comes back in one 50035', async () => {
    const res = await post({
      poll: poll({
        question: { text: 'Q'.repeat(301) },
        answers: Array.from({ length: 11 }, (_, i) => ({ poll_media: { text: `Film ${i}` } })),
        duration: 769,
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(50035);
    expect(Object.keys(res.body.errors.poll).sort()).toEqual(['answers', 'duration', 'question']);
    const long = await post({ poll: poll({ answers: [{ poll_media: { text: 'x'.repeat(56) } }] }) });
    expect(long.body.errors.poll.answers['0'].poll_media.text._errors[0].code).toBe('BASE_TYPE_BAD_LENGTH');
  });

  it('when people vote, then one event per answer added or removed arrives and the counts show in the message', async () => {
    const created = await post({ content: 'Vote!', poll: poll() });
    expect(created.status).toBe(200);
    expect(created.body.poll.answers.map((a: { answer_id: number }) => a.answer_id)).toEqual([1, 2, 3]);
    const msg = fake.messages.get(created.body.id)!;
    fake.vote(fake.user('sam'), msg, [1]);
    fake.vote(fake.user('sam'), msg, [2]);
    fake.vote(fake.user('ana'), msg, [2]);
    expect(() => fake.vote(fake.user('kim'), msg, [1, 2])).toThrow(/one answer/);
    const voteEvents = () => client.dispatches.filter((e) => e.t.startsWith('MESSAGE_POLL_VOTE'));
    // Wait for the frames to arrive (no fixed sleep): one 'message' on the socket at a time.
    while (voteEvents().length < 4) await new Promise((r) => client.ws.once('message', r));
    const events = voteEvents();
    expect(events.map((e) => [e.t.slice(18), e.d.answer_id])).toEqual([
      ['ADD', 1],
      ['REMOVE', 1],
      ['ADD', 2],
      ['ADD', 2],
    ]);
    const voters = await call('GET', `/channels/${fake.guild.channelId}/polls/${msg.id}/answers/2?limit=1`);
    expect(voters.body.users).toHaveLength(1);
    const got = await call('GET', `/channels/${fake.guild.channelId}/messages/${msg.id}`);
    expect(got.body.poll.results).toEqual({
      is_finalized: false,
      answer_counts: [
        { id: 1, count: 0, me_voted: false },
        { id: 2, count: 2, me_voted: false },
        { id: 3, count: 0, me_voted: false },
      ],
    });
  });

  it('when the poll is ended early or its time runs out, then it is final, votes close and ending again is 520001', async () => {
    const created = await post({ poll: poll() });
    const path = `/channels/${fake.guild.channelId}/polls/${created.body.id}/expire`;
    const ended = await call('POST', path);
    expect(ended.body.poll.results.is_finalized).toBe(true);
    expect((await call('POST', path)).body.code).toBe(520001);
    expect(() => fake.vote(fake.user('sam'), fake.messages.get(created.body.id)!, [1])).toThrow(/ended/);
    const other = await post({ poll: poll({ duration: 1 }) });
    clock.advance(3_600_000);
    const got = await call('GET', `/channels/${fake.guild.channelId}/messages/${other.body.id}`);
    expect(got.body.poll.results.is_finalized).toBe(true);
    const edit = await call('PATCH', `/channels/${fake.guild.channelId}/messages/${other.body.id}`, { poll: poll() });
    expect(edit.status).toBe(400);
  });
});
