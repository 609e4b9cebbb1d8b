// EASE built on a worker thread is the model built in-thread, and buildHybrid takes that path for big enough EASE.
import { describe, expect, it } from 'vitest';
import {
  buildContent,
  buildEase,
  buildEaseOnThread,
  buildHybrid,
  buildPopularity,
  csrFromTriplets,
  mulberry32,
  transpose,
} from '../../../src/recommender/index.ts';
import { data, item } from './fixtures.ts';

function world(nUsers: number, nItems: number, seed: number) {
  const rand = mulberry32(seed);
  const rows: [number, number, number][] = [];
  for (let u = 0; u < nUsers; u++) {
    for (let i = 0; i < nItems; i++) if (rand() < 0.2) rows.push([u, i, 1 + Math.floor(rand() * 5)]);
  }
  return data(
    Array.from({ length: nItems }, (_, i) => item(i + 1)),
    rows,
  );
}

describe('buildEaseOnThread', () => {
  it('returns the same model as buildEase', () => {
    const d = world(80, 40, 7);
    const byUser = csrFromTriplets(d.userIds.length, d.items.length, d.ratings.user, d.ratings.item, d.ratings.value);
    const counts = buildPopularity(transpose(byUser), d.items).counts;
    const opts = { lambda: 5, maxItems: 30, minCount: 1 };
    const here = buildEase(byUser, counts, opts)!;
    const pending = buildEaseOnThread(byUser, counts, opts);
    const there = pending.result()!;
    expect(pending.builtOn).toBe('thread');
    expect(there.m).toBe(30);
    expect(Array.from(there.items)).toEqual(Array.from(here.items));
    expect(Array.from(there.pos)).toEqual(Array.from(here.pos));
    expect(Array.from(there.b)).toEqual(Array.from(here.b));
  });

  it('when EASE takes the films’ features as side information, then the thread builds the same model', () => {
    const d = world(80, 40, 9);
    const items = d.items.map((m, i) => ({ ...m, genres: [`G${i % 4}`], directors: [`D${i % 7}`] }));
    const byUser = csrFromTriplets(d.userIds.length, items.length, d.ratings.user, d.ratings.item, d.ratings.value);
    const counts = buildPopularity(transpose(byUser), items).counts;
    const opts = { lambda: 5, maxItems: 30, minCount: 1, sideWeight: 3 };
    const features = buildContent(items).vectors;
    const here = buildEase(byUser, counts, opts, features)!;
    const pending = buildEaseOnThread(byUser, counts, opts, features);
    const there = pending.result()!;
    expect(pending.builtOn).toBe('thread');
    expect(Array.from(there.b)).toEqual(Array.from(here.b));
    expect(Array.from(here.b)).not.toEqual(Array.from(buildEase(byUser, counts, { ...opts, sideWeight: 0 })!.b));
  });

  it('buildHybrid gives the same EASE with and without the thread', () => {
    const d = world(60, 500, 3);
    const ease = { lambda: 50, maxItems: 500, minCount: 1 };
    const threaded = buildHybrid(d, { ease, models: ['ease'] }).ease!;
    const inline = buildHybrid(d, { ease, models: ['ease'], easeThread: false }).ease!;
    expect(threaded.m).toBeGreaterThanOrEqual(500);
    expect(Array.from(threaded.b)).toEqual(Array.from(inline.b));
  });
});
