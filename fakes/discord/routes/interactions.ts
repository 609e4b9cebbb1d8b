// Interaction callbacks and interaction webhooks: the token in the path is the credential, no Authorization header.
// interactions/receiving-and-responding.mdx (Create Interaction Response, Followup Messages and their endpoints).
import type { RouteContext, RouteDef } from '../http.ts';
import { followUp, interactionForWebhook, respond, tokenMessage } from '../interactions.ts';
import { editMessage, toApiMessage } from '../messages.ts';

const webhook = '/webhooks/{application_id}/{interaction_token}';
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
    handle: (ctx) => ({
      status: 200,
      payload: toApiMessage(ctx.fake, followUp(ctx.fake, state(ctx), ctx.body, ctx.files)),
    }),
  },
  {
    method: 'GET',
    path: message,
    auth: 'none',
    handle: (ctx) => ({
      status: 200,
      payload: toApiMessage(ctx.fake, tokenMessage(ctx.fake, state(ctx), ctx.params.message_id ?? '')),
    }),
  },
  {
    method: 'PATCH',
    path: message,
    auth: 'none',
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
    handle: (ctx) => {
      const s = state(ctx);
      ctx.fake.messages.delete(tokenMessage(ctx.fake, s, ctx.params.message_id ?? '').id);
      ctx.fake.emit('interaction', s);
      return { status: 204 };
    },
  },
];
