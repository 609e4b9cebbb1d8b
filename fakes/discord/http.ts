// The REST side: parses a request, checks the bot token, applies the route's rate limit, runs its handler and
// answers in Discord's error format. Routes are declared in routes/*.ts as data (method, Discord-style path, auth,
// rate limit, handler), so adding one is adding an entry; see routes/index.ts.
import type http from 'node:http';
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { MAX_REQUEST_BYTES, parseMultipart, serveAttachment, type UploadedFile } from './attachments.ts';
import { DiscordHttpError, RateLimited } from './errors.ts';
import type { FakeDiscord } from './fake-discord.ts';
import type { BucketRule } from './rate-limits.ts';
import type { Json, RecordedRequest, RouteResult } from './types.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  readonly fake: FakeDiscord;
  /** Path parameters by the names used in the route's path, e.g. `channel_id`. */
  readonly params: Readonly<Record<string, string>>;
  readonly body: Json;
  /** Files of a multipart request, in `files[n]` order. */
  readonly files: readonly UploadedFile[];
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly request: RecordedRequest;
}

export interface RouteDef {
  readonly method: HttpMethod;
  /** Discord's notation without `/api/v10`: `/channels/{channel_id}/messages/{message_id}`. */
  readonly path: string;
  /** `bot`: needs `Authorization: Bot <token>` (401 otherwise). `none`: the credential is in the path (interactions). */
  readonly auth: 'bot' | 'none';
  /**
   * The route's rate limit, or none. `global` says whether the request counts against the global limit. The bucket is
   * the method and path with its major parameters filled in (topics/rate-limits.mdx, opening section), unless given.
   */
  readonly rateLimit?: {
    readonly global: boolean;
    readonly bucket?: (params: Record<string, string>) => string;
    /** A route-specific limit instead of the limiter's default route rule. */
    readonly rule?: BucketRule;
  };
  handle(ctx: RouteContext): RouteResult;
}

// topics/rate-limits.mdx (opening section): buckets are per route and per major parameter.
const MAJOR_PARAMS = new Set(['channel_id', 'guild_id', 'webhook_id', 'interaction_token']);

interface CompiledRoute {
  readonly def: RouteDef;
  readonly re: RegExp;
  readonly names: string[];
}

function compile(def: RouteDef): CompiledRoute {
  const names: string[] = [];
  const pattern = def.path
    .split('/')
    .map((part) => {
      const p = /^\{(\w+)\}$/.exec(part);
      if (!p) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(p[1] ?? '');
      return '([^/]+)';
    })
    .join('/');
  return { def, re: new RegExp(`^${pattern}$`), names };
}

export class HttpApi {
  private readonly fake: FakeDiscord;
  private readonly routes: CompiledRoute[];

  constructor(fake: FakeDiscord, routes: readonly RouteDef[]) {
    this.fake = fake;
    this.routes = routes.map(compile);
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fake = this.fake;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const file = serveAttachment(
        fake,
        decodeURIComponent(url.pathname).replace(/[^/]+$/, (n) => encodeURIComponent(n)),
      );
      res.writeHead(file.status, file.headers);
      res.end(file.data);
      return;
    }
    const raw = Buffer.concat(chunks);
    const text = raw.toString();
    let files: UploadedFile[] = [];
    let body: Json = text || undefined;
    const contentType = req.headers['content-type'] ?? '';
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      route: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      status: 0,
      at: fake.clock.now(),
    };
    const send = (status: number, obj?: Json, headers: Record<string, string> = {}) => {
      rec.status = status;
      // topics/rate-limits.mdx § Invalid Request Limit: 401, 403 and 429 count, except 429s with scope `shared`.
      if ((status === 401 || status === 403 || status === 429) && headers['x-ratelimit-scope'] !== 'shared') {
        fake.invalidRequests.record(rec.at, status, rec.route);
      }
      if (obj !== undefined) fake.onBody?.({ direction: 'response', method: rec.method, route: rec.route, body: obj });
      res.writeHead(status, obj === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(obj === undefined ? undefined : JSON.stringify(obj));
      fake.requests.push(rec);
      fake.emit('request', rec);
    };
    try {
      if (!url.pathname.startsWith('/api/v10/')) throw new DiscordHttpError(404, 0, '404: Not Found');
      if (contentType.includes('application/json') && text) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new DiscordHttpError(
            400,
            RESTJSONErrorCodes.RequestBodyContainsInvalidJSON,
            'The request body contains invalid JSON.',
          );
        }
      } else if (contentType.includes('multipart/form-data')) {
        if (raw.length > MAX_REQUEST_BYTES) {
          throw new DiscordHttpError(413, RESTJSONErrorCodes.RequestEntityTooLarge, 'Request entity too large');
        }
        ({ body, files } = await parseMultipart(raw, contentType));
      }
      (rec as { body: Json }).body = body;
      (rec as { files?: readonly UploadedFile[] }).files = files;
      if (body !== undefined) fake.onBody?.({ direction: 'request', method: rec.method, route: rec.route, body });
      const { status, payload, headers } = this.dispatch(rec);
      send(status, payload, headers);
    } catch (err) {
      if (err instanceof RateLimited) send(429, err.body, err.headers);
      else if (err instanceof DiscordHttpError) send(err.status, err.toBody());
      else send(500, { message: `500: fake Discord bug: ${(err as Error).message}`, code: 0 });
    }
  }

  private dispatch(rec: RecordedRequest): RouteResult {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.re.exec(rec.route);
      if (!m) continue;
      pathMatched = true;
      if (r.def.method !== rec.method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = m[i + 1] ?? '';
      });
      if (r.def.auth === 'bot') this.requireBot(rec.headers);
      const limitHeaders = r.def.rateLimit ? this.limit(r.def, params, r.def.rateLimit) : {};
      const result = r.def.handle({
        fake: this.fake,
        params,
        body: rec.body,
        files: rec.files ?? [],
        query: rec.query,
        headers: rec.headers,
        request: rec,
      });
      return { ...result, headers: { ...limitHeaders, ...result.headers } };
    }
    if (pathMatched) throw new DiscordHttpError(405, 0, '405: Method Not Allowed');
    throw new DiscordHttpError(404, 0, '404: Not Found');
  }

  private requireBot(headers: http.IncomingHttpHeaders): void {
    if (headers.authorization !== `Bot ${this.fake.token}`) throw new DiscordHttpError(401, 0, '401: Unauthorized');
  }

  private limit(
    def: RouteDef,
    params: Record<string, string>,
    rule: NonNullable<RouteDef['rateLimit']>,
  ): Record<string, string> {
    const bucket =
      rule.bucket?.(params) ??
      `${def.method} ${def.path.replace(/\{(\w+)\}/g, (whole, name: string) => (MAJOR_PARAMS.has(name) ? (params[name] ?? whole) : whole))}`;
    const d = this.fake.rateLimiter.take(bucket, { global: rule.global, ...(rule.rule ? { rule: rule.rule } : {}) });
    if (!d.ok) throw new RateLimited(d.body, d.headers);
    return d.headers;
  }
}
