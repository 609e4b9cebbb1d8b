import { describe, expect, it } from 'vitest';
import { isValidPermissionString, sanitizePermissionFields } from '../../src/bot/permissions.ts';

describe('permission strings from the gateway', () => {
  it.each([
    ['32', true],
    ['0', true],
    ['18446744073709551615', true],
    ['18446744073709551616', false],
    ['-1', false],
    ['abc', false],
    ['', false],
    [' 32', false],
    ['0x20', false],
    ['1e3', false],
    ['3.5', false],
  ])('when the field is %j, then valid is %s', (value, valid) => {
    expect(isValidPermissionString(value)).toBe(valid);
  });

  it('when an interaction carries malformed permissions, then they become none (and a malformed deny denies all)', () => {
    const payload = {
      member: { permissions: '-1', user: { id: '1' } },
      app_permissions: 'abc',
      data: { resolved: { members: { '2': { permissions: '2048' } }, channels: { '3': { permissions: 'x' } } } },
      channel: { permission_overwrites: [{ id: '4', allow: '1024', deny: 'nope' }] },
    };
    expect(sanitizePermissionFields(payload)).toBe(4);
    expect(payload.member.permissions).toBe('0');
    expect(payload.app_permissions).toBe('0');
    expect(payload.data.resolved.members['2']?.permissions).toBe('2048');
    expect(payload.data.resolved.channels['3']?.permissions).toBe('0');
    expect(payload.channel.permission_overwrites[0]?.deny).toBe(String((1n << 64n) - 1n));
  });
});
