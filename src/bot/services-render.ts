// `/settings services`: TMDB's streaming services for the person's region in a string select, 25 at a time (the most a
// select holds: developers/components/reference.mdx § String Select). Page 1 holds TMDB's 25 most prominent services
// in the region (its display priority), which is where nearly everyone finds theirs; ◀ ▶ reach the rest, so every
// service stays choosable without typing. Pure; unit-tested.
import { ButtonStyle, ComponentType } from 'discord.js';
import type { ProviderRef } from '../services/streaming-service.ts';
import { clip } from '../text.ts';
import { button, type RenderIds, row } from './render.ts';
import type { MessageView } from './responder.ts';
import { JUSTWATCH_CREDIT, joinNames } from './where-to-watch.ts';

export const SERVICES_PAGE_SIZE = 25;

export interface ServicesMenu {
  readonly region: string;
  /** Every provider TMDB lists for the region, most prominent first. */
  readonly providers: readonly ProviderRef[];
  readonly mine: readonly ProviderRef[];
  readonly page: number;
  /** Set right after a choice was saved. */
  readonly saved?: boolean;
}

export function servicesPageCount(providers: number): number {
  return Math.max(1, Math.ceil(providers / SERVICES_PAGE_SIZE));
}

/** The providers a page offers. */
export function servicesPage(providers: readonly ProviderRef[], page: number): ProviderRef[] {
  return providers.slice((page - 1) * SERVICES_PAGE_SIZE, page * SERVICES_PAGE_SIZE);
}

export function renderServicesMenu(m: ServicesMenu, r: RenderIds): MessageView {
  if (m.providers.length === 0) {
    return {
      content: `TMDB lists no streaming services for ${m.region} yet, so there is nothing to choose. ${JUSTWATCH_CREDIT}`,
      components: [],
      ephemeral: true,
    };
  }
  const pages = servicesPageCount(m.providers.length);
  const page = Math.min(Math.max(1, m.page), pages);
  const shown = servicesPage(m.providers, page);
  const mine = new Set(m.mine.map((p) => p.id));
  const yours = m.mine.length
    ? `Yours: ${joinNames(
        m.mine.map((p) => p.name),
        10,
      )}.`
    : 'You have none chosen yet.';
  const lines = [
    m.saved
      ? '✅ Saved.'
      : `📺 Which streaming services do you have in ${m.region}? Tick them below (untick to remove).`,
    yours,
    'Films on them come first in "where to watch" on cards and picks, `/recommend available:mine` keeps to them, and your weekly DM tells you when a film on your watchlist arrives on one.',
  ];
  if (pages > 1) {
    const from = (page - 1) * SERVICES_PAGE_SIZE + 1;
    lines.push(
      `Services ${from}–${from + shown.length - 1} of ${m.providers.length}, most widely used first: ◀ ▶ for the others.`,
    );
  }
  lines.push(JUSTWATCH_CREDIT);
  const components: NonNullable<MessageView['components']> = [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: r.ids.encode('svc', r.owner, [page]),
          placeholder: clip(`Your services in ${m.region}`, 150),
          min_values: 0,
          max_values: shown.length,
          options: shown.map((p) => ({
            label: clip(p.name, 100),
            value: String(p.id),
            ...(mine.has(p.id) ? { default: true } : {}),
          })),
        },
      ],
    },
  ];
  if (pages > 1) {
    components.push(
      row(
        button(r.ids.encode('svp', r.owner, [page - 1]), 'Previous', ButtonStyle.Secondary, '◀️', page <= 1),
        button(r.ids.encode('svp', r.owner, [page + 1]), 'Next', ButtonStyle.Secondary, '▶️', page >= pages),
      ),
    );
  }
  return { content: lines.join('\n'), components, ephemeral: true };
}
