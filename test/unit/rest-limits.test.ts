import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RateLimitData, REST } from '@discordjs/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exemptInteractionWebhooksFromGlobalLimit } from '../../src/bot/rest-limits.ts';

// A server that accepts everything: only the client's own pacing is under test.
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{}');
});
let api = '';
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => {
  server.close();
});

const APP = '1400000000000000001';

async function burst(rest: REST, route: (i: number) => `/${string}`, n: number): Promise<RateLimitData[]> {
  const limited: RateLimitData[] = [];
  rest.on('rateLimited', (d) => limited.push(d));
  await Promise.all(Array.from({ length: n }, (_, i) => rest.patch(route(i), { body: {}, auth: false })));
  return limited;
}

describe('interaction webhooks and the global rate limit', () => {
  it('when many interactions edit their answers at once, then none waits for the global bucket', async () => {
    const rest = new REST({ api, globalRequestsPerSecond: 3 }).setToken('x');
    expect(exemptInteractionWebhooksFromGlobalLimit(rest)).toBe(true);
    const limited = await burst(rest, (i) => `/webhooks/${APP}/token-${i}/messages/@original`, 8);
    expect(limited.filter((l) => l.global)).toEqual([]);
  });

  it('when the bot makes its own requests, then the global bucket still paces them', async () => {
    const rest = new REST({ api, globalRequestsPerSecond: 3 }).setToken('x');
    exemptInteractionWebhooksFromGlobalLimit(rest);
    const limited = await burst(rest, (i) => `/channels/14000000000000000${10 + i}/messages/1400000000000000099`, 5);
    expect(limited.some((l) => l.global)).toBe(true);
  });

  it('without the exemption, then interaction edits queue behind the global bucket (what we fix)', async () => {
    const rest = new REST({ api, globalRequestsPerSecond: 3 }).setToken('x');
    const limited = await burst(rest, (i) => `/webhooks/${APP}/token-${i}/messages/@original`, 5);
    expect(limited.some((l) => l.global)).toBe(true);
  });
});
