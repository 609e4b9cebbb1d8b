import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

// Discord serialises permission sets as strings of a decimal integer (developers/topics/permissions, "Permissions":
// "a serialized string" of the bit set). Anything else in those fields is malformed and grants nothing.

/** Fields of gateway payloads that hold a permission bit set (member/role/app permissions, overwrites). */
const PERMISSION_KEYS = new Set(['permissions', 'app_permissions', 'allow', 'deny']);
/** A non-negative integer below 2^64: at most 20 decimal digits, nothing else (no sign, spaces, hex or exponent). */
const PERMISSION_STRING = /^\d{1,20}$/;

export function isValidPermissionString(value: string): boolean {
  return PERMISSION_STRING.test(value) && BigInt(value) < 1n << 64n;
}

/** Every bit set: a malformed `deny` of a permission overwrite denies everything (fail closed). */
const ALL_BITS = String((1n << 64n) - 1n);

/**
 * Replaces every malformed permission string in a gateway payload, in place: a grant with "0" (nothing), a `deny` with
 * every bit. Returns how many were replaced. Numbers (which Discord never sends here) are left to discord.js.
 */
export function sanitizePermissionFields(payload: unknown, depth = 0): number {
  if (payload === null || typeof payload !== 'object' || depth > 8) return 0;
  let fixed = 0;
  if (Array.isArray(payload)) {
    for (const item of payload) fixed += sanitizePermissionFields(item, depth + 1);
    return fixed;
  }
  const record = payload as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (PERMISSION_KEYS.has(key) && typeof value === 'string') {
      if (!isValidPermissionString(value)) {
        record[key] = key === 'deny' ? ALL_BITS : '0';
        fixed++;
      }
    } else if (value !== null && typeof value === 'object') {
      fixed += sanitizePermissionFields(value, depth + 1);
    }
  }
  return fixed;
}

// Checks the bot makes itself on a parsed set: discord.js turns any numeric string into a BigInt, so a forged "-1"
// would set every bit. Only a set Discord could send passes, whether or not the payload was sanitised above.
const MAX = 1n << 64n;

/** True when `bits` is a well-formed permission set that includes every flag asked for. */
export function hasPermissions(bits: Readonly<PermissionsBitField> | null | undefined, ...flags: bigint[]): boolean {
  if (!bits) return false;
  const v = bits.bitfield;
  if (typeof v !== 'bigint' || v < 0n || v >= MAX) return false;
  return flags.every((f) => (v & f) === f);
}

/** The flags of `wanted` missing from `bits` (all of them when `bits` is malformed), in the order asked. */
export function missingPermissions(
  bits: Readonly<PermissionsBitField> | null | undefined,
  wanted: readonly bigint[],
): bigint[] {
  return wanted.filter((f) => !hasPermissions(bits, f));
}

/**
 * What the bot needs in the picks channel to post a digest, with the names Discord's settings show: /config
 * picks-channel and `npm run doctor` both check these.
 */
export const DIGEST_PERMISSIONS: readonly [bigint, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

/** The names of the digest permissions `bits` lacks (all of them when `bits` is unknown or malformed). */
export function missingDigestPermissions(bits: Readonly<PermissionsBitField> | null | undefined): string[] {
  const missing = new Set(
    missingPermissions(
      bits,
      DIGEST_PERMISSIONS.map(([f]) => f),
    ),
  );
  return DIGEST_PERMISSIONS.filter(([f]) => missing.has(f)).map(([, name]) => name);
}
