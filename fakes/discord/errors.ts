// Discord's error answers: an HTTP status, a JSON error code and message, and for invalid bodies (50035) an `errors`
// tree that mirrors the body's shape down to the bad field, each leaf holding `_errors: [{ code, message }]`.
// topics/opcodes-and-status-codes.mdx § JSON (JSON Error Codes, Example JSON Error Response)
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { Json } from './types.ts';

export class DiscordHttpError extends Error {
  readonly status: number;
  readonly code: number;
  readonly errors?: Json;
  /** A readable summary of `errors` for test failures; never sent (Discord's message stays its own). */
  readonly detail: string;
  constructor(status: number, code: number, message: string, errors?: Json, detail?: string) {
    super(message);
    this.status = status;
    this.code = code;
    if (errors !== undefined) this.errors = errors;
    this.detail = detail ? `${message} (${detail})` : message;
  }

  toBody(): Json {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

/** A 429: the body carries `retry_after`, the headers `Retry-After` and `X-RateLimit-*`. */
export class RateLimited extends Error {
  readonly body: Json;
  readonly headers: Record<string, string>;
  constructor(body: Json, headers: Record<string, string>) {
    super('rate limited');
    this.body = body;
    this.headers = headers;
  }
}

export type FieldPath = readonly (string | number)[];

/**
 * Collects every problem of one body, then throws a single 50035 whose `errors` tree names each bad field, the way
 * Discord reports all the problems of a request at once. Codes are Discord's, e.g. `BASE_TYPE_MAX_LENGTH`.
 */
export class FormErrors {
  private readonly tree: Json = {};
  private count = 0;
  private readonly first: string[] = [];

  add(path: FieldPath, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      node[String(key)] ??= {};
      node = node[String(key)];
    }
    node._errors ??= [];
    node._errors.push({ code, message });
    if (this.first.length < 3) this.first.push(`${path.join('.') || 'body'}: ${message}`);
    this.count++;
  }

  /** Checks a string's length in UTF-16 code units, as Discord counts (an emoji may count as 2). */
  length(path: FieldPath, value: unknown, min: number, max: number): void {
    if (value === undefined || value === null) {
      if (min > 0) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
      return;
    }
    if (value.length < min || value.length > max) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    }
  }

  get empty(): boolean {
    return this.count === 0;
  }

  get messages(): readonly string[] {
    return this.first;
  }

  /** Throws the 400 50035 when anything was added. */
  throwIfAny(): void {
    if (this.empty) return;
    throw new DiscordHttpError(
      400,
      RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      'Invalid Form Body',
      this.tree,
      this.first.join('; '),
    );
  }
}

/** A single-field 50035, for rules that look at one value. */
export function invalidForm(path: FieldPath, code: string, message: string): DiscordHttpError {
  const errors = new FormErrors();
  errors.add(path, code, message);
  try {
    errors.throwIfAny();
  } catch (e) {
    return e as DiscordHttpError;
  }
  throw new Error('unreachable');
}
