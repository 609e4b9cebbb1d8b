// Poll routes. discord-openapi.json paths /channels/{channel_id}/polls/{message_id}/answers/{answer_id} (get answer
// voters) and /channels/{channel_id}/polls/{message_id}/expire (end a poll now).
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError, invalidForm } from '../errors.ts';
import type { RouteContext, RouteDef } from '../http.ts';
import { toApiMessage } from '../messages.ts';
import { answerVoters, pollEnded, requirePoll } from '../polls.ts';
import type { StoredMessage } from '../types.ts';

function pollMessage({ fake, params }: RouteContext): StoredMessage {
  const channelId = fake.requireChannel(params.channel_id ?? '');
  const msg = fake.messages.get(params.message_id ?? '');
  if (!msg || msg.channel_id !== channelId) {
    throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
  }
  return msg;
}

const limited = { global: true } as const;

export const pollRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/channels/{channel_id}/polls/{message_id}/answers/{answer_id}',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => {
      const poll = requirePoll(pollMessage(ctx));
      const answerId = Number(ctx.params.answer_id);
      if (!poll.answers.some((a) => a.answer_id === answerId)) {
        throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
      }
      // discord-openapi.json § get_answer_voters (limit 1–100, default 25; `after` a user id)
      const limitRaw = ctx.query.get('limit');
      const limit = limitRaw === null ? 25 : Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw invalidForm(['limit'], 'NUMBER_TYPE_MAX', 'Int value should be between 1 and 100.');
      }
      const ids = answerVoters(poll, answerId, ctx.query.get('after'), limit);
      return {
        status: 200,
        payload: { users: ids.map((id) => ctx.fake.users.get(id)).filter(Boolean) },
      };
    },
  },
  {
    method: 'POST',
    path: '/channels/{channel_id}/polls/{message_id}/expire',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => {
      const msg = pollMessage(ctx);
      const poll = requirePoll(msg);
      // Only the poll's author may end it early (discord-openapi.json § poll_expire acts on "your" poll);
      // an ended poll cannot be ended again (topics/opcodes-and-status-codes.mdx § JSON: 520001 Poll expired).
      if (msg.author.id !== ctx.fake.botUser.id) {
        throw new DiscordHttpError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
      }
      if (pollEnded(ctx.fake, poll)) throw new DiscordHttpError(400, RESTJSONErrorCodes.PollExpired, 'Poll expired');
      poll.expiry = ctx.fake.clock.now();
      ctx.fake.emit('message', msg);
      return { status: 200, payload: toApiMessage(ctx.fake, msg) };
    },
  },
];
