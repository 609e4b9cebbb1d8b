// The doctor's channel permission computation, as topics/permissions.mdx § Permission Overwrites describes it.
import { PermissionFlagsBits as P } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { channelPermissions } from '../../src/bot/doctor.ts';

const GUILD = '100';
const BOT = '200';
const ROLE = '300';
const SEND = P.ViewChannel | P.SendMessages | P.EmbedLinks;
const role = (id: string, permissions: bigint) => ({ id, permissions: String(permissions) }) as never;
const ow = (id: string, type: 0 | 1, allow: bigint, deny: bigint) => ({
  id,
  type,
  allow: String(allow),
  deny: String(deny),
});
const guild = (roles: never[], owner = '999') => ({ id: GUILD, owner_id: owner, roles });

describe('channelPermissions', () => {
  it('when @everyone may send and nothing overrides it, then the bot may view, send and embed', () => {
    const p = channelPermissions(guild([role(GUILD, SEND)]), { roles: [], userId: BOT }, { permission_overwrites: [] });
    expect(p & SEND).toBe(SEND);
  });

  it('when the channel denies @everyone Send Messages but allows the bot role, then the role allow wins', () => {
    const p = channelPermissions(
      guild([role(GUILD, SEND), role(ROLE, 0n)]),
      { roles: [ROLE], userId: BOT },
      { permission_overwrites: [ow(GUILD, 0, 0n, P.SendMessages), ow(ROLE, 0, P.SendMessages, 0n)] },
    );
    expect(p & SEND).toBe(SEND);
  });

  it('when a member overwrite denies Embed Links, then it is missing even though a role allows it', () => {
    const p = channelPermissions(
      guild([role(GUILD, SEND), role(ROLE, 0n)]),
      { roles: [ROLE], userId: BOT },
      { permission_overwrites: [ow(ROLE, 0, P.EmbedLinks, 0n), ow(BOT, 1, 0n, P.EmbedLinks)] },
    );
    expect(p & P.EmbedLinks).toBe(0n);
    expect(p & P.SendMessages).toBe(P.SendMessages);
  });

  it('when the bot has Administrator, then channel denies do not apply', () => {
    const p = channelPermissions(
      guild([role(GUILD, 0n), role(ROLE, P.Administrator)]),
      { roles: [ROLE], userId: BOT },
      { permission_overwrites: [ow(GUILD, 0, 0n, SEND)] },
    );
    expect(p & SEND).toBe(SEND);
  });
});
