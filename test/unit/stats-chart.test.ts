import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CHART, distributionBar, panel, renderPersonalChart, renderServerChart } from '../../src/bot/stats-chart.ts';
import { translator } from '../../src/i18n/index.ts';
import type { PersonalStats, ServerStats } from '../../src/services/stats-service.ts';

const en = translator('en-US');
const ja = translator('ja');

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

  it('when two different Japanese titles are drawn, then their label pixels differ (no tofu boxes)', () => {
    // Without a CJK font both came out as two identical boxes: the same pixels.
    const server = (label: string): ServerStats => ({
      members: 3,
      mostWatched: [{ label, value: 3 }],
      mostLoved: [],
      mostDivisive: [],
    });
    const region = (png: PNG) => {
      const p = panel(0);
      const rows: number[] = [];
      for (let y = p.y + 48; y < p.y + 48 + 20; y++)
        for (let x = p.x + 24; x < p.x + 24 + 60; x++) rows.push(...pixel(png, x, y));
      return rows;
    };
    const a = region(PNG.sync.read(renderServerChart(ja, 'サーバー', server('評価'))));
    const b = region(PNG.sync.read(renderServerChart(ja, 'サーバー', server('鑑賞'))));
    expect(a.some((v, i) => v !== rgb(CHART.background)[i % 3])).toBe(true);
    expect(a).not.toEqual(b);
  });

  it('when the Japanese chart is drawn, then every Japanese character on it has its own glyph', () => {
    const text = [
      ja.t('stats.personal_title', { name: 'アリス', ratings: 14, watched: 9 }),
      ja.t('stats.ratings'),
      ja.t('stats.top_genres'),
      ja.t('stats.by_decade'),
      ja.t('stats.top_directors'),
      ja.t('stats.not_enough'),
      ja.genres(['Drama', 'Crime']),
    ].join('');
    const chars = [...new Set(text)].filter((c) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c));
    expect(chars.length).toBeGreaterThan(20);
    renderPersonalChart(ja, 'アリス', stats); // drawing a chart registers its fonts
    const glyph = (c: string) => {
      const canvas = createCanvas(24, 24);
      const g = canvas.getContext('2d');
      g.font = `18px ${CHART.font}`;
      g.fillText(c, 2, 20);
      return Buffer.from(g.getImageData(0, 0, 24, 24).data).toString('base64');
    };
    // Boxes are all alike: with no CJK font this set has one member.
    expect(new Set(chars.map(glyph)).size).toBe(chars.length);
  });
});
