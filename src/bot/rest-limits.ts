// Interaction answers must not queue behind the bot's global request limit.
//
// Discord exempts every interaction endpoint from the global rate limit (developers/topics/rate-limits, "Global Rate
// Limit"; developers/interactions/receiving-and-responding, "Endpoints"): the callback and the
// `/webhooks/{application.id}/{interaction.token}/…` routes that edit the original response and send follow-ups.
// @discordjs/rest 2.6 exempts only the callback (it gives it a "burst" handler); edits and follow-ups go through a
// sequential handler that counts them against the 50 requests/s global bucket, so under a burst of users the final
// answers wait behind each other and behind weekly DMs. This gives those routes the same burst handler: each request
// goes out at once, and a 429 is still honoured from its Retry-After.
import { BurstHandlerMajorIdKey, type REST } from '@discordjs/rest';

interface Handler {
  readonly id: string;
}
interface RestInternals {
  createHandler(hash: string, majorParameter: string): Handler;
  readonly handlers: Map<string, Handler>;
}

/** Webhook routes are keyed by `webhookId/token` (the only major parameter with a slash); for us that is always an
 * interaction's (the bot never executes other webhooks). */
const WEBHOOK_MAJOR = /^\d{17,20}\/[^/?]+$/;

/** True once applied; exported for tests. */
export function exemptInteractionWebhooksFromGlobalLimit(rest: REST): boolean {
  const internals = rest as unknown as RestInternals;
  if (typeof internals.createHandler !== 'function' || !(internals.handlers instanceof Map)) return false;
  const create = internals.createHandler.bind(rest);
  // The burst handler class is not exported: take it from the handler @discordjs/rest makes for callbacks.
  const probe = create('marquee-probe', BurstHandlerMajorIdKey);
  internals.handlers.delete(probe.id);
  const Burst = probe.constructor as new (manager: REST, hash: string, majorParameter: string) => Handler;
  internals.createHandler = (hash: string, majorParameter: string) => {
    if (!WEBHOOK_MAJOR.test(majorParameter)) return create(hash, majorParameter);
    const handler = new Burst(rest, hash, majorParameter);
    internals.handlers.set(handler.id, handler);
    return handler;
  };
  return true;
}
