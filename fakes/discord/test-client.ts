// A minimal gateway client for tests of the local Discord itself: it identifies, heartbeats, and records dispatches,
// so a test can play the bot over REST (answer interactions, send messages) without discord.js in between.
import { GatewayOpcodes } from 'discord-api-types/v10';
import WebSocket from 'ws';
import type { FakeDiscord } from './fake-discord.ts';
import type { Json } from './types.ts';

export interface TestGatewayClient {
  readonly dispatches: { t: string; d: Json }[];
  /** Resolves with the close code when the server closes the socket. */
  readonly closed: Promise<number>;
  readonly ws: WebSocket;
  close(): void;
}

export async function connectTestClient(
  fake: FakeDiscord,
  opts: { intents?: number; heartbeat?: boolean; shard?: [number, number] } = {},
): Promise<TestGatewayClient> {
  const ws = new WebSocket(`${fake.gatewayUrl}/?v=10&encoding=json`);
  const dispatches: { t: string; d: Json }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const closed = new Promise<number>((resolve) =>
    ws.on('close', (code) => {
      clearInterval(timer);
      resolve(code);
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.op === GatewayOpcodes.Hello) {
        if (opts.heartbeat ?? true) {
          timer = setInterval(
            () => ws.send(JSON.stringify({ op: GatewayOpcodes.Heartbeat, d: null })),
            msg.d.heartbeat_interval,
          );
        }
        ws.send(
          JSON.stringify({
            op: GatewayOpcodes.Identify,
            d: {
              token: fake.token,
              intents: opts.intents ?? 1,
              properties: { os: 'linux', browser: 't', device: 't' },
              ...(opts.shard ? { shard: opts.shard } : {}),
            },
          }),
        );
      }
      if (msg.op === GatewayOpcodes.Dispatch) {
        dispatches.push({ t: msg.t, d: msg.d });
        // Ready once every guild READY listed has arrived (a shard may hold none).
        const listed = dispatches.find((x) => x.t === 'READY')?.d.guilds.length ?? Number.POSITIVE_INFINITY;
        if (dispatches.filter((x) => x.t === 'GUILD_CREATE').length >= listed) resolve();
      }
    });
    ws.on('close', (code) => reject(new Error(`gateway closed with ${code} before READY`)));
  });
  await ready;
  return {
    dispatches,
    closed,
    ws,
    close: () => {
      clearInterval(timer);
      ws.close(1000);
    },
  };
}
