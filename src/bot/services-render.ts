// `/settings services`: TMDB's streaming services for the person's region in a string select, 25 at a time (the most a
// select holds: developers/components/reference.mdx § String Select). Page 1 holds TMDB's 25 most prominent services
// in the region (its display priority), which is where nearly everyone finds theirs; ◀ ▶ reach the rest, so every
// service stays choosable without typing. Pure; unit-tested.
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Translator } from '../i18n/index.ts';
import type { ProviderRef } from '../services/streaming-service.ts';
import { clip } from '../text.ts';
import { SELECT_OPTION_LABEL_MAX, SELECT_OPTIONS_MAX, SELECT_PLACEHOLDER_MAX } from './discord-limits.ts';
import { button, type RenderIds, row } from './render.ts';
import type { MessageView } from './responder.ts';
import { joinNames } from './where-to-watch.ts';

export const SERVICES_PAGE_SIZE = SELECT_OPTIONS_MAX;

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

export function renderServicesMenu(tr: Translator, m: ServicesMenu, r: RenderIds): MessageView {
  const credit = tr.t('stream.credit');
  if (m.providers.length === 0) {
    return {
      content: `${tr.t('services.none_listed', { region: m.region })} ${credit}`,
      components: [],
      ephemeral: true,
    };
  }
  const pages = servicesPageCount(m.providers.length);
  const page = Math.min(Math.max(1, m.page), pages);
  const shown = servicesPage(m.providers, page);
  const mine = new Set(m.mine.map((p) => p.id));
  const yours = m.mine.length
    ? tr.t('services.yours', {
        services: joinNames(
          tr,
          m.mine.map((p) => p.name),
          10,
        ),
      })
    : tr.t('services.yours_none');
  const lines = [
    m.saved ? tr.t('services.saved') : tr.t('services.ask', { region: m.region }),
    yours,
    tr.t('services.explain'),
  ];
  if (pages > 1) {
    const from = (page - 1) * SERVICES_PAGE_SIZE + 1;
    lines.push(tr.t('services.page', { from, to: from + shown.length - 1, total: m.providers.length }));
  }
  lines.push(credit);
  const components: NonNullable<MessageView['components']> = [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: r.ids.encode('svc', r.owner, [page]),
          placeholder: clip(tr.t('services.placeholder', { region: m.region }), SELECT_PLACEHOLDER_MAX),
          min_values: 0,
          max_values: shown.length,
          options: shown.map((p) => ({
            label: clip(p.name, SELECT_OPTION_LABEL_MAX),
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
        button(
          r.ids.encode('svp', r.owner, [page - 1]),
          tr.t('services.previous'),
          ButtonStyle.Secondary,
          '◀️',
          page <= 1,
        ),
        button(
          r.ids.encode('svp', r.owner, [page + 1]),
          tr.t('services.next'),
          ButtonStyle.Secondary,
          '▶️',
          page >= pages,
        ),
      ),
    );
  }
  return { content: lines.join('\n'), components, ephemeral: true };
}
