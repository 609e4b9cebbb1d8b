// The fake TMDB's streaming world: invented providers (ids from 90001, names that are plainly not real services), the
// regions they serve and, per film and region, who streams, rents, sells or shows it free. Everything is a pure
// function of the film id and the region, so the same request always gets the same answer. No real availability is
// claimed and nothing here comes from ../shared/data.
//
// Shapes follow ../shared/reference/tmdb-api.json: GET /3/movie/{movie_id}/watch/providers (results keyed by
// ISO 3166-1 region, each with link and flatrate / rent / buy / ads / free lists of provider_id, provider_name,
// logo_path, display_priority), GET /3/watch/providers/movie (a region's providers with display_priorities) and
// GET /3/watch/providers/regions.

export type OfferKind = 'flatrate' | 'rent' | 'buy' | 'ads' | 'free';

interface Carriage {
  readonly kinds: readonly OfferKind[];
  /** The film is offered when `id % every === at`. */
  readonly every: number;
  readonly at: number;
  readonly priority: number;
}

export interface FakeProvider {
  readonly provider_id: number;
  readonly provider_name: string;
  readonly logo_path: string;
  /** Per region: what it offers, for which films, and where TMDB would list it (lower first). */
  readonly regions: Readonly<Record<string, Carriage>>;
}

const every = (n: number, at: number, priority: number, kinds: readonly OfferKind[] = ['flatrate']): Carriage => ({
  kinds,
  every: n,
  at,
  priority,
});
const RENT_BUY: readonly OfferKind[] = ['rent', 'buy'];

const NAMED: readonly FakeProvider[] = [
  {
    provider_id: 90001,
    provider_name: 'Fakeflix',
    logo_path: '/fakeflix.png',
    regions: {
      US: every(2, 0, 1),
      CA: every(2, 0, 1),
      GB: every(2, 1, 1),
      DE: every(4, 0, 2),
      AT: every(4, 0, 2),
      FR: every(4, 0, 2),
    },
  },
  {
    provider_id: 90002,
    provider_name: 'Demo Plus',
    logo_path: '/demo-plus.png',
    regions: { US: every(3, 0, 2), GB: every(3, 1, 2), DE: every(3, 2, 1) },
  },
  {
    provider_id: 90003,
    provider_name: 'Reel Rentals',
    logo_path: '/reel-rentals.png',
    regions: Object.fromEntries(
      ['US', 'CA', 'GB', 'DE', 'AT', 'FR'].map((r) => [r, { kinds: RENT_BUY, every: 1, at: 0, priority: 3 }]),
    ),
  },
  {
    provider_id: 90004,
    provider_name: 'Pixel Store',
    logo_path: '/pixel-store.png',
    regions: { US: every(2, 1, 4, ['buy']), GB: every(2, 0, 4, ['buy']) },
  },
  {
    provider_id: 90005,
    provider_name: 'Popcorn Free',
    logo_path: '/popcorn-free.png',
    regions: { US: every(7, 0, 5, ['free']), GB: every(7, 0, 5, ['free']), CA: every(7, 0, 3, ['free']) },
  },
  {
    provider_id: 90006,
    provider_name: 'Kinokiste',
    logo_path: '/kinokiste.png',
    regions: { DE: every(5, 0, 3), AT: every(5, 0, 1) },
  },
  {
    provider_id: 90007,
    provider_name: 'Cinéma Chez Vous',
    logo_path: '/cinema-chez-vous.png',
    regions: { FR: every(5, 1, 1) },
  },
  {
    provider_id: 90008,
    provider_name: 'Maple Stream',
    logo_path: '/maple-stream.png',
    regions: { CA: every(3, 0, 2) },
  },
];

/**
 * The US has more providers than a select menu holds (25, developers/components/reference.mdx § String Select), as
 * real TMDB does for large regions: 22 small free-with-ads channels after the named services.
 */
