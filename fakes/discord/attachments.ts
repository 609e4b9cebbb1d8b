// Files. Bots upload them as `multipart/form-data` (`payload_json` plus `files[n]`) when creating or editing messages,
// replying to interactions and sending follow-ups; Discord stores them as attachment objects served from its CDN, and
// embeds may point at them with `attachment://<filename>`. People attach files to slash commands through options of
// type ATTACHMENT, which arrive in `resolved.attachments`.
// resources/message.mdx § Create Message (Limitations; JSON/Form Params), § Attachment Object (Attachment Structure,
// Attachment Request Structure); interactions/receiving-and-responding.mdx § Interaction Object (attachment_size_limit,
// Resolved Data Structure); interactions/application-commands.mdx § Application Command Option Type (ATTACHMENT = 11);
// components/reference.mdx § File (`attachment://` references).
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError, invalidForm } from './errors.ts';
import type { FakeDiscord } from './fake-discord.ts';
import type { Json } from './types.ts';

/** resources/message.mdx § Create Message, Limitations: "The maximum request size when sending a message is 25 MiB". */
export const MAX_REQUEST_BYTES = 25 * 1024 * 1024;
/** receiving-and-responding.mdx § Interaction Object `attachment_size_limit`: what this fake reports (10 MiB, no boosts). */
export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export interface UploadedFile {
  /** `n` of the `files[n]` form field. */
  readonly index: number;
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface StoredFile {
  readonly id: string;
  readonly channelId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** Splits a multipart body into the JSON payload and the files (the platform's own form-data parser). */
export async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: Json; files: UploadedFile[] }> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new DiscordHttpError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Invalid Form Body');
  }
  let body: Json = {};
  const files: UploadedFile[] = [];
  for (const [name, value] of form.entries()) {
    if (name === 'payload_json' && typeof value === 'string') {
      try {
        body = JSON.parse(value);
      } catch {
        throw new DiscordHttpError(
          400,
          RESTJSONErrorCodes.RequestBodyContainsInvalidJSON,
          'The request body contains invalid JSON.',
        );
      }
      continue;
    }
    const m = /^files\[(\d+)\]$/.exec(name) ?? /^file(\d*)$/.exec(name);
    if (m && typeof value !== 'string') {
      files.push({
        index: Number(m[1] || 0),
        filename: value.name || `file${m[1] ?? ''}`,
        contentType: value.type || 'application/octet-stream',
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
  }
  return { body, files };
}

export function cdnUrl(fake: FakeDiscord, f: Pick<StoredFile, 'id' | 'channelId' | 'filename'>): string {
  return `${fake.cdnBase}/attachments/${f.channelId}/${f.id}/${encodeURIComponent(f.filename)}`;
}

function toAttachment(fake: FakeDiscord, f: StoredFile, description?: string): Json {
  const url = cdnUrl(fake, f);
  return {
    id: f.id,
    filename: f.filename,
    ...(description ? { description } : {}),
    content_type: f.contentType,
    size: f.data.length,
    url,
    proxy_url: url,
  };
}

function store(fake: FakeDiscord, channelId: string, filename: string, contentType: string, data: Buffer): StoredFile {
  const f: StoredFile = { id: fake.ids.next(), channelId, filename, contentType, data };
  fake.files.set(f.id, f);
  return f;
}

/**
 * The attachments a message ends up with: on create, every uploaded file (metadata from `attachments[]` whose id is
 * the file's `n`); on edit, the existing attachments listed in `attachments[]` (all of them when it is absent) plus
 * the new files.
 */
export function attachmentsFor(
  fake: FakeDiscord,
  channelId: string,
  body: Json,
  files: readonly UploadedFile[],
  existing: readonly Json[] | null,
): Json[] {
  const requests: Json[] = Array.isArray(body?.attachments) ? body.attachments : [];
  for (const file of files) {
    if (file.data.length > ATTACHMENT_SIZE_LIMIT) {
      throw new DiscordHttpError(413, RESTJSONErrorCodes.RequestEntityTooLarge, 'Request entity too large');
    }
  }
  const byIndex = new Map(requests.map((r) => [String(r?.id), r]));
  const kept =
    existing === null
      ? []
      : body?.attachments === undefined
        ? [...existing]
        : existing.filter((a) => byIndex.has(String(a.id)));
  const added = files.map((file) => {
    const meta = byIndex.get(String(file.index));
    const description = typeof meta?.description === 'string' ? meta.description : undefined;
    if (description && description.length > 1024) {
      throw invalidForm(
        ['attachments', String(file.index), 'description'],
        'BASE_TYPE_MAX_LENGTH',
        'Must be 1024 or fewer in length.',
      );
    }
    const filename = typeof meta?.filename === 'string' && meta.filename ? meta.filename : file.filename;
    return toAttachment(fake, store(fake, channelId, filename, file.contentType, file.data), description);
  });
  return [...kept, ...added];
}

/** Replaces `attachment://<filename>` in embed image, thumbnail, author and footer URLs with the attachment's URL. */
export function resolveAttachmentRefs(embeds: Json[], attachments: readonly Json[]): Json[] {
  const byName = new Map(attachments.map((a) => [a.filename, a.url]));
  const fix = (o: Json, key: string) => {
    const v = o?.[key];
    if (typeof v !== 'string' || !v.startsWith('attachment://')) return o;
    const url = byName.get(v.slice('attachment://'.length));
    return url ? { ...o, [key]: url } : o;
  };
  return embeds.map((e) => ({
    ...e,
    ...(e.image ? { image: fix(e.image, 'url') } : {}),
    ...(e.thumbnail ? { thumbnail: fix(e.thumbnail, 'url') } : {}),
    ...(e.author ? { author: fix(e.author, 'icon_url') } : {}),
    ...(e.footer ? { footer: fix(e.footer, 'icon_url') } : {}),
  }));
}

/** A file a person attaches to a slash command (what the Discord client uploads before sending the interaction). */
export function userUpload(
  fake: FakeDiscord,
  channelId: string,
  filename: string,
  data: Buffer,
  contentType?: string,
): Json {
  return toAttachment(fake, store(fake, channelId, filename, contentType ?? guessType(filename), data));
}

function guessType(filename: string): string {
  if (/\.zip$/i.test(filename)) return 'application/zip';
  if (/\.csv$/i.test(filename)) return 'text/csv; charset=utf-8';
  if (/\.png$/i.test(filename)) return 'image/png';
  if (/\.json$/i.test(filename)) return 'application/json';
  return 'application/octet-stream';
}

/** GET /attachments/{channel}/{id}/{filename} on the CDN host: the bytes, or 404. */
export function serveAttachment(
  fake: FakeDiscord,
  path: string,
): { status: number; headers: Record<string, string>; data?: Buffer } {
  const m = /^\/attachments\/(\d+)\/(\d+)\/([^/]+)$/.exec(path);
  const f = m ? fake.files.get(m[2] ?? '') : undefined;
  if (!m || !f || f.channelId !== m[1] || encodeURIComponent(f.filename) !== m[3]) {
    return { status: 404, headers: { 'content-type': 'text/plain' }, data: Buffer.from('Not Found') };
  }
  return {
    status: 200,
    headers: { 'content-type': f.contentType, 'content-length': String(f.data.length) },
    data: f.data,
  };
}
