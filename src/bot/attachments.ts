// Downloading a file a person attached to a command. The URL comes from Discord's resolved attachment; the size
// Discord reports is checked before anything is fetched, and the bytes actually received are checked again.
// A private Agent per download: using undici's global dispatcher would install undici 8's agent where discord.js's
// REST (undici 6) finds it too, and that agent refuses the FormData discord.js builds for file uploads.
import { Agent, request } from 'undici';
import { UserFacingError } from '../errors.ts';

export interface AttachmentRef {
  readonly url: string;
  readonly name: string;
  readonly size: number;
}

export async function downloadAttachment(a: AttachmentRef, maxBytes: number, timeoutMs = 15_000): Promise<Uint8Array> {
  const limitMb = Math.round(maxBytes / (1024 * 1024));
  if (a.size > maxBytes) {
    throw UserFacingError.of('invalid_input', 'attachment.too_big', {
      name: a.name,
      size: Math.round(a.size / (1024 * 1024)),
      limit: limitMb,
    });
  }
  if (!/^https?:\/\//.test(a.url)) throw UserFacingError.of('invalid_input', 'attachment.unreadable');
  const agent = new Agent({ connections: 1, connect: { timeout: timeoutMs } });
  try {
    const res = await request(a.url, { dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw UserFacingError.of('invalid_input', 'attachment.download_failed');
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        res.body.destroy();
        throw UserFacingError.of('invalid_input', 'attachment.over_limit', { name: a.name, limit: limitMb });
      }
      chunks.push(chunk as Buffer);
    }
    return new Uint8Array(Buffer.concat(chunks));
  } catch (err) {
    if (err instanceof UserFacingError) throw err;
    throw UserFacingError.of('invalid_input', 'attachment.download_failed', undefined, { cause: err });
  } finally {
    await agent.close().catch(() => undefined);
  }
}
