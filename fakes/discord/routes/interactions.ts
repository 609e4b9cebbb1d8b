// Interaction callbacks and interaction webhooks: the token in the path is the credential, no Authorization header.
// interactions/receiving-and-responding.mdx (Create Interaction Response, Followup Messages and their endpoints).
import type { RouteContext, RouteDef } from '../http.ts';
import { followUp, interactionForWebhook, respond, tokenMessage } from '../interactions.ts';
import { editMessage, toApiMessage } from '../messages.ts';

const webhook = '/webhooks/{application_id}/{interaction_token}';
// § Followup Messages: interaction webhooks share normal webhooks' rate limits (per webhook and token), and § Endpoints:
// they are not bound to the global rate limit (topics/rate-limits.mdx § Global Rate Limit).
const WEBHOOK_LIMIT = {
  global: false,
  bucket: (p: Record<string, string>) => `webhook ${p.application_id}/${p.interaction_token}`,
  rule: { limit: 5, windowMs: 2_000 },
} as const;
const message = `${webhook}/messages/{message_id}`;

const state = ({ fake, params }: RouteContext) =>
  interactionForWebhook(fake, params.application_id ?? '', params.interaction_token ?? '');

export const interactionRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/interactions/{interaction_id}/{interaction_token}/callback',
    auth: 'none',
    handle: ({ fake, params, body, query, files }) =>
      respond(fake, params.interaction_id ?? '', params.interaction_token ?? '', body, query, files),
  },
  {
    method: 'POST',
    path: webhook,
    auth: 'none',
    rateLimit: WEBHOOK_LIMIT,
    handle: (ctx) => ({
      status: 200,
      payload: toApiMessage(ctx.fake, followUp(ctx.fake, state(ctx), ctx.body, ctx.files)),
    }),
  },
  {
    method: 'GET',
    path: message,
    auth: 'none',
    rateLimit: WEBHOOK_LIMIT,
    handle: (ctx) => ({
      status: 200,
      payload: toApiMessage(ctx.fake, tokenMessage(ctx.fake, state(ctx), ctx.params.message_id ?? '')),
    }),
  },
  {
    method: 'PATCH',
    path: message,
    auth: 'none',
    rateLimit: WEBHOOK_LIMIT,
    handle: (ctx) => {
      const s = state(ctx);
      const msg = editMessage(
        ctx.fake,
        tokenMessage(ctx.fake, s, ctx.params.message_id ?? ''),
        ctx.body,
        {},
        ctx.files,
      );
      s.visible = true;
      ctx.fake.emit('interaction', s);
      return { status: 200, payload: toApiMessage(ctx.fake, msg) };
    },
  },
  {
    method: 'DELETE',
    path: message,
    auth: 'none',
    rateLimit: WEBHOOK_LIMIT,
    handle: (ctx) => {
      const s = state(ctx);
      ctx.fake.messages.delete(tokenMessage(ctx.fake, s, ctx.params.message_id ?? '').id);
      ctx.fake.emit('interaction', s);
      return { status: 204 };
    },
  },
];
