// The batch CLI on a train file it has never seen: whitespace-separated, no header, odd id ranges, no metadata.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'marquee-offline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recommend:offline', () => {
  it('when given a headerless u.data-style file, then every user gets exactly k unseen films, ranked', () => {
    const lines: string[] = [];
    const train = new Map<string, Set<string>>();
    for (let u = 0; u < 30; u++) {
      const user = String(900000 + u * 7);
      train.set(user, new Set());
      for (let m = 0; m < 40; m++) {
        if ((u * 13 + m * 7) % 5 === 0 || (u % 3 === m % 3 && m < 12)) {
          const movie = String(50000 + m * 3);
          train.get(user)?.add(movie);
          lines.push(`${user}\t${movie}\t${1 + ((u + m) % 5)}\t${880000000 + m}`);
        }
      }
    }
    writeFileSync(join(dir, 'u.data'), `${lines.join('\n')}\n`);
    const out = join(dir, 'recs.csv');
    execFileSync(
      process.execPath,
      ['scripts/recommend-offline.ts', '--train', join(dir, 'u.data'), '--k', '5', '--out', out, '--no-tune'],
      { stdio: 'pipe' },
    );
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(header).toBe('userId,rank,movieId,score');
    const byUser = new Map<string, string[][]>();
    for (const r of rows) {
      const f = r.split(',');
      const key = f[0] ?? '';
      byUser.set(key, [...(byUser.get(key) ?? []), f]);
    }
    expect([...byUser.keys()].sort()).toEqual([...train.keys()].sort());
    for (const [user, recs] of byUser) {
      expect(recs.map((r) => r[1])).toEqual(['1', '2', '3', '4', '5']);
      for (const r of recs) expect(train.get(user)?.has(r[2] ?? '')).toBe(false);
      const scores = recs.map((r) => Number(r[3]));
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });
});
