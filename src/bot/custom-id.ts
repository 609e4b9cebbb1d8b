// Button custom ids are untrusted input: anyone can send an interaction with any custom id. Ours are compact,
// versioned and signed (HMAC over the whole id), carry the user the buttons belong to, and expire.
// Format: `1|<action>|<owner>|<arg~arg…>|<issued, base36 seconds>|<signature>` — well under Discord's 100 characters.
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { UserFacingError } from '../errors.ts';

export const ACTIONS = {
  /** Feedback on a pick: movieId, kind (u/d/s/n), impressionId (0 = none), source (r/o/w…). */
  fb: { ttlMs: 30 * 86_400_000, args: 4 },
  /** Rate a film from a card or onboarding: movieId, stars, source (s/o). */
  rate: { ttlMs: 7 * 86_400_000, args: 3 },
  /** Remove a rating: movieId. */
  unrate: { ttlMs: 7 * 86_400_000, args: 1 },
  /** Mark watched today: movieId. */
  watch: { ttlMs: 7 * 86_400_000, args: 1 },
  /** Open a film's card: movieId. */
  open: { ttlMs: 7 * 86_400_000, args: 1 },
  /** A page of someone's watch list: target user id, page. */
  wl: { ttlMs: 86_400_000, args: 2 },
  /** Show picks now (after onboarding). */
  rec: { ttlMs: 86_400_000, args: 0 },
  /** 🔖 Put a film on (or take it off) the clicker's watchlist: movieId, source (s/c/r/w/m). */
  bm: { ttlMs: 30 * 86_400_000, args: 2 },
  /** A page of a watchlist: target user id, page. */
  wll: { ttlMs: 86_400_000, args: 2 },
  /** Movie night "I'm in" / "I'm out": night id (acts for whoever clicks). */
  mnin: { ttlMs: 2 * 86_400_000, args: 1 },
  mnout: { ttlMs: 2 * 86_400_000, args: 1 },
  /** Movie night stars afterwards: night id, stars 1–5 (acts for whoever clicks; attendance is checked). */
  mnrate: { ttlMs: 30 * 86_400_000, args: 2 },
  /** Movie night "I watched it": night id. */
  mnsaw: { ttlMs: 30 * 86_400_000, args: 1 },
  /** Confirm `/privacy delete`: no arguments (the owner is the person whose data goes). Short-lived on purpose. */
  pdel: { ttlMs: 10 * 60_000, args: 0 },
  /** Cancel `/privacy delete`. */
  pkeep: { ttlMs: 10 * 60_000, args: 0 },
  /** `/settings services` select menu: page shown (its options are TMDB's providers of that page for the region). */
  svc: { ttlMs: 86_400_000, args: 1 },
  /** `/settings services` ◀ ▶: page to show. */
  svp: { ttlMs: 86_400_000, args: 1 },
  /** A label that does nothing (a film title next to rating buttons): unique tag. */
  noop: { ttlMs: 30 * 86_400_000, args: 1 },
} as const;

export type Action = keyof typeof ACTIONS;

export interface CustomId {
  readonly action: Action;
  /** The user these buttons act for. */
  readonly owner: string;
  readonly args: readonly string[];
  readonly issuedAt: number;
}

const VERSION = '1';
const SIG_LENGTH = 10;
const ARG = /^[A-Za-z0-9._-]{0,24}$/;

export class CustomIds {
  /** The HMAC key XORed with ipad / opad (RFC 2104), computed once: see `sign`. */
  private readonly inner: Buffer;
  private readonly outer: Buffer;
  private readonly now: () => number;

  /** `secret` is derived from the bot token in the composition root, so ids survive restarts but not a new token. */
  constructor(secret: string, now: () => number = Date.now) {
    const key = createHmac('sha256', 'marquee/custom-id').update(secret).digest();
    this.inner = Buffer.alloc(64, 0x36);
    this.outer = Buffer.alloc(64, 0x5c);
    for (let i = 0; i < key.length; i++) {
      this.inner[i] = (this.inner[i] as number) ^ (key[i] as number);
      this.outer[i] = (this.outer[i] as number) ^ (key[i] as number);
    }
    this.now = now;
  }

  encode(action: Action, owner: string, args: readonly (string | number)[] = []): string {
    const spec = ACTIONS[action];
    if (args.length !== spec.args) throw new Error(`custom id ${action} takes ${spec.args} arguments`);
    const parts = args.map(String);
    for (const a of parts) if (!ARG.test(a)) throw new Error(`custom id argument "${a}" has unsafe characters`);
    const body = [VERSION, action, owner, parts.join('~'), Math.floor(this.now() / 1000).toString(36)].join('|');
    const id = `${body}|${this.sign(body)}`;
    if (id.length > 100) throw new Error(`custom id too long (${id.length})`);
    return id;
  }

  /** Validates an id from an interaction; throws a kind UserFacingError for forged, foreign-format or expired ids. */
  decode(raw: string): CustomId {
    const forged = () => UserFacingError.of('invalid_input', 'button.forged');
    if (typeof raw !== 'string' || raw.length > 100) throw forged();
    const parts = raw.split('|');
    if (parts.length !== 6 || parts[0] !== VERSION) throw forged();
    const [, action, owner, argText, issued, sig] = parts as [string, string, string, string, string, string];
    const body = parts.slice(0, 5).join('|');
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forged();
    if (!Object.hasOwn(ACTIONS, action)) throw forged();
    const spec = ACTIONS[action as Action];
    const args = argText === '' ? [] : argText.split('~');
    if (args.length !== spec.args || !/^\d{1,20}$/.test(owner)) throw forged();
    const issuedAt = Number.parseInt(issued, 36) * 1000;
    if (!Number.isFinite(issuedAt)) throw forged();
    if (this.now() - issuedAt > spec.ttlMs) {
      throw UserFacingError.of('expired', 'button.expired');
    }
    return { action: action as Action, owner, args, issuedAt };
  }

  /**
   * HMAC-SHA256 of the body (RFC 2104: H(K⊕opad ‖ H(K⊕ipad ‖ body))), the same bytes as `createHmac`, from two one-shot
   * hashes over the precomputed padded keys: about 5× cheaper than a new Hmac object per id, which a weekly DM's ~20
   * buttons made a tenth of the delivery's CPU (docs/benchmarks.md, "Weekly run").
   */
  private sign(body: string): string {
    const innerHash = hash('sha256', Buffer.concat([this.inner, Buffer.from(body)]), 'buffer');
    return hash('sha256', Buffer.concat([this.outer, innerHash]), 'base64url').slice(0, SIG_LENGTH);
  }
}

/** Owner check: buttons act only for the person they were made for. */
export function assertOwner(id: CustomId, clickerId: string): void {
  if (id.owner !== clickerId) {
    throw UserFacingError.of('forbidden', 'button.not_yours', { owner: `<@${id.owner}>` });
  }
}

export function intArg(id: CustomId, index: number, opts: { min?: number; max?: number } = {}): number {
  const n = Number(id.args[index]);
  if (!Number.isSafeInteger(n) || n < (opts.min ?? 0) || n > (opts.max ?? Number.MAX_SAFE_INTEGER)) {
    throw UserFacingError.of('invalid_input', 'button.stale');
  }
  return n;
}
