import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const USER_KINDS = ['discord', 'imported', 'synthetic'] as const;
export type UserKind = (typeof USER_KINDS)[number];
/** Who may see someone's taste: anyone, people who share a server with them, or only themselves. */
export const PROFILE_VISIBILITIES = ['public', 'server', 'private'] as const;
export type ProfileVisibility = (typeof PROFILE_VISIBILITIES)[number];

/**
 * A person, keyed by Discord snowflake. Imported (MovieLens) and synthetic (seeded) users share the table so the
 * recommender sees one population, but only `discord` users are ever messaged or shown as Discord users.
 */
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    // Snowflakes exceed 2^53, so they stay strings. Imported users use a prefixed id such as `ml:42`.
    id: p.string().primary().length(32),
    kind: p.enum(USER_KINDS).default('discord'),
    displayName: p.string().length(100).nullable(),
    /** The locale of the person's most recent interaction: the language of weekly DMs when they set none. */
    locale: p.string().length(16).nullable(),
    /** `/settings language`: one of our locales (src/i18n/locales.ts) that overrides Discord's; null follows it. */
    localeOverride: p.string().length(8).nullable(),
    /** ISO 3166-1 alpha-2, for where-to-stream. */
    region: p.string().length(2).nullable(),
    dmOptIn: p.boolean().default(false),
    /**
     * Set when weekly DMs failed as undeliverable (DMs closed, no shared server) in two consecutive weeks: no more DMs
     * are attempted (each would be an invalid request to Discord) until the person turns them on again.
     */
    dmPausedAt: p.datetime().nullable(),
    /** When the person was told about the pause (once, the next time they used Marquee). */
    dmPauseNoticedAt: p.datetime().nullable(),
    /**
     * Bumped by every service that changes what the recommender knows of this person's taste (ratings, watched,
     * feedback, imports, watchlist), after its write: the recommender's per-user cache is valid while it matches.
     */
    tasteVersion: p.integer().default(0),
    /** The user's DM channel with the bot (stable per user), so a weekly DM is one request, not two. */
    dmChannelId: p.string().length(32).nullable(),
    /** `/settings profile`: governs `/watched list user:`, `/compare`, `/stats user:` and being named in reasons. */
    profileVisibility: p.enum(PROFILE_VISIBILITIES).default('server'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [{ name: 'users_region_check', expression: "region is null or region ~ '^[A-Z]{2}$'" }],
  indexes: [{ name: 'users_kind_index', properties: ['kind'] }],
});
export class User extends UserSchema.class {}
UserSchema.setClass(User);
export type IUser = InferEntity<typeof UserSchema>;
