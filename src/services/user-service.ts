// Users are created lazily the first time we see a Discord id; nothing else about them needs registering.

import countries from 'i18n-iso-countries';
import type { Em } from '../db.ts';
import { GuildMember, User, type UserKind } from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import { LOCALE_NAMES, type Locale, matchLocale } from '../i18n/index.ts';
import { cut, storable } from '../text.ts';

export interface UserPreferences {
  readonly userId: string;
  readonly dmOptIn: boolean;
  readonly region: string | null;
  /** The locale of the person's most recent interaction. */
  readonly locale: string | null;
  /** `/settings language`; null follows Discord. */
  readonly localeOverride: Locale | null;
}

export interface UserInit {
  displayName?: string | null;
  locale?: string | null;
  kind?: UserKind;
}

const SNOWFLAKE = /^\d{17,20}$/;

export function assertDiscordId(id: string): void {
  if (!SNOWFLAKE.test(id)) throw UserFacingError.of('invalid_input', 'user.bad_id');
}

/** Returns the user, creating the row on first use. Concurrent first uses are safe (insert … on conflict). */
export async function ensureUser(em: Em, id: string, init: UserInit = {}): Promise<User> {
  const kind = init.kind ?? 'discord';
  if (kind === 'discord') assertDiscordId(id);
  const data: Partial<User> & { id: string } = { id, kind };
  const merge: ('displayName' | 'locale' | 'id')[] = [];
  const displayName = init.displayName ? storable(init.displayName, 100) : '';
  if (displayName) {
    data.displayName = displayName;
    merge.push('displayName');
  }
  const locale = init.locale ? storable(init.locale, 16) : '';
  if (locale) {
    data.locale = locale;
    merge.push('locale');
  }
  // Merging `id` onto itself is a no-op update that still returns the existing row.
  return em.upsert(User, data, {
    onConflictFields: ['id'],
    onConflictAction: 'merge',
    onConflictMergeFields: merge.length > 0 ? merge : ['id'],
  });
}

export interface Presence {
  readonly userId: string;
  readonly displayName?: string | null;
  readonly locale?: string | null;
  /** The server it happened in, when Marquee is installed there (it counts the user as a member); else null. */
  readonly guildId: string | null;
  readonly now: Date;
}

/** Someone used Marquee: keeps their user row current and, in a server Marquee is installed to, their membership. */
export async function notePresence(em: Em, p: Presence): Promise<User> {
  const user = await ensureUser(em, p.userId, { displayName: p.displayName, locale: p.locale });
  if (p.guildId) {
    await em.upsert(
      GuildMember,
      { guildId: p.guildId, user, lastSeenAt: p.now },
      { onConflictFields: ['guildId', 'user'], onConflictAction: 'merge', onConflictMergeFields: ['lastSeenAt'] },
    );
  }
  return user;
}

function toPreferences(u: User): UserPreferences {
  return {
    userId: u.id,
    dmOptIn: u.dmOptIn,
    region: u.region ?? null,
    locale: u.locale ?? null,
    localeOverride: matchLocale(u.localeOverride),
  };
}

export async function getPreferences(em: Em, userId: string): Promise<UserPreferences> {
  const user = await em.findOne(User, userId);
  return user ? toPreferences(user) : { userId, dmOptIn: false, region: null, locale: null, localeOverride: null };
}

/**
 * True once after weekly DMs were paused for this person (their DMs were undeliverable two weeks running): the caller
 * tells them, and it is not told again until the next pause.
 */
export async function takeDmPauseNotice(em: Em, userId: string, now: Date): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    'update users set dm_pause_noticed_at = ? where id = ? and dm_paused_at is not null and dm_pause_noticed_at is null returning id',
    [now, userId],
  );
  return rows.length > 0;
}

export interface PreferencesPatch {
  dmOptIn?: boolean;
  /** ISO 3166-1 alpha-2 such as `GB`; null clears it. */
  region?: string | null;
  locale?: string | null;
  /** `/settings language`: a supported locale code (`de`, `pt-BR`, …); null follows Discord again. */
  localeOverride?: string | null;
}

/** A locale we speak, from what someone chose (`de`, `pt-br`, `es-419`); anything else is refused with the list. */
export function normaliseLocale(code: string): Locale {
  const l = matchLocale(code);
  if (!l) {
    throw UserFacingError.of('invalid_input', 'settings.unknown_language', {
      code: cut(code, 16),
      languages: Object.values(LOCALE_NAMES).join(', '),
    });
  }
  return l;
}

// ISO 3166-1 alpha-2 codes from i18n-iso-countries (maintained, follows the ISO list; includes XK as TMDB does).
// Intl.DisplayNames alone would also accept CLDR's non-country codes such as EU, UN, UK or ZZ.
const REGIONS = new Set(Object.keys(countries.getAlpha2Codes()));

/** An ISO 3166-1 alpha-2 code such as `GB`, upper-cased; anything else is refused with an example. */
export function normaliseRegion(region: string): string {
  const r = region.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(r)) {
    throw UserFacingError.of('invalid_input', 'settings.region_format');
  }
  if (!REGIONS.has(r)) {
    throw UserFacingError.of('invalid_input', 'settings.region_unknown', { region: r, uk: r === 'UK' ? 'yes' : 'no' });
  }
  return r;
}

export async function updatePreferences(em: Em, userId: string, patch: PreferencesPatch): Promise<UserPreferences> {
  const user = await ensureUser(em, userId);
  if (patch.dmOptIn !== undefined) {
    user.dmOptIn = patch.dmOptIn;
    // Turning DMs on (again) is the person saying they can receive them now: lift a pause.
    if (patch.dmOptIn) {
      user.dmPausedAt = null;
      user.dmPauseNoticedAt = null;
    }
  }
  if (patch.region !== undefined) user.region = patch.region === null ? null : normaliseRegion(patch.region);
  if (patch.locale !== undefined) user.locale = patch.locale === null ? null : storable(patch.locale, 16) || null;
  if (patch.localeOverride !== undefined) {
    user.localeOverride = patch.localeOverride === null ? null : normaliseLocale(patch.localeOverride);
  }
  await em.flush();
  return toPreferences(user);
}
