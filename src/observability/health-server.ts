// The operator's HTTP endpoint (off unless HEALTH_PORT is set; bound to 127.0.0.1 unless HEALTH_HOST says otherwise):
//   GET /healthz  liveness: the process answers (200).
//   GET /readyz   readiness: every check passes (200) or not (503), with each check's result as JSON.
//   GET /metrics  Prometheus exposition of the app's registry.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';
import type { Metrics } from './metrics.ts';

/** A readiness check: resolves true when ready; false or a throw means not ready. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

export interface HealthServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  readonly checks: Readonly<Record<string, ReadinessCheck>>;
  /** A check slower than this counts as failed, so a hung database cannot hang the probe. */
  readonly checkTimeoutMs?: number;
}

export interface HealthServer {
  /** The bound address, e.g. http://127.0.0.1:9464. */
  readonly url: string;
  /** Readiness turns false at once (shutdown begins); liveness stays up until close. */
  markStopping(): void;
  close(): Promise<void>;
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(check),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  const log = opts.logger.child({ component: 'health' });
  let stopping = false;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed\n');
    if (path === '/healthz') return send(200, 'text/plain', 'ok\n');
    if (path === '/readyz') {
      void (async () => {
        const names = Object.keys(opts.checks);
        const results = await Promise.all(
          names.map((n) => runCheck(opts.checks[n] as ReadinessCheck, opts.checkTimeoutMs ?? 2_000)),
        );
        const checks: Record<string, boolean> = { accepting: !stopping };
        names.forEach((n, i) => {
          checks[n] = results[i] as boolean;
        });
        const ready = Object.values(checks).every(Boolean);
        send(ready ? 200 : 503, 'application/json', `${JSON.stringify({ ready, checks })}\n`);
      })().catch((err) => {
        log.warn({ err }, 'readiness probe failed');
        send(500, 'text/plain', 'error\n');
      });
      return;
    }
    if (path === '/metrics' && opts.metrics) {
      const { registry } = opts.metrics;
      void registry
        .metrics()
        .then((body) => send(200, registry.contentType, body))
        .catch((err) => {
          log.warn({ err }, 'metrics scrape failed');
          send(500, 'text/plain', 'error\n');
        });
      return;
    }
    send(404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info({ url }, 'health endpoint listening (/healthz, /readyz, /metrics)');
  return {
    url,
    markStopping() {
      stopping = true;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
