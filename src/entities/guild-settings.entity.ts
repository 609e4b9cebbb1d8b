import { defineEntity, p } from '@mikro-orm/core';

/** Per-server settings for the weekly picks. `scheduleDay` is 0 (Sunday) to 6; `scheduleTime` is HH:MM local time. */
export const GuildSettingsSchema = defineEntity({
  name: 'GuildSettings',
  tableName: 'guild_settings',
  properties: {
    guildId: p.string().primary().length(20),
    picksChannelId: p.string().length(20).nullable(),
    scheduleDay: p.smallint().default(5),
    scheduleTime: p.string().length(5).default('18:00'),
    timezone: p.string().length(64).default('UTC'),
    enabled: p.boolean().default(false),
    /** `/config language`: the locale of public messages (digest, movie night); null follows the server's Discord. */
    language: p.string().length(8).nullable(),
    /**
     * The server's own Discord language (`preferred_locale` from GUILD_CREATE / GUILD_UPDATE, or an interaction's
     * `guild_locale`), kept for public posts a job writes with no interaction at hand (the weekly digest).
     */
    discordLocale: p.string().length(16).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [
    { name: 'guild_settings_schedule_day_check', expression: 'schedule_day >= 0 and schedule_day <= 6' },
    { name: 'guild_settings_schedule_time_check', expression: "schedule_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'" },
  ],
});
export class GuildSettings extends GuildSettingsSchema.class {}
GuildSettingsSchema.setClass(GuildSettings);
