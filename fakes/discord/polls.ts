// Polls on messages: created with the message, voted on by people, ended by time or by their author, counted in the
// message. discord-openapi.json § PollCreateRequest / PollResponse / PollResultsResponse; events/gateway-events.mdx
// § Message Poll Vote Add / Remove.
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError } from './errors.ts';
import type { FakeDiscord } from './fake-discord.ts';
import type { FakeUser, Json, StoredMessage, StoredPoll } from './types.ts';
import { DEFAULT_POLL_HOURS } from './validation/polls.ts';

/** The stored poll of a message body that passed validation. */
export function storePoll(fake: FakeDiscord, body: Json): StoredPoll {
  return {
    question: { text: body.question.text },
    // discord-openapi.json § PollAnswerResponse: answer ids are assigned by Discord, 1, 2, … in order.
    answers: body.answers.map((a: Json, i: number) => ({ answer_id: i + 1, poll_media: a.poll_media })),
    expiry: fake.clock.now() + (body.duration ?? DEFAULT_POLL_HOURS) * 3_600_000,
    allow_multiselect: Boolean(body.allow_multiselect),
    layout_type: body.layout_type ?? 1,
    votes: new Map(),
  };
}

export function pollEnded(fake: FakeDiscord, poll: StoredPoll): boolean {
  return fake.clock.now() >= poll.expiry;
}

function counts(poll: StoredPoll): Map<number, number> {
  const out = new Map<number, number>(poll.answers.map((a) => [a.answer_id, 0]));
  for (const set of poll.votes.values()) for (const id of set) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** discord-openapi.json § PollResponse, with `results` (§ PollResultsResponse) as the bot (a non-voter) sees them. */
export function pollPayload(fake: FakeDiscord, poll: StoredPoll): Json {
  const c = counts(poll);
  return {
    question: poll.question,
    answers: poll.answers,
    expiry: new Date(poll.expiry).toISOString(),
    allow_multiselect: poll.allow_multiselect,
    layout_type: poll.layout_type,
    results: {
      is_finalized: pollEnded(fake, poll),
      answer_counts: poll.answers.map((a) => ({ id: a.answer_id, count: c.get(a.answer_id) ?? 0, me_voted: false })),
    },
  };
}

export function requirePoll(message: StoredMessage): StoredPoll {
  if (!message.poll) throw new DiscordHttpError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Not a poll');
  return message.poll;
}

/**
 * A person sets their vote: `answerIds` replaces what they voted before (an empty list removes their vote). One
 * MESSAGE_POLL_VOTE_REMOVE per answer taken away and one MESSAGE_POLL_VOTE_ADD per answer added (events/gateway-
 * events.mdx § Message Poll Vote Add: "one event will be sent per answer").
 */
export function vote(fake: FakeDiscord, user: FakeUser, message: StoredMessage, answerIds: readonly number[]): void {
  const poll = requirePoll(message);
  if (pollEnded(fake, poll)) throw new Error('this poll has ended: votes are closed');
  const valid = new Set(poll.answers.map((a) => a.answer_id));
  for (const id of answerIds) if (!valid.has(id)) throw new Error(`the poll has no answer ${id}`);
  // discord-openapi.json § PollCreateRequest (allow_multiselect: whether a user can select multiple answers)
  if (answerIds.length > 1 && !poll.allow_multiselect) throw new Error('this poll allows one answer');
  const before = poll.votes.get(user.id) ?? new Set<number>();
  const after = new Set(answerIds);
  const base = {
    user_id: user.id,
    channel_id: message.channel_id,
    message_id: message.id,
    ...(message.guild_id ? { guild_id: message.guild_id } : {}),
  };
  if (after.size === 0) poll.votes.delete(user.id);
  else poll.votes.set(user.id, after);
  for (const id of before) if (!after.has(id)) fake.dispatch('MESSAGE_POLL_VOTE_REMOVE', { ...base, answer_id: id });
  for (const id of after) if (!before.has(id)) fake.dispatch('MESSAGE_POLL_VOTE_ADD', { ...base, answer_id: id });
}

/** Users who voted for an answer, by id ascending, after `after`, at most `limit`. */
export function answerVoters(poll: StoredPoll, answerId: number, after: string | null, limit: number): string[] {
  const ids = [...poll.votes.entries()].filter(([, s]) => s.has(answerId)).map(([u]) => u);
  ids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  return ids.filter((id) => after === null || BigInt(id) > BigInt(after)).slice(0, limit);
}
