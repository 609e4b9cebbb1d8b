// Messages as Discord stores them: what it adds to a body the bot sent (ids, timestamps, `rich` embeds, numbered
// components) and the message object it answers with. resources/message.mdx § Message Object.

import { MessageFlags, MessageType } from 'discord-api-types/v10';
import { attachmentsFor, resolveAttachmentRefs, type UploadedFile } from './attachments.ts';
import type { FakeDiscord } from './fake-discord.ts';
import { pollPayload, storePoll } from './polls.ts';
import type { Json, StoredMessage } from './types.ts';
import { emptyMessage, isEmpty, type MessageCheck, validateMessageBody } from './validation/messages.ts';

export function toApiMessage(fake: FakeDiscord, m: StoredMessage): Json {
  return {
    id: m.id,
    channel_id: m.channel_id,
    ...(m.guild_id ? { guild_id: m.guild_id } : {}),
    author: m.author,
    content: m.content,
    embeds: m.embeds,
    components: m.components,
    flags: m.flags,
    timestamp: m.timestamp,
    edited_timestamp: m.edited_timestamp,
    type: m.interactionId ? MessageType.ChatInputCommand : MessageType.Default,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: m.attachments ?? [],
    pinned: false,
    application_id: fake.appId,
    ...(m.poll ? { poll: pollPayload(fake, m.poll) } : {}),
    ...(m.interactionId ? { webhook_id: fake.appId } : {}),
  };
}

export function createMessage(
  fake: FakeDiscord,
  channelId: string,
  body: Json,
  extra: Partial<StoredMessage> = {},
  check: MessageCheck = {},
  files: readonly UploadedFile[] = [],
): StoredMessage {
  validateMessageBody(body, { ...check, files: files.length });
  const attachments = attachmentsFor(fake, channelId, body, files, null);
  const m: StoredMessage = {
    id: fake.ids.next(),
    channel_id: channelId,
    ...(fake.guildOfChannel(channelId) ? { guild_id: fake.guildOfChannel(channelId)?.id } : {}),
    author: fake.botUser,
    content: body.content ?? '',
    embeds: resolveAttachmentRefs(normaliseEmbeds(body.embeds), attachments),
    components: normaliseComponents(body.components),
    attachments,
    flags: body.flags ?? 0,
    timestamp: new Date(fake.clock.now()).toISOString(),
    edited_timestamp: null,
    ...(body.poll ? { poll: storePoll(fake, body.poll) } : {}),
    ...extra,
  };
  fake.messages.set(m.id, m);
  fake.emit('message', m);
  return m;
}

export function editMessage(
  fake: FakeDiscord,
  m: StoredMessage,
  body: Json,
  check: MessageCheck = {},
  files: readonly UploadedFile[] = [],
): StoredMessage {
  validateMessageBody(body, { ...check, partial: true, files: files.length });
  const attachments =
    body.attachments !== undefined || files.length > 0
      ? attachmentsFor(fake, m.channel_id, body, files, m.attachments ?? [])
      : (m.attachments ?? []);
  const after = {
    content: body.content !== undefined ? body.content : m.content,
    embeds: body.embeds !== undefined ? body.embeds : m.embeds,
    components: body.components !== undefined ? body.components : m.components,
    attachments,
  };
  if (isEmpty(after)) throw emptyMessage();
  m.attachments = attachments;
  if (body.content !== undefined) m.content = body.content ?? '';
  if (body.embeds !== undefined) m.embeds = resolveAttachmentRefs(normaliseEmbeds(body.embeds), attachments);
  if (body.components !== undefined) m.components = normaliseComponents(body.components);
  m.flags &= ~MessageFlags.Loading;
  m.edited_timestamp = new Date(fake.clock.now()).toISOString();
  fake.emit('message', m);
  return m;
}

/** Discord stores embeds sent by bots as `rich`. */
function normaliseEmbeds(embeds: Json[] | null | undefined): Json[] {
  return (embeds ?? []).map((e) => ({ type: 'rich', ...e }));
}

/** Discord gives every component of a message a numeric id (1, 2, … in tree order) when the sender did not. */
function normaliseComponents(components: Json[] | null | undefined): Json[] {
  let next = 1;
  const walk = (c: Json): Json => {
    const id = c.id ?? next;
    next = Math.max(next, id) + 1;
    return { ...c, id, ...(Array.isArray(c.components) ? { components: c.components.map(walk) } : {}) };
  };
  return (components ?? []).map(walk);
}
