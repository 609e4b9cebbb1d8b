import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  hasPermissions,
  isValidPermissionString,
  missingDigestPermissions,
  missingPermissions,
  sanitizePermissionFields,
} from '../../src/bot/permissions.ts';

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

describe('permission sets as Discord sends them', () => {
  it.each([
    ['Manage Server alone', String(PermissionFlagsBits.ManageGuild), true],
    ['every bit Discord defines', String(PermissionsBitField.All), true],
    ['nothing', '0', false],
    ['a forged -1 (every bit set by two’s complement)', '-1', false],
    ['a forged value past 64 bits', String((1n << 70n) | PermissionFlagsBits.ManageGuild), false],
  ])('when the member’s permissions are %s, then Manage Server is %s', (_n, raw, expected) => {
    // discord.js builds memberPermissions exactly like this from the interaction's member.permissions string.
    const bits = new PermissionsBitField(raw as `${bigint}`);
    expect(hasPermissions(bits, PermissionFlagsBits.ManageGuild)).toBe(expected);
  });

  it('when permissions are missing, then the missing flags are listed in the order asked', () => {
    const bits = new PermissionsBitField(PermissionFlagsBits.ViewChannel);
    const wanted = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];
    expect(missingPermissions(bits, wanted)).toEqual([
      PermissionFlagsBits.SendMessages,
      PermissionFlagsBits.EmbedLinks,
    ]);
    expect(missingPermissions(null, wanted)).toEqual(wanted);
  });
});

describe('what the weekly digest needs in its channel', () => {
  it.each([
    [
      'everything',
      PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks,
      [],
    ],
    ['only View Channel', PermissionFlagsBits.ViewChannel, ['Send Messages', 'Embed Links']],
    [
      'View Channel and Send Messages',
      PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
      ['Embed Links'],
    ],
    ['nothing', 0n, ['View Channel', 'Send Messages', 'Embed Links']],
  ])('when the bot has %s, then the missing ones are named in Discord’s words', (_n, bits, missing) => {
    expect(missingDigestPermissions(new PermissionsBitField(bits))).toEqual(missing);
  });
});
