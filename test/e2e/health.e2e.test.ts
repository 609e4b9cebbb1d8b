// The operator's endpoint on the real app: liveness, readiness from the gateway, database and model, and Prometheus
// metrics that move when people use the bot.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../fakes/local-stack.ts';

let stack: LocalStack;
let base: string;

beforeAll(async () => {
  stack = await startLocalStack({ dataDir: 'memory://', preloadDemo: false, env: { HEALTH_PORT: '0' } });
  base = stack.app.health?.url ?? '';
});
afterAll(async () => {
  await stack?.stop();
});

function metricValue(body: string, name: string, labels: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((p) => l.includes(p)));
  return line === undefined ? Number.NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
}

it('when HEALTH_PORT is set, then the endpoint listens on loopback only', () => {
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

it('when the bot is up, then /healthz is 200 and /readyz reports gateway, database and model ready', async () => {
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    ready: true,
    checks: { accepting: true, gateway: true, database: true, model: true },
  });
});

it('when people run commands and search TMDB, then /metrics counts them by command and outcome', async () => {
  const d = stack.discord;
  await d.command(d.user('mia'), 'help').reply();
  await d.command(d.user('mia'), 'search', { query: 'Heat' }).reply();
  await d.command(d.user('mia'), 'rate', { movie: 'no such film at all', stars: 4 }).reply();
  // The dispatcher counts an interaction just after its answer is sent: wait until the last one is counted.
  let res = await fetch(`${base}/metrics`);
  let body = await res.text();
  for (let i = 0; i < 50 && !body.includes('command="rate",outcome="user_error"'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    res = await fetch(`${base}/metrics`);
    body = await res.text();
  }
  expect(res.headers.get('content-type')).toContain('text/plain');
  expect(metricValue(body, 'marquee_interactions_total', 'command="help",outcome="ok"')).toBe(1);
  expect(metricValue(body, 'marquee_interactions_total', 'command="search",outcome="ok"')).toBe(1);
  expect(metricValue(body, 'marquee_interaction_first_response_seconds_count', 'command="help"')).toBe(1);
  expect(metricValue(body, 'marquee_interaction_duration_seconds_count', 'command="search"')).toBe(1);
  expect(metricValue(body, 'marquee_interaction_deferrals_total', 'command="search"')).toBe(1);
  expect(metricValue(body, 'marquee_interactions_total', 'command="rate",outcome="user_error"')).toBe(1);
  expect(metricValue(body, 'marquee_interaction_errors_total', 'outcome="user_error",class="not_found"')).toBe(1);
  expect(metricValue(body, 'marquee_tmdb_requests_total', 'status="200"')).toBeGreaterThanOrEqual(1);
  expect(metricValue(body, 'marquee_tmdb_breaker_state', 'state="closed"')).toBe(1);
  expect(metricValue(body, 'marquee_outbox_depth', 'status="pending"')).toBe(0);
  expect(body).toMatch(/marquee_model_info\{version="hyb1-[^"]+"\} 1/);
  expect(body).toContain('nodejs_eventloop_lag_seconds');
});

it('when shutdown begins, then /readyz turns 503 while /healthz still answers', async () => {
  stack.app.health?.markStopping();
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(503);
  expect(((await ready.json()) as { checks: Record<string, boolean> }).checks.accepting).toBe(false);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
});
