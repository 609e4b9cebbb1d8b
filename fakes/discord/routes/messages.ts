// Channel messages. resources/message.mdx (Get Channel Messages, Create Message, Get/Edit/Delete Message).
import { PermissionFlagsBits as P, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError } from '../errors.ts';
import type { RouteContext, RouteDef } from '../http.ts';
import { createMessage, editMessage, toApiMessage } from '../messages.ts';
import { requireBotPermissions } from '../permissions.ts';
import type { StoredMessage } from '../types.ts';

function messageIn({ fake, params }: RouteContext): StoredMessage {
  const channelId = fake.requireChannel(params.channel_id ?? '');
  requireBotPermissions(fake, channelId, P.ViewChannel);
  const msg = fake.messages.get(params.message_id ?? '');
  if (!msg || msg.channel_id !== channelId) {
    throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
  }
  return msg;
}

const limited = { global: true } as const;
/** resources/message.mdx § Create Message (enforce_nonce: unique "in the past few minutes"); the fake uses 5. */
export const NONCE_WINDOW_MS = 5 * 60_000;

export const messageRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/channels/{channel_id}/messages',
    auth: 'bot',
    rateLimit: limited,
    handle: ({ fake, params, body, files }) => {
      const channelId = fake.requireChannel(params.channel_id ?? '');
      const recipient = fake.userForDm(channelId);
      // topics/opcodes-and-status-codes.mdx § JSON: 50278 when the bot and the user share no server, 50007 when the
      // user does not accept DMs from it.
      if (recipient && fake.outsiders.has(recipient.id)) {
        throw new DiscordHttpError(
          403,
          RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds,
          'Cannot send messages to this user due to having no mutual guilds',
        );
      }
      if (recipient && fake.dmsClosed.has(recipient.id)) {
        throw new DiscordHttpError(
          403,
          RESTJSONErrorCodes.CannotSendMessagesToThisUser,
          'Cannot send messages to this user',
        );
      }
      const perms = requireBotPermissions(fake, channelId, P.SendMessages);
      // resources/message.mdx § Create Message (nonce, enforce_nonce): a retried send with the same nonce returns the
      // message already created instead of a second one.
      // Only for "the past few minutes": the fake remembers a nonce for NONCE_WINDOW_MS.
      const nonceKey = body?.enforce_nonce && body?.nonce !== undefined ? `${channelId}:${body.nonce}` : null;
      const remembered = nonceKey ? fake.nonces.get(nonceKey) : undefined;
      const fresh = remembered && fake.clock.now() - remembered.at < NONCE_WINDOW_MS;
      const earlier = fresh ? fake.messages.get(remembered.id) : undefined;
      if (earlier) return { status: 200, payload: toApiMessage(fake, earlier) };
      // topics/permissions.mdx § Bitwise Permission Flags (EMBED_LINKS): without it the bot's embeds are not shown.
      const created = createMessage(
        fake,
        channelId,
        perms & P.EmbedLinks ? body : { ...body, embeds: [] },
        {},
        {},
        files,
      );
      if (nonceKey) fake.nonces.set(nonceKey, { id: created.id, at: fake.clock.now() });
      return { status: 200, payload: toApiMessage(fake, created) };
    },
  },
  {
    method: 'GET',
    path: '/channels/{channel_id}/messages',
    auth: 'bot',
    rateLimit: limited,
    handle: ({ fake, params, query }) => {
      const channelId = fake.requireChannel(params.channel_id ?? '');
      requireBotPermissions(fake, channelId, P.ReadMessageHistory);
      const list = fake
        .channelMessages(channelId)
        .reverse()
        .slice(0, Number(query.get('limit') ?? 50));
      return { status: 200, payload: list.map((x) => toApiMessage(fake, x)) };
    },
  },
  {
    method: 'GET',
    path: '/channels/{channel_id}/messages/{message_id}',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => ({ status: 200, payload: toApiMessage(ctx.fake, messageIn(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/channels/{channel_id}/messages/{message_id}',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => ({
      status: 200,
      payload: toApiMessage(ctx.fake, editMessage(ctx.fake, messageIn(ctx), ctx.body, {}, ctx.files)),
    }),
  },
  {
    method: 'DELETE',
    path: '/channels/{channel_id}/messages/{message_id}',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => {
      ctx.fake.messages.delete(messageIn(ctx).id);
      return { status: 204 };
    },
  },
];
