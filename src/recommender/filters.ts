// The /recommend filters. Unknown years or runtimes fail a filter that needs them.
import type { Filters, ItemMeta } from './types.ts';

export function passesFilters(meta: ItemMeta, f: Filters | undefined): boolean {
  if (!f) return true;
  if (f.genre) {
    const g = f.genre.toLowerCase();
    if (!meta.genres.some((x) => x.toLowerCase() === g)) return false;
  }
  if (f.fromYear !== undefined && (meta.year === null || meta.year < f.fromYear)) return false;
  if (f.toYear !== undefined && (meta.year === null || meta.year > f.toYear)) return false;
  if (f.maxRuntime !== undefined && (meta.runtime === null || meta.runtime > f.maxRuntime)) return false;
  if (f.onlyIds !== undefined && !f.onlyIds.has(meta.id)) return false;
  return true;
}
