// Where to stream: which of someone's streaming services carry a film in their region, from TMDB's watch providers
// (JustWatch's data, which TMDB asks apps to credit). A film's offers in a region are cached in `watch_offers` for
// TMDB_PROVIDERS_TTL_HOURS (default 24: TMDB updates this data daily); a region's provider list stays in memory as
// long. Every TMDB call goes through the shared client (rate limiter, retries, circuit breaker). When TMDB cannot be
// reached, a stale cached row is still used, and a film without one simply shows no offers: where-to-watch never
// makes a command fail.
//
// The region rule has one home here: offers are shown for the person's `/settings region` (ISO 3166-1), and for
// nobody without one.
import { LRUCache } from 'lru-cache';
import type { Em } from '../db.ts';
import {
  Movie,
  type OfferedProvider,
  type Offers,
  User,
  UserStreamingService,
  WatchlistItem,
  WatchOffers,
} from '../entities/index.ts';
import { UserFacingError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { yearOf } from '../release-year.ts';
import { cut } from '../text.ts';
import { isTmdbError, type TmdbClient } from './tmdb/index.ts';
import type { TmdbProvider, TmdbWatchProviders } from './tmdb/types.ts';
import { getPreferences } from './user-service.ts';

export type { OfferedProvider, Offers };

export interface ProviderRef {
  readonly id: number;
  readonly name: string;
}

export interface FilmOffers {
  readonly movieId: number;
  readonly region: string;
  /** TMDB's "where to watch" page for the film in the region. */
  readonly link: string | null;
  readonly offers: Offers;
}

/** What a person sees next to films: their region, their services, and each film's offers there. */
export interface WhereToWatch {
  /** Null when the person has set no region: nothing is shown. */
  readonly region: string | null;
  readonly services: readonly ProviderRef[];
  readonly offers: ReadonlyMap<number, FilmOffers>;
}

/** The films on someone's services, or why that question has no answer yet. */
export type Availability =
  | { readonly kind: 'no_region' }
  | { readonly kind: 'no_services'; readonly region: string }
  | {
      readonly kind: 'ok';
      readonly region: string;
      readonly services: readonly ProviderRef[];
      readonly movieIds: ReadonlySet<number>;
    };

/** A watchlisted film a weekly DM may mention: it now streams on one of the person's services. */
export interface WatchlistReminder {
  readonly watchlistItemId: number;
  readonly movieId: number;
  readonly title: string;
  readonly year: number | null;
  readonly region: string;
  /** The person's services that carry it (flatrate, free or with ads), by TMDB's order. */
  readonly services: readonly string[];
}

export interface StreamingServiceDeps {
  readonly tmdb: TmdbClient;
  readonly logger: Logger;
  readonly ttlHours: number;
  readonly clock?: () => Date;
  /** Time TMDB gets inside an interaction (Discord allows 3 s before a defer, 15 min after). */
  readonly interactiveBudgetMs?: number;
}

export interface StreamingService {
  /** Offers for these films in a region: cached rows, TMDB for the missing or stale ones (in parallel, paced). */
  offersFor(
    em: Em,
    movieIds: readonly number[],
    region: string,
    o?: { budgetMs?: number },
  ): Promise<Map<number, FilmOffers>>;
  /** The person's region, services and these films' offers there (no offers when no region is set). */
  whereToWatch(em: Em, userId: string, movieIds: readonly number[]): Promise<WhereToWatch>;
  /** TMDB's providers in a region, by its display priority. Throws tmdb_unavailable when TMDB cannot say. */
  regionProviders(region: string): Promise<TmdbProvider[]>;
  servicesOf(em: Em, userId: string): Promise<ProviderRef[]>;
  /**
   * The person's choice from a menu that offered `offered`: those chosen are kept or added, those offered but not
   * chosen are removed, services not offered (another page, another region) stay. Returns all their services.
   */
  chooseServices(
    em: Em,
    userId: string,
    offered: readonly ProviderRef[],
    chosenIds: readonly number[],
  ): Promise<ProviderRef[]>;
  /** Whether `availableOnServices` can answer: a region and at least one service are set. */
  readiness(em: Em, userId: string): Promise<Availability['kind']>;
  /** Films streaming (flatrate) on the person's services in their region, as far as TMDB and the cache know. */
  availableOnServices(em: Em, userId: string): Promise<Availability>;
  /**
   * Fetches offers that are missing or stale for these people's watchlisted films in their regions (the weekly run
   * calls it before computing, outside its transaction). At most `limit` TMDB lookups.
   */
  warmWatchlists(em: Em, userIds: readonly string[], limit?: number): Promise<number>;
  /**
   * Fetches offers that are missing or stale for films about to be shown to these people (a weekly run's picks, per
   * person), in each person's region; people without a region are skipped. At most `limit` films a region.
   */
  warmOffers(em: Em, films: ReadonlyMap<string, readonly number[]>, limit?: number): Promise<number>;
  /** Per person, the watchlisted film to remind them of this week, from cached offers only (no TMDB call). */
  dueReminders(em: Em, userIds: readonly string[]): Promise<Map<string, WatchlistReminder>>;
}

/** What streaming means for `available:mine` and reminders: on a subscription, or free (with or without ads). */
export const STREAMING_KINDS = ['flatrate', 'free', 'ads'] as const;
/** How many of TMDB's discover pages (20 films each, most popular first) `available:mine` reads. */
const DISCOVER_PAGES = 5;
const HOUR_MS = 3_600_000;

function offered(list: readonly TmdbProvider[]): OfferedProvider[] {
  return [...list]
    .sort((a, b) => a.displayPriority - b.displayPriority || a.id - b.id)
    .map((p) => ({ id: p.id, name: cut(p.name, 100), priority: p.displayPriority }));
}

function toOffers(w: TmdbWatchProviders | undefined): Offers {
  return {
    flatrate: offered(w?.flatrate ?? []),
    free: offered(w?.free ?? []),
    ads: offered(w?.ads ?? []),
    rent: offered(w?.rent ?? []),
    buy: offered(w?.buy ?? []),
  };
}

/** A JSON column may come back as a string on some drivers; anything unexpected is treated as no offers. */
function readOffers(v: unknown): Offers {
  const o = (typeof v === 'string' ? JSON.parse(v) : v) as Partial<Offers> | null;
  const list = (x: unknown) => (Array.isArray(x) ? (x as OfferedProvider[]) : []);
  return {
    flatrate: list(o?.flatrate),
    free: list(o?.free),
    ads: list(o?.ads),
    rent: list(o?.rent),
    buy: list(o?.buy),
  };
}

/** Providers that stream the film (subscription or free) among `serviceIds`, in TMDB's order. */
export function streamingOn(offers: Offers, serviceIds: ReadonlySet<number>): OfferedProvider[] {
  const seen = new Set<number>();
  const out: OfferedProvider[] = [];
  for (const kind of STREAMING_KINDS) {
    for (const p of offers[kind]) {
      if (serviceIds.has(p.id) && !seen.has(p.id)) {
        seen.add(p.id);
        out.push(p);
      }
    }
  }
  return out;
}

export function createStreamingService(deps: StreamingServiceDeps): StreamingService {
  const { tmdb } = deps;
  const log = deps.logger.child({ component: 'streaming' });
  const clock = deps.clock ?? (() => new Date());
  const ttlMs = deps.ttlHours * HOUR_MS;
  const budgetMs = deps.interactiveBudgetMs ?? 2_000;
  const regionLists = new LRUCache<string, TmdbProvider[]>({ max: 300, ttl: ttlMs });
  const tmdbUsable = () => tmdb.configured && tmdb.breakerState !== 'open';

  async function store(em: Em, rows: readonly FilmOffers[]): Promise<void> {
    if (rows.length === 0) return;
    const now = clock();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await em.fork().transactional(async (tem) => {
      await tem.upsertMany(
        WatchOffers,
        rows.map((r) => ({
          movie: r.movieId,
          region: r.region,
          link: r.link?.slice(0, 300) ?? null,
          offers: r.offers,
          fetchedAt: now,
          expiresAt,
        })),
        {
          onConflictFields: ['movie', 'region'],
          onConflictAction: 'merge',
          onConflictMergeFields: ['link', 'offers', 'fetchedAt', 'expiresAt'],
        },
      );
    });
  }

  async function offersFor(
    em: Em,
    movieIds: readonly number[],
    region: string,
    o: { budgetMs?: number } = {},
  ): Promise<Map<number, FilmOffers>> {
    const ids = [...new Set(movieIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
    const out = new Map<number, FilmOffers>();
    if (ids.length === 0) return out;
    const rows = await em.find(WatchOffers, { movie: { $in: ids }, region }, { fields: ['*'] });
    const now = clock().getTime();
    const fresh = new Set<number>();
    for (const r of rows) {
      const id = r.movie.id;
      out.set(id, { movieId: id, region, link: r.link ?? null, offers: readOffers(r.offers) });
      if (new Date(r.expiresAt).getTime() > now) fresh.add(id);
    }
    const missing = ids.filter((id) => !fresh.has(id));
    if (missing.length === 0 || !tmdbUsable()) return out;
    const timeoutMs = o.budgetMs ?? budgetMs;
    const fetched: FilmOffers[] = [];
    await Promise.all(
      missing.map(async (movieId) => {
        try {
          const w = (await tmdb.movieWatchProviders(movieId, [region], { timeoutMs }))[region];
          const row = { movieId, region, link: w?.link ?? null, offers: toOffers(w) };
          fetched.push(row);
          out.set(movieId, row);
        } catch (err) {
          // A film TMDB does not know, or TMDB unreachable: a stale row (if any) stays; otherwise nothing is shown.
          if (!isTmdbError(err)) throw err;
        }
      }),
    );
    // Only films we hold a row for can be cached (the foreign key); others are shown but asked again next time.
    const known = new Set(
      fetched.length === 0
        ? []
        : (await em.find(Movie, { id: { $in: fetched.map((f) => f.movieId) } }, { fields: ['id'] })).map((m) => m.id),
    );
    try {
      await store(
        em,
        fetched.filter((f) => known.has(f.movieId)),
      );
    } catch (err) {
      log.warn({ err, films: fetched.length, region }, 'could not cache watch providers');
    }
    return out;
  }

  async function servicesOf(em: Em, userId: string): Promise<ProviderRef[]> {
    const rows = await em.find(
      UserStreamingService,
      { user: userId },
      { orderBy: { addedAt: 'asc', providerId: 'asc' } },
    );
    return rows.map((r) => ({ id: r.providerId, name: r.providerName }));
  }

  async function regionProviders(region: string): Promise<TmdbProvider[]> {
    const cached = regionLists.get(region);
    if (cached) return cached;
    try {
      const list = await tmdb.watchProviders(region, { timeoutMs: budgetMs });
      regionLists.set(region, list);
      return list;
    } catch (err) {
      if (!isTmdbError(err)) throw err;
      throw UserFacingError.of('tmdb_unavailable', 'stream.services_unreachable', undefined, { cause: err });
    }
  }

  async function discoverOnServices(region: string, ids: readonly number[]): Promise<number[]> {
    if (!tmdbUsable()) return [];
    const found: number[] = [];
    for (let page = 1; page <= DISCOVER_PAGES; page++) {
      try {
        const res = await tmdb.discover(
          {
            withWatchProviders: ids,
            watchRegion: region,
            withWatchMonetizationTypes: [...STREAMING_KINDS],
            sortBy: 'popularity.desc',
            page,
          },
          { timeoutMs: budgetMs },
        );
        for (const r of res.results) found.push(r.id);
        if (page >= res.totalPages) break;
      } catch (err) {
        if (!isTmdbError(err)) throw err;
        break;
      }
    }
    return found;
  }

  return {
    offersFor,
    servicesOf,
    regionProviders,
    async whereToWatch(em, userId, movieIds) {
      const { region } = await getPreferences(em, userId);
      const services = await servicesOf(em, userId);
      if (!region) return { region: null, services, offers: new Map() };
      return { region, services, offers: await offersFor(em, movieIds, region) };
    },
    async chooseServices(em, userId, shown, chosenIds) {
      const chosen = new Set(chosenIds);
      const byId = new Map(shown.map((p) => [p.id, p]));
      for (const id of chosen) {
        if (!byId.has(id)) throw UserFacingError.of('invalid_input', 'stream.not_offered');
      }
      await em.fork().transactional(async (tem) => {
        const drop = shown.filter((p) => !chosen.has(p.id)).map((p) => p.id);
        if (drop.length > 0) await tem.nativeDelete(UserStreamingService, { user: userId, providerId: { $in: drop } });
        if (chosen.size > 0) {
          await tem.upsertMany(
            UserStreamingService,
            [...chosen].map((id) => ({
              user: userId,
              providerId: id,
              providerName: cut(byId.get(id)?.name ?? String(id), 100),
              addedAt: clock(),
            })),
            {
              onConflictFields: ['user', 'providerId'],
              onConflictAction: 'merge',
              onConflictMergeFields: ['providerName'],
            },
          );
        }
      });
      return servicesOf(em, userId);
    },
    async readiness(em, userId) {
      const { region } = await getPreferences(em, userId);
      if (!region) return 'no_region';
      return (await em.count(UserStreamingService, { user: userId })) > 0 ? 'ok' : 'no_services';
    },
    async availableOnServices(em, userId) {
      const { region } = await getPreferences(em, userId);
      if (!region) return { kind: 'no_region' };
      const services = await servicesOf(em, userId);
      if (services.length === 0) return { kind: 'no_services', region };
      const ids = new Set(services.map((s) => s.id));
      const movieIds = new Set(await discoverOnServices(region, [...ids]));
      // Films whose cached offers (fresh ones) say so count too: discover reads only the most popular pages.
      const rows = await em.find(WatchOffers, { region, expiresAt: { $gt: clock() } }, { fields: ['movie', 'offers'] });
      for (const r of rows) if (streamingOn(readOffers(r.offers), ids).length > 0) movieIds.add(r.movie.id);
      return { kind: 'ok', region, services, movieIds };
    },
    async warmWatchlists(em, userIds, limit = 500) {
      if (userIds.length === 0 || !tmdbUsable()) return 0;
      const marks = userIds.map(() => '?').join(',');
      const pairs = await em.execute<{ movie_id: number; region: string }[]>(
        `select distinct w.movie_id, u.region from watchlist w
           join users u on u.id = w.user_id
           join user_streaming_services s on s.user_id = u.id
          where w.user_id in (${marks}) and u.region is not null and w.reminded_at is null
            and not exists (select 1 from watch_offers o
                             where o.movie_id = w.movie_id and o.region = u.region and o.expires_at > ?)
          order by w.movie_id, u.region
          limit ?`,
        [...userIds, clock(), limit],
      );
      const byRegion = new Map<string, number[]>();
      for (const p of pairs) byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), Number(p.movie_id)]);
      let n = 0;
      for (const [region, movieIds] of byRegion) {
        // No interaction is waiting: TMDB gets its full timeout.
        n += (await offersFor(em, movieIds, region, { budgetMs: Number.POSITIVE_INFINITY })).size;
      }
      if (n > 0) log.info({ lookups: pairs.length, found: n }, 'watchlist availability refreshed');
      return n;
    },
    async warmOffers(em, films, limit = 500) {
      if (films.size === 0 || !tmdbUsable()) return 0;
      const people = await em.find(
        User,
        { id: { $in: [...films.keys()] }, region: { $ne: null } },
        { fields: ['id', 'region'] },
      );
      const byRegion = new Map<string, Set<number>>();
      for (const u of people) {
        if (!u.region) continue;
        const set = byRegion.get(u.region) ?? new Set<number>();
        for (const id of films.get(u.id) ?? []) set.add(id);
        byRegion.set(u.region, set);
      }
      let n = 0;
      for (const [region, ids] of byRegion) {
        // No interaction is waiting: TMDB gets its full timeout. Cached, fresh offers are not asked for again.
        n += (await offersFor(em, [...ids].slice(0, limit), region, { budgetMs: Number.POSITIVE_INFINITY })).size;
      }
      return n;
    },
    async dueReminders(em, userIds) {
      const out = new Map<string, WatchlistReminder>();
      if (userIds.length === 0) return out;
      const marks = userIds.map(() => '?').join(',');
      // Oldest on the list first: the film someone has meant to see longest is the one to mention.
      const rows = await em.execute<
        {
          id: number;
          user_id: string;
          movie_id: number;
          title: string;
          release_date: string | Date | null;
          region: string;
          offers: unknown;
        }[]
      >(
        `select w.id, w.user_id, w.movie_id, m.title, m.release_date, u.region, o.offers
           from watchlist w
           join users u on u.id = w.user_id
           join movies m on m.id = w.movie_id
           join watch_offers o on o.movie_id = w.movie_id and o.region = u.region
          where w.user_id in (${marks}) and w.reminded_at is null
          order by w.user_id, w.added_at, w.id`,
        userIds,
      );
      const services = new Map<string, Set<number>>();
      for (const r of await em.find(UserStreamingService, { user: { $in: [...userIds] } })) {
        const set = services.get(r.user.id) ?? new Set<number>();
        set.add(r.providerId);
        services.set(r.user.id, set);
      }
      for (const r of rows) {
        if (out.has(r.user_id)) continue;
        const on = streamingOn(readOffers(r.offers), services.get(r.user_id) ?? new Set());
        if (on.length === 0) continue;
        out.set(r.user_id, {
          watchlistItemId: Number(r.id),
          movieId: Number(r.movie_id),
          title: r.title,
          year: yearOf(r.release_date),
          region: r.region,
          services: on.map((p) => p.name),
        });
      }
      return out;
    },
  };
}

/** Marks the reminded watchlist rows (in the caller's transaction), so each film is mentioned once. */
export async function markReminded(em: Em, watchlistItemIds: readonly number[], now: Date): Promise<void> {
  if (watchlistItemIds.length === 0) return;
  await em.nativeUpdate(WatchlistItem, { id: { $in: [...watchlistItemIds] } }, { remindedAt: now });
}
