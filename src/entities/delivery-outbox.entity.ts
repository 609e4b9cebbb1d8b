import { defineEntity, p } from '@mikro-orm/core';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'undeliverable'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_KINDS = ['dm', 'channel'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/**
 * Every message the weekly job intends to send. The idempotency key (e.g. `dm:<guild>:<user>:2026-W48`) makes a
 * resumed run skip what was already sent.
 */
export const DeliveryOutboxSchema = defineEntity({
  name: 'DeliveryOutbox',
  tableName: 'delivery_outbox',
  properties: {
    id: p.bigint('number').primary(),
    idempotencyKey: p.string().length(128).unique('delivery_outbox_idempotency_key_unique'),
    kind: p.enum(DELIVERY_KINDS),
    guildId: p.string().length(20),
    /** A user id for a DM, a channel id for a channel post. */
    recipientId: p.string().length(32),
    isoWeek: p.string().length(8),
    payload: p.json<Record<string, unknown>>(),
    status: p.enum(DELIVERY_STATUSES).default('pending'),
    attempts: p.smallint().default(0),
    discordMessageId: p.string().length(20).nullable(),
    lastError: p.text().nullable(),
    sentAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [{ name: 'delivery_outbox_attempts_check', expression: 'attempts >= 0' }],
  indexes: [{ name: 'delivery_outbox_status_week_index', properties: ['status', 'isoWeek'] }],
});
export class DeliveryOutbox extends DeliveryOutboxSchema.class {}
DeliveryOutboxSchema.setClass(DeliveryOutbox);
