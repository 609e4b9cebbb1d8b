import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertOwner, CustomIds } from '../../src/bot/custom-id.ts';
import { UserFacingError } from '../../src/errors.ts';

const ALICE = '1400000000000000001';
const BOB = '1400000000000000002';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof UserFacingError ? err.code : 'not-user-facing';
  }
}

describe('custom ids', () => {
  let now = Date.UTC(2026, 10, 24);
  const ids = new CustomIds('secret', () => now);

  it('when an id is signed, then its signature is HMAC-SHA256 of the id (ids issued before still verify)', () => {
    const raw = ids.encode('fb', ALICE, [949, 'u', 123456789, 'r']);
    const body = raw.slice(0, raw.lastIndexOf('|'));
    const key = createHmac('sha256', 'marquee/custom-id').update('secret').digest();
    const hmac = createHmac('sha256', key).update(body).digest('base64url').slice(0, 10);
    expect(raw).toBe(`${body}|${hmac}`);
  });

  it('when an id is encoded, then it decodes to the same action, owner and arguments and fits in 100 characters', () => {
    const raw = ids.encode('fb', ALICE, [949, 'u', 123456789, 'r']);
    expect(raw.length).toBeLessThanOrEqual(100);
    expect(ids.decode(raw)).toMatchObject({ action: 'fb', owner: ALICE, args: ['949', 'u', '123456789', 'r'] });
  });

  it.each([
    ['a changed argument', (s: string) => s.replace('949', '950')],
    ['a changed owner', (s: string) => s.replace(ALICE, BOB)],
    ['a changed action', (s: string) => s.replace('|fb|', '|rate|')],
    ['a bad signature', (s: string) => s.replace(/[^|]+$/, 'xxxxxxxxxx')],
    ['another version', (s: string) => `2${s.slice(1)}`],
    ['garbage', () => 'rate:949:5'],
    ['an empty id', () => ''],
  ])('when an id has %s, then it is refused as not recognised', (_name, mutate) => {
    const raw = mutate(ids.encode('fb', ALICE, [949, 'u', 1, 'r']));
    expect(codeOf(() => ids.decode(raw))).toBe('invalid_input');
  });

  it('when an id was signed with another secret, then it is refused', () => {
    const other = new CustomIds('other-secret', () => now);
    expect(codeOf(() => ids.decode(other.encode('open', ALICE, [949])))).toBe('invalid_input');
  });

  it('when an id is older than its action allows, then it is refused as expired', () => {
    const raw = ids.encode('wl', ALICE, [ALICE, 2]);
    now += 2 * 86_400_000;
    expect(codeOf(() => ids.decode(raw))).toBe('expired');
  });

  it('when someone other than the owner clicks, then the owner check refuses', () => {
    const id = ids.decode(ids.encode('unrate', ALICE, [949]));
    expect(codeOf(() => assertOwner(id, ALICE))).toBeUndefined();
    expect(codeOf(() => assertOwner(id, BOB))).toBe('forbidden');
  });

  it('when an argument contains a separator, then encoding refuses it', () => {
    expect(() => ids.encode('open', ALICE, ['9|49'])).toThrow();
  });
});