const CHANNELS: readonly FakeProvider[] = Array.from({ length: 22 }, (_, k) => ({
  provider_id: 90101 + k,
  provider_name: `Fake Channel ${String(k + 1).padStart(2, '0')}`,
  logo_path: `/fake-channel-${k + 1}.png`,
  regions: { US: every(31, k + 9, 10 + k, ['ads']) },
}));

export const FAKE_WATCH_PROVIDERS: readonly FakeProvider[] = [...NAMED, ...CHANNELS];

/** Regions with provider data, as TMDB's /3/watch/providers/regions lists them. */
export const FAKE_WATCH_REGIONS: readonly { iso_3166_1: string; english_name: string; native_name: string }[] = [
  { iso_3166_1: 'AT', english_name: 'Austria', native_name: 'Österreich' },
  { iso_3166_1: 'CA', english_name: 'Canada', native_name: 'Canada' },
  { iso_3166_1: 'DE', english_name: 'Germany', native_name: 'Deutschland' },
  { iso_3166_1: 'FR', english_name: 'France', native_name: 'France' },
  { iso_3166_1: 'GB', english_name: 'United Kingdom', native_name: 'United Kingdom' },
  { iso_3166_1: 'US', english_name: 'United States of America', native_name: 'United States' },
];

type ProviderEntry = { provider_id: number; provider_name: string; logo_path: string; display_priority: number };

/** One region's offers for a film (TMDB omits empty lists and regions with nothing). */
export function offersIn(movieId: number, region: string): Partial<Record<OfferKind, ProviderEntry[]>> {
  const out: Partial<Record<OfferKind, ProviderEntry[]>> = {};
  const sorted = FAKE_WATCH_PROVIDERS.filter((p) => p.regions[region]).sort(
    (a, b) => (a.regions[region]?.priority ?? 0) - (b.regions[region]?.priority ?? 0),
  );
  for (const p of sorted) {
    const c = p.regions[region] as Carriage;
    if (movieId % c.every !== c.at) continue;
    for (const kind of c.kinds) {
      const entry = {
        provider_id: p.provider_id,
        provider_name: p.provider_name,
        logo_path: p.logo_path,
        display_priority: c.priority,
      };
      out[kind] = [...(out[kind] ?? []), entry];
    }
  }
  return out;
}

/** GET /3/movie/{movie_id}/watch/providers. */
export function movieWatchProviders(movieId: number): { id: number; results: Record<string, unknown> } {
  const results: Record<string, unknown> = {};
  for (const { iso_3166_1: region } of FAKE_WATCH_REGIONS) {
    const offers = offersIn(movieId, region);
    if (Object.keys(offers).length === 0) continue;
    results[region] = { link: `https://www.themoviedb.org/movie/${movieId}/watch?locale=${region}`, ...offers };
  }
  return { id: movieId, results };
}

/**
 * Ids of providers offering the film in the region in any of `kinds` (all kinds when empty): what discover's
 * with_watch_providers matches, narrowed by with_watch_monetization_types.
 */
export function providerIdsIn(movieId: number, region: string, kinds: readonly string[] = []): number[] {
  const offers = offersIn(movieId, region);
  const ids = new Set<number>();
  for (const [kind, list] of Object.entries(offers)) {
    if (kinds.length === 0 || kinds.includes(kind)) for (const p of list ?? []) ids.add(p.provider_id);
  }
  return [...ids];
}

/** GET /3/watch/providers/movie: every provider, or those of `region`, by display priority there. */
export function providerList(region: string | null): { results: unknown[] } {
  const list = FAKE_WATCH_PROVIDERS.filter((p) => region === null || p.regions[region]);
  const priority = (p: FakeProvider) =>
    region ? (p.regions[region]?.priority ?? 0) : Math.min(...Object.values(p.regions).map((c) => c.priority));
  return {
    results: list
      .map((p) => ({
        display_priorities: Object.fromEntries(Object.entries(p.regions).map(([r, c]) => [r, c.priority])),
        display_priority: priority(p),
        logo_path: p.logo_path,
        provider_name: p.provider_name,
        provider_id: p.provider_id,
      }))
      .sort((a, b) => a.display_priority - b.display_priority || a.provider_id - b.provider_id),
  };
}
