// Shapes shared by every part of the local Discord: the people, messages and interactions it keeps, and what it
// records for tests. Wire formats follow discord-api-types where a field is read by the bot.
import type http from 'node:http';
import type { ChannelType, InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import type { UploadedFile } from './attachments.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are validated by shape at run time, not typed
export type Json = any;

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly global_name: string | null;
  readonly discriminator: '0';
  readonly avatar: null;
  readonly bot?: boolean;
  readonly public_flags: number;
  readonly flags: number;
  readonly primary_guild: null;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly channelId: string;
}

/** A server channel besides the guild's main text channel (`FakeDiscord.channels`). */
export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  readonly type: ChannelType;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: FakeUser;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  /** Attachment objects (resources/message.mdx § Attachment Object). */
  attachments?: Json[];
  /** The interaction that produced it, when it is an interaction response. */
  interactionId?: string;
  /** Set for ephemeral messages: only this user sees them. */
  ephemeralFor?: string;
  poll?: StoredPoll;
}

/** A poll as stored: what was sent, its answer ids, its end, and who voted for what. */
export interface StoredPoll {
  readonly question: { text: string };
  readonly answers: { answer_id: number; poll_media: Json }[];
  /** When it ends (ms since epoch); ending it early moves this to the moment it was ended. */
  expiry: number;
  readonly allow_multiselect: boolean;
  readonly layout_type: number;
  /** user id → answer ids */
  readonly votes: Map<string, Set<number>>;
}

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path without the `/api/v10` prefix, e.g. `/webhooks/1/tok/messages/@original`. */
  readonly route: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Json;
  /** Files of a multipart request (`files[n]`). */
  readonly files?: readonly UploadedFile[];
  status: number;
  readonly at: number;
}

export interface GatewayFrame {
  readonly dir: 'in' | 'out';
  readonly op: number;
  readonly t?: string | null;
  readonly s?: number | null;
  readonly d?: Json;
  readonly at: number;
}

export interface InteractionState {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  readonly user: FakeUser;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly createdAt: number;
  /** The message a component lived on. */
  readonly sourceMessageId?: string;
  /** Callback types in the order received (reply, deferred reply, deferred update, update, choices…). */
  readonly callbacks: InteractionResponseType[];
  originalMessageId?: string;
  readonly followupIds: string[];
  choices?: { name: string; value: string | number }[];
  /** True once something a person can read exists (a reply, an edit after deferring, an update). */
  visible: boolean;
  lastActivity: number;
  /** `authorizing_integration_owners` as sent: keys are ApplicationIntegrationType values. */
  readonly owners?: Readonly<Record<string, string>>;
  /** For autocomplete: the definition of the option being typed into. */
  readonly focusedOption?: Json;
  error?: { status: number; code: number; message: string };
}

/** One route's answer: a status, an optional JSON payload and extra headers (rate-limit headers are added for you). */
export interface RouteResult {
  readonly status: number;
  readonly payload?: Json;
  readonly headers?: Record<string, string>;
}
