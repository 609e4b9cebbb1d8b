// events/gateway.mdx § Get Gateway, Get Gateway Bot
import type { RouteContext, RouteDef } from '../http.ts';

function gatewayInfo({ fake }: RouteContext) {
  return {
    status: 200,
    payload: {
      url: fake.gatewayUrl,
      shards: fake.recommendedShards,
      session_start_limit: {
        total: 1000,
        remaining: 999,
        reset_after: 86_400_000,
        max_concurrency: fake.maxConcurrency ?? 1,
      },
    },
  };
}

export const gatewayRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/gateway',
    auth: 'none',
    handle: ({ fake }) => ({ status: 200, payload: { url: fake.gatewayUrl } }),
  },
  { method: 'GET', path: '/gateway/bot', auth: 'bot', handle: gatewayInfo },
];
