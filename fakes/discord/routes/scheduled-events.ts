// Guild scheduled events. discord-openapi.json paths /guilds/{guild_id}/scheduled-events (list, create) and
// /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id} (get, modify, delete); bodies per
// § ExternalScheduledEventCreateRequest / § VoiceScheduledEventCreateRequest. Creating, modifying and deleting need
// Manage Events (topics/permissions.mdx § Bitwise Permission Flags: MANAGE_EVENTS 1 << 33).
import { GuildScheduledEventEntityType, PermissionFlagsBits, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError, FormErrors } from '../errors.ts';
import type { RouteContext, RouteDef } from '../http.ts';
import type { Json } from '../types.ts';

const limited = { global: true } as const;

function guildOf({ fake, params }: RouteContext): string {
  if (params.guild_id !== fake.guild.id)
    throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  return fake.guild.id;
}

function requireManageEvents(ctx: RouteContext): void {
  if ((ctx.fake.permissions.base(ctx.fake.botUser.id) & PermissionFlagsBits.ManageEvents) === 0n) {
    throw new DiscordHttpError(403, RESTJSONErrorCodes.MissingPermissions, 'Missing Permissions');
  }
}

function eventIn(ctx: RouteContext): Json {
  guildOf(ctx);
  const ev = ctx.fake.scheduledEvents.get(ctx.params.guild_scheduled_event_id ?? '');
  if (!ev) {
    throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownGuildScheduledEvent, 'Unknown Guild Scheduled Event');
  }
  return ev;
}

function validateEvent(body: Json, partial: boolean): void {
  const errors = new FormErrors();
  if (!partial || body.name !== undefined) errors.length(['name'], body.name, 1, 100);
  if (body.description != null) errors.length(['description'], body.description, 0, 1000);
  const time = (key: string, required: boolean) => {
    const v = body[key];
    if (v == null) {
      if (required) errors.add([key], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
      errors.add([key], 'DATE_TIME_TYPE_PARSE', 'Could not parse the date time.');
    }
  };
  time('scheduled_start_time', !partial);
  const type = body.entity_type;
  if (!partial || type !== undefined) {
    if (![1, 2, 3].includes(type)) errors.add(['entity_type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3}.');
  }
  // § ExternalScheduledEventCreateRequest: a location (≤ 100) and, per the guild scheduled event guide, an end time.
  if (type === GuildScheduledEventEntityType.External) {
    errors.length(['entity_metadata', 'location'], body.entity_metadata?.location, 1, 100);
    time('scheduled_end_time', true);
  } else {
    time('scheduled_end_time', false);
    if (type !== undefined && !/^\d{17,20}$/.test(String(body.channel_id ?? ''))) {
      errors.add(['channel_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  }
  errors.throwIfAny();
}

export const scheduledEventRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/guilds/{guild_id}/scheduled-events',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => {
      guildOf(ctx);
      return { status: 200, payload: [...ctx.fake.scheduledEvents.values()] };
    },
  },
  {
    method: 'POST',
    path: '/guilds/{guild_id}/scheduled-events',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => {
      const guildId = guildOf(ctx);
      requireManageEvents(ctx);
      validateEvent(ctx.body ?? {}, false);
      const b = ctx.body;
      const ev = {
        id: ctx.fake.ids.next(),
        guild_id: guildId,
        channel_id: b.entity_type === GuildScheduledEventEntityType.External ? null : b.channel_id,
        creator_id: ctx.fake.botUser.id,
        name: b.name,
        description: b.description ?? null,
        scheduled_start_time: new Date(b.scheduled_start_time).toISOString(),
        scheduled_end_time: b.scheduled_end_time ? new Date(b.scheduled_end_time).toISOString() : null,
        privacy_level: b.privacy_level ?? 2,
        status: 1, // SCHEDULED
        entity_type: b.entity_type,
        entity_id: null,
        entity_metadata: b.entity_metadata ?? null,
        creator: ctx.fake.botUser,
        user_count: 0,
        image: null,
      };
      ctx.fake.scheduledEvents.set(ev.id, ev);
      ctx.fake.dispatch('GUILD_SCHEDULED_EVENT_CREATE', ev);
      return { status: 200, payload: ev };
    },
  },
  {
    method: 'GET',
    path: '/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => ({ status: 200, payload: eventIn(ctx) }),
  },
  {
    method: 'PATCH',
    path: '/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => {
      const ev = eventIn(ctx);
      requireManageEvents(ctx);
      const b = ctx.body ?? {};
      validateEvent(
        {
          entity_type: ev.entity_type,
          entity_metadata: ev.entity_metadata,
          channel_id: ev.channel_id,
          scheduled_end_time: ev.scheduled_end_time,
          ...b,
        },
        true,
      );
      // guild-scheduled-event status transitions: SCHEDULED → ACTIVE | CANCELED, ACTIVE → COMPLETED; ended is final.
      if (b.status !== undefined) {
        const ok = (ev.status === 1 && (b.status === 2 || b.status === 4)) || (ev.status === 2 && b.status === 3);
        if (!ok)
          throw new DiscordHttpError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Invalid status change');
      }
      for (const key of [
        'name',
        'description',
        'scheduled_start_time',
        'scheduled_end_time',
        'status',
        'entity_metadata',
        'channel_id',
      ]) {
        if (b[key] !== undefined) ev[key] = b[key];
      }
      ctx.fake.dispatch('GUILD_SCHEDULED_EVENT_UPDATE', ev);
      return { status: 200, payload: ev };
    },
  },
  {
    method: 'DELETE',
    path: '/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}',
    auth: 'bot',
    rateLimit: limited,
    handle: (ctx) => {
      const ev = eventIn(ctx);
      requireManageEvents(ctx);
      ctx.fake.scheduledEvents.delete(ev.id);
      ctx.fake.dispatch('GUILD_SCHEDULED_EVENT_DELETE', ev);
      return { status: 204 };
    },
  },
];
