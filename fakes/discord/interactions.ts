// The interaction state machine: which callback an interaction may get, what each callback creates, and what the
// interaction's token may do afterwards (edit the original, follow up). interactions/receiving-and-responding.mdx.
import {
  ApplicationIntegrationType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import type { UploadedFile } from './attachments.ts';
import { DiscordHttpError, invalidForm } from './errors.ts';
import type { FakeDiscord } from './fake-discord.ts';
import { createMessage, editMessage, toApiMessage } from './messages.ts';
import type { InteractionState, Json, RouteResult, StoredMessage } from './types.ts';
import { validateChoices } from './validation/autocomplete.ts';

// § Interaction Callback Type: which response types each interaction type may receive.
const ALLOWED_CALLBACKS: Partial<Record<InteractionType, readonly InteractionResponseType[]>> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

// § Interaction Callback Data Structure (Messages): the only flags a response may set.
const RESPONSE_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.Ephemeral |
  MessageFlags.IsComponentsV2 |
  MessageFlags.IsVoiceMessage |
  MessageFlags.SuppressNotifications;

/** POST /interactions/{id}/{token}/callback */
export function respond(
  fake: FakeDiscord,
  id: string,
  token: string,
  body: Json,
  query: URLSearchParams,
  files: readonly UploadedFile[] = [],
): RouteResult {
  const state = fake.interactions.get(id);
  if (!state || state.token !== token) {
    throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');
  }
  const fail = (err: DiscordHttpError) => {
    state.error = { status: err.status, code: err.code, message: err.detail };
    fake.emit('interaction', state);
    return err;
  };
  const now = fake.clock.now();
  if (now - state.createdAt > fake.interactionDeadlineMs) {
    throw fail(new DiscordHttpError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction'));
  }
  if (state.callbacks.length > 0) {
    throw fail(
      new DiscordHttpError(
        400,
        RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
        'Interaction has already been acknowledged.',
      ),
    );
  }
  const type = body?.type as InteractionResponseType;
  if (!ALLOWED_CALLBACKS[state.type]?.includes(type)) {
    throw fail(invalidForm(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', `Invalid interaction callback type ${type}`));
  }
  const data = body.data ?? {};
  let message: StoredMessage | undefined;
  try {
    if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      validateChoices(data.choices, state.focusedOption);
      state.choices = data.choices;
    } else if (
      type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.DeferredChannelMessageWithSource
    ) {
      const reply = type === InteractionResponseType.ChannelMessageWithSource;
      const ephemeral = (data.flags ?? 0) & MessageFlags.Ephemeral;
      // § Interaction Callback Data Structure (Messages): a defer may only carry EPHEMERAL.
      if (!reply && (data.flags ?? 0) & ~MessageFlags.Ephemeral) {
        throw invalidForm(['data', 'flags'], 'MESSAGE_FLAGS_INVALID', 'A deferred response may only set EPHEMERAL');
      }
      message = createMessage(
        fake,
        state.channelId,
        reply ? data : { content: '', flags: ephemeral | MessageFlags.Loading },
        {
          interactionId: state.id,
          ...(ephemeral ? { ephemeralFor: state.user.id } : {}),
        },
        reply ? { allowedFlags: RESPONSE_FLAGS } : {},
        reply ? files : [],
      );
      message.flags = reply ? (data.flags ?? 0) : ephemeral | MessageFlags.Loading;
      state.originalMessageId = message.id;
      state.visible = reply;
    } else if (
      type === InteractionResponseType.UpdateMessage ||
      type === InteractionResponseType.DeferredMessageUpdate
    ) {
      const source = state.sourceMessageId ? fake.messages.get(state.sourceMessageId) : undefined;
      if (!source) throw new DiscordHttpError(400, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
      state.originalMessageId = source.id;
      if (type === InteractionResponseType.UpdateMessage) {
        message = editMessage(fake, source, data, { allowedFlags: RESPONSE_FLAGS }, files);
        state.visible = true;
      }
    }
  } catch (err) {
    if (err instanceof DiscordHttpError) throw fail(err);
    throw err;
  }
  state.callbacks.push(type);
  state.lastActivity = now;
  fake.emit('interaction', state);
  if (query.get('with_response') === 'true') {
    return {
      status: 200,
      payload: {
        interaction: {
          id: state.id,
          type: state.type,
          response_message_id: message?.id,
          response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: Boolean((message?.flags ?? 0) & MessageFlags.Ephemeral),
        },
        ...(message ? { resource: { type, message: toApiMessage(fake, message) } } : {}),
      },
    };
  }
  return { status: 204 };
}

/** The interaction behind a webhook token, checked against the 15-minute token lifetime. */
export function interactionForWebhook(fake: FakeDiscord, appId: string, token: string): InteractionState {
  if (appId !== fake.appId) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
  let state: InteractionState | undefined;
  for (const s of fake.interactions.values()) if (s.token === token) state = s;
  if (!state) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
  // § Followup Messages: interaction tokens are valid for 15 minutes.
  if (fake.clock.now() - state.createdAt > 15 * 60_000) {
    throw new DiscordHttpError(401, RESTJSONErrorCodes.InvalidWebhookToken, 'Invalid Webhook Token');
  }
  if (state.callbacks.length === 0)
    throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
  state.lastActivity = fake.clock.now();
  return state;
}

/** POST /webhooks/{app}/{token}: a follow-up message. */
export function followUp(
  fake: FakeDiscord,
  state: InteractionState,
  body: Json,
  files: readonly UploadedFile[] = [],
): StoredMessage {
  // § Create Followup Message: directly after a DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, a follow-up edits the loading
  // original instead of creating a message, and its ephemeral flag is ignored (the original keeps the defer's).
  const original = state.originalMessageId ? fake.messages.get(state.originalMessageId) : undefined;
  if (
    state.callbacks[0] === InteractionResponseType.DeferredChannelMessageWithSource &&
    original &&
    original.flags & MessageFlags.Loading
  ) {
    const { flags: _ignored, ...rest } = body ?? {};
    const edited = editMessage(fake, original, rest, {}, files);
    state.visible = true;
    fake.emit('interaction', state);
    return edited;
  }
  // § Create Followup Message: at most 5 follow-ups when only a user install authorised the interaction.
  if (isUserInstallOnly(state) && state.followupIds.length >= USER_INSTALL_FOLLOWUP_LIMIT) {
    throw new DiscordHttpError(
      400,
      RESTJSONErrorCodes.ThisInteractionHasHitTheMaximumNumberOfFollowUpMessages,
      'This interaction has hit the maximum number of follow up messages',
    );
  }
  const ephemeral = ((body?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const m = createMessage(
    fake,
    state.channelId,
    body,
    { interactionId: state.id, ...(ephemeral ? { ephemeralFor: state.user.id } : {}) },
    {},
    files,
  );
  state.followupIds.push(m.id);
  state.visible = true;
  fake.emit('interaction', state);
  return m;
}

const USER_INSTALL_FOLLOWUP_LIMIT = 5;

/** § Authorizing Integration Owners Object: only the USER_INSTALL key is present. */
export function isUserInstallOnly(state: InteractionState): boolean {
  const keys = Object.keys(state.owners ?? {});
  return keys.length === 1 && keys[0] === String(ApplicationIntegrationType.UserInstall);
}

/** A message the token may read, edit or delete: `@original` or one of its follow-ups. */
export function tokenMessage(fake: FakeDiscord, state: InteractionState, ref: string): StoredMessage {
  const id = ref === '@original' ? state.originalMessageId : ref;
  const msg = id ? fake.messages.get(id) : undefined;
  if (!msg) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
  return msg;
}
