// /stats as a picture: a PNG drawn with @napi-rs/canvas (Skia, prebuilt binaries inside the npm package, no
// download step; see the README, "Your taste as a picture"). Pure: stats in, PNG bytes out. Layout numbers are
// exported so tests can check pixels where bars must be.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { Translator } from '../i18n/index.ts';
import type { Count, PersonalStats, ServerStats } from '../services/stats-service.ts';
import { clip } from '../text.ts';

export const CHART = Object.freeze({
  width: 960,
  height: 640,
  background: '#1e1f22',
  text: '#f2f3f5',
  muted: '#949ba4',
  bar: '#5865f2',
  server: '#eb459e',
  accent: '#57f287',
  // DejaVu Sans (or Arial) draws Latin, Cyrillic and Greek as before; Noto Sans JP only the glyphs they lack.
  font: 'DejaVu Sans, Arial, Noto Sans JP, sans-serif',
});

let fontsLoaded = false;

/**
 * Registers Noto Sans JP (npm `@fontsource-variable/noto-sans-jp`: one variable font split by Unicode range into
 * 124 woff2 files, 5.5 MB) under one family name, once per process; Skia picks the file holding each glyph. Without
 * it the machine has no CJK font and Japanese draws as identical boxes.
 */
export function loadChartFonts(): void {
  if (fontsLoaded) return;
  fontsLoaded = true;
  const pkg = createRequire(import.meta.url).resolve('@fontsource-variable/noto-sans-jp/package.json');
  const files = join(dirname(pkg), 'files');
  for (const file of readdirSync(files)) {
    if (file.endsWith('.woff2')) GlobalFonts.registerFromPath(join(files, file), 'Noto Sans JP');
  }
}

/** Where panel `i` (0–3, reading order) sits: 2 × 2 grid under a 56 px title. */
export function panel(i: number): { x: number; y: number; w: number; h: number } {
  const w = CHART.width / 2;
  const h = (CHART.height - 56) / 2;
  return { x: (i % 2) * w, y: 56 + Math.floor(i / 2) * h, w, h };
}

/** The rectangle of half-star bar `k` (0 = 0.5★) in the distribution panel. */
export function distributionBar(distribution: readonly number[], k: number) {
  const p = panel(0);
  const max = Math.max(1, ...distribution);
  const left = p.x + 24;
  const bottom = p.y + p.h - 36;
  const slot = (p.w - 48) / distribution.length;
  const h = Math.round(((distribution[k] ?? 0) / max) * (p.h - 90));
  return { x: Math.round(left + k * slot + 3), y: bottom - h, w: Math.round(slot - 6), h };
}

function title(g: SKRSContext2D, text: string, x: number, y: number, size = 18) {
  g.fillStyle = CHART.text;
  g.font = `bold ${size}px ${CHART.font}`;
  g.fillText(text, x, y);
}

function label(g: SKRSContext2D, text: string, x: number, y: number, color: string = CHART.muted, max = 34) {
  g.fillStyle = color;
  g.font = `13px ${CHART.font}`;
  g.fillText(clip(text, max), x, y);
}

function empty(tr: Translator, g: SKRSContext2D, p: ReturnType<typeof panel>) {
  label(g, tr.t('stats.not_enough'), p.x + 24, p.y + p.h / 2);
}

/** Horizontal bars with labels and values, for ranked lists. */
function bars(
  tr: Translator,
  g: SKRSContext2D,
  i: number,
  heading: string,
  items: readonly Count[],
  color: string,
  fmt: (v: number) => string,
) {
  const p = panel(i);
  title(g, heading, p.x + 24, p.y + 28);
  if (items.length === 0) return empty(tr, g, p);
  const max = Math.max(...items.map((c) => c.value), 1e-9);
  const row = Math.min(44, (p.h - 56) / items.length);
  items.forEach((c, k) => {
    const y = p.y + 48 + k * row;
    label(g, c.label, p.x + 24, y + 14, CHART.text);
    const w = Math.max(2, Math.round((c.value / max) * (p.w - 140)));
    g.fillStyle = color;
    g.fillRect(p.x + 24, y + 20, w, 12);
    label(g, fmt(c.value), p.x + 32 + w, y + 31);
  });
}

function canvasWithTitle(text: string) {
  loadChartFonts();
  const canvas = createCanvas(CHART.width, CHART.height);
  const g = canvas.getContext('2d');
  g.fillStyle = CHART.background;
  g.fillRect(0, 0, CHART.width, CHART.height);
  title(g, text, 24, 36, 24);
  return { canvas, g };
}

export function renderPersonalChart(tr: Translator, name: string, s: PersonalStats): Buffer {
  const { canvas, g } = canvasWithTitle(tr.t('stats.personal_title', { name, ratings: s.ratings, watched: s.watched }));
  // 1. Rating distribution.
  const p0 = panel(0);
  title(g, tr.t('stats.ratings'), p0.x + 24, p0.y + 28);
  s.distribution.forEach((_, k) => {
    const r = distributionBar(s.distribution, k);
    g.fillStyle = CHART.bar;
    if (r.h > 0) g.fillRect(r.x, r.y, r.w, r.h);
    if (k % 2 === 1) label(g, tr.stars((k + 1) / 2), r.x, p0.y + p0.h - 16);
  });
  // 2. Top genres, mine against the server's.
  const p1 = panel(1);
  title(g, tr.t('stats.top_genres'), p1.x + 24, p1.y + 28);
  if (s.genres.length === 0) empty(tr, g, p1);
  const maxShare = Math.max(1e-9, ...s.genres.flatMap((x) => [x.mine, x.server]));
  s.genres.forEach((x, k) => {
    const y = p1.y + 48 + k * 36;
    label(g, tr.genres([x.label]), p1.x + 24, y + 12, CHART.text);
    const scale = (v: number) => Math.max(1, Math.round((v / maxShare) * (p1.w - 200)));
    g.fillStyle = CHART.bar;
    g.fillRect(p1.x + 150, y + 2, scale(x.mine), 10);
    g.fillStyle = CHART.server;
    g.fillRect(p1.x + 150, y + 14, scale(x.server), 8);
  });
  // 3. Films by decade.
  bars(tr, g, 2, tr.t('stats.by_decade'), s.decades.slice(-7), CHART.accent, (v) => tr.int(v));
  // 4. Directors rated highest.
  bars(tr, g, 3, tr.t('stats.top_directors'), s.directors, CHART.bar, (v) => tr.stars(v));
  return canvas.toBuffer('image/png');
}

export function renderServerChart(tr: Translator, name: string, s: ServerStats): Buffer {
  const { canvas, g } = canvasWithTitle(tr.t('stats.server_title', { name, members: s.members }));
  bars(tr, g, 0, tr.t('stats.most_watched'), s.mostWatched, CHART.accent, (v) => `${tr.int(v)}×`);
  bars(tr, g, 1, tr.t('stats.most_loved'), s.mostLoved, CHART.bar, (v) => tr.stars(v));
  bars(tr, g, 2, tr.t('stats.most_divisive'), s.mostDivisive, CHART.server, (v) => `±${tr.decimal(v)}`);
  const p = panel(3);
  label(g, tr.t('stats.server_note'), p.x + 24, p.y + 40, CHART.muted, 80);
  label(g, tr.t('stats.server_rules'), p.x + 24, p.y + 60, CHART.muted, 80);
  return canvas.toBuffer('image/png');
}
