import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CHART, distributionBar, panel, renderPersonalChart, renderServerChart } from '../../src/bot/stats-chart.ts';
import { translator } from '../../src/i18n/index.ts';
import type { PersonalStats } from '../../src/services/stats-service.ts';

const en = translator('en-US');

function rgb(hex: string): [number, number, number] {
  return [
    Number.parseInt(hex.slice(1, 3), 16),
    Number.parseInt(hex.slice(3, 5), 16),
    Number.parseInt(hex.slice(5, 7), 16),
  ];
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (png.width * y + x) * 4;
  return [png.data[i] ?? -1, png.data[i + 1] ?? -1, png.data[i + 2] ?? -1];
}

const stats: PersonalStats = {
  ratings: 14,
  watched: 9,
  distribution: [0, 0, 1, 0, 2, 1, 4, 3, 2, 1],
  decades: [
    { label: '1970s', value: 2 },
    { label: '1990s', value: 6 },
  ],
  genres: [
    { label: 'Drama', mine: 0.4, server: 0.3 },
    { label: 'Crime', mine: 0.3, server: 0.1 },
  ],
  directors: [{ label: 'Michael Mann', value: 4.5 }],
};

describe('stats chart', () => {
  it('when personal stats are drawn, then the PNG has the chart size and bars where the counts say', () => {
    const png = PNG.sync.read(renderPersonalChart(en, 'alice', stats));
    expect([png.width, png.height]).toEqual([CHART.width, CHART.height]);
    expect(pixel(png, 4, 4)).toEqual(rgb(CHART.background));
    // The tallest bar (3.5★, 4 films) is filled at its middle; the empty 0.5★ slot is background.
    const tall = distributionBar(stats.distribution, 6);
    expect(tall.h).toBeGreaterThan(100);
    expect(pixel(png, tall.x + Math.floor(tall.w / 2), tall.y + Math.floor(tall.h / 2))).toEqual(rgb(CHART.bar));
    const none = distributionBar(stats.distribution, 0);
    expect(pixel(png, none.x + Math.floor(none.w / 2), none.y - 5)).toEqual(rgb(CHART.background));
    // A 4-film bar is twice as tall as a 2-film one.
    expect(tall.h).toBe(2 * distributionBar(stats.distribution, 4).h);
  });

  it('when a server chart is drawn, then it is a PNG of the same size with its panels on the background', () => {
    const png = PNG.sync.read(
      renderServerChart(en, 'Movie Night', {
        members: 3,
        mostWatched: [{ label: 'Heat', value: 3 }],
        mostLoved: [{ label: 'Heat', value: 4.5 }],
        mostDivisive: [],
      }),
    );
    expect([png.width, png.height]).toEqual([CHART.width, CHART.height]);
    const p = panel(0);
    // The one "most watched" bar spans the panel's bar width, 12 px high, at the first row.
    expect(pixel(png, p.x + 30, p.y + 48 + 26)).toEqual(rgb(CHART.accent));
    expect(pixel(png, CHART.width - 3, CHART.height - 3)).toEqual(rgb(CHART.background));
  });
});
