// Permissions, install context and DMs in the local Discord (topics/permissions.mdx; interactions/
// receiving-and-responding.mdx § Interaction Object), with the test playing the bot over raw HTTP.
import { OverwriteType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { GuildPermissions } from '../../fakes/discord/permissions.ts';
import { connectTestClient, type TestGatewayClient } from '../../fakes/discord/test-client.ts';

describe('the permission computation', () => {
  const guild = '500';
  const everyone = guild;
  const make = () => {
    const p = new GuildPermissions(guild, '1', '2');
    p.roles.set('600', { id: '600', name: 'Critics', permissions: 0n, position: 3 });
    p.grantRole('10', '600');
    return p;
  };
  const ch = '700';

  it('when someone owns the server, then they have every permission', () => {
    expect(make().inChannel('1', ch) & P.ManageGuild).toBe(P.ManageGuild);
  });

  it('when a role grants Administrator, then every permission is granted and overwrites do not apply', () => {
    const p = make();
    p.roles.set('601', { id: '601', name: 'Boss', permissions: P.Administrator, position: 4 });
    p.grantRole('11', '601');
    p.setOverwrite(ch, { id: everyone, type: OverwriteType.Role, allow: 0n, deny: P.ViewChannel });
    expect(p.inChannel('11', ch) & P.ViewChannel).toBe(P.ViewChannel);
  });

  it.each([
    [
      '@everyone denied View Channel',
      [{ id: everyone, type: OverwriteType.Role, allow: 0n, deny: P.ViewChannel }],
      '10',
      P.ViewChannel,
      0n,
    ],
    [
      '@everyone denied but a role allowed',
      [
        { id: everyone, type: OverwriteType.Role, allow: 0n, deny: P.SendMessages },
        { id: '600', type: OverwriteType.Role, allow: P.SendMessages, deny: 0n },
      ],
      '10',
      P.SendMessages,
      P.SendMessages,
    ],
    [
      'a role allowed but the member denied',
      [
        { id: '600', type: OverwriteType.Role, allow: P.SendMessages, deny: 0n },
        { id: '10', type: OverwriteType.Member, allow: 0n, deny: P.SendMessages },
      ],
      '10',
      P.SendMessages,
      0n,
    ],
    [
      'no View Channel, so nothing else',
      [{ id: '10', type: OverwriteType.Member, allow: P.SendMessages, deny: P.ViewChannel }],
      '10',
      P.SendMessages,
      0n,
    ],
    [
      'no Send Messages, so no Embed Links',
      [{ id: everyone, type: OverwriteType.Role, allow: 0n, deny: P.SendMessages }],
      '10',
      P.EmbedLinks,
      0n,
    ],
  ] as const)('when %s, then the computed bit is as documented', (_n, overwrites, user, bit, expected) => {
    const p = make();
    for (const o of overwrites) p.setOverwrite(ch, { ...o });
    expect(p.inChannel(user, ch) & bit).toBe(expected);
  });
});

describe('against the HTTP API and gateway', () => {
  let fake: FakeDiscord;
  let client: TestGatewayClient;
  const ch = () => fake.guild.channelId;

  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${fake.apiBase}/v10${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bot ${fake.token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const denyBot = (deny: bigint) =>
    fake.permissions.setOverwrite(ch(), { id: fake.permissions.botRoleId, type: OverwriteType.Role, allow: 0n, deny });

  beforeEach(async () => {
    fake = await new FakeDiscord().start();
    await call('PUT', `/applications/${fake.appId}/guilds/${fake.guild.id}/commands`, [
      { name: 'pick', description: 'Pick', default_member_permissions: String(P.ManageGuild) },
      { name: 'help', description: 'Help' },
    ]);
    client = await connectTestClient(fake);
  });
  afterEach(async () => {
    client.close();
    await fake.stop();
  });

  it('when the bot cannot send in a channel, then posting is 403 50013; when it cannot see it, 403 50001', async () => {
    denyBot(P.SendMessages);
    expect(await call('POST', `/channels/${ch()}/messages`, { content: 'hi' })).toMatchObject({
      status: 403,
      body: { code: 50013 },
    });
    denyBot(P.ViewChannel);
    expect(await call('POST', `/channels/${ch()}/messages`, { content: 'hi' })).toMatchObject({
      status: 403,
      body: { code: 50001 },
    });
  });

  it('when the bot lacks Embed Links, then its embeds are not shown', async () => {
    denyBot(P.EmbedLinks);
    const sent = await call('POST', `/channels/${ch()}/messages`, { content: 'picks', embeds: [{ title: 'Heat' }] });
    expect(sent.status).toBe(200);
    expect(sent.body.embeds).toEqual([]);
  });

  it('when the bot connects, then GUILD_CREATE carries its member, its role and the channel overwrites', async () => {
    denyBot(P.EmbedLinks);
    const second = await connectTestClient(fake);
    const created = second.dispatches.find((d) => d.t === 'GUILD_CREATE')?.d;
    second.close();
    expect(created.owner_id).toBe(fake.user('owner').id);
    expect(created.members.map((m: { user: { id: string } }) => m.user.id)).toEqual([fake.botUser.id]);
    expect(created.members[0].roles).toEqual([fake.permissions.botRoleId]);
    expect(created.roles.map((r: { id: string }) => r.id)).toContain(fake.permissions.botRoleId);
    expect(created.channels[0].permission_overwrites).toEqual([
      { id: fake.permissions.botRoleId, type: 0, allow: '0', deny: String(P.EmbedLinks) },
    ]);
  });

  it('when the bot asks for a user or a member, then it gets them, and 10013 / 10007 for unknown ones', async () => {
    const ann = fake.user('ann');
    expect(await call('GET', `/users/${ann.id}`)).toMatchObject({ status: 200, body: { id: ann.id, username: 'ann' } });
    expect(await call('GET', '/users/999')).toMatchObject({ status: 404, body: { code: 10013 } });
    const me = await call('GET', `/guilds/${fake.guild.id}/members/${fake.botUser.id}`);
    expect(me.body.roles).toEqual([fake.permissions.botRoleId]);
    expect(await call('GET', `/guilds/${fake.guild.id}/members/999`)).toMatchObject({
      status: 404,
      body: { code: 10007 },
    });
  });

  it('when a member runs a command, then member.permissions and app_permissions are computed for the channel', () => {
    denyBot(P.EmbedLinks);
    const s = fake.command(fake.user('ann'), 'help');
    const payload = fake.gateway.frames.filter((f) => f.t === 'INTERACTION_CREATE').at(-1)?.d;
    expect(payload.id).toBe(s.id);
    expect(BigInt(payload.member.permissions) & P.ManageGuild).toBe(0n);
    expect(BigInt(payload.member.permissions) & P.SendMessages).toBe(P.SendMessages);
    expect(BigInt(payload.app_permissions) & P.EmbedLinks).toBe(0n);
    expect(BigInt(payload.app_permissions) & P.SendMessages).toBe(P.SendMessages);
  });

  it('when the owner or an Admin runs a command needing Manage Server, then it is offered; a plain member is not offered it', () => {
    expect(() => fake.command(fake.user('owner'), 'pick')).not.toThrow();
    expect(() => fake.command(fake.user('ann'), 'pick')).toThrow(/not offered to you/);
    fake.makeAdmin(fake.user('ann'));
    expect(() => fake.command(fake.user('ann'), 'pick')).not.toThrow();
  });

  it('when the bot DMs someone who closed DMs, then 50007; someone who shares no server, then 50278', async () => {
    const ann = fake.user('ann');
    const dm = await call('POST', '/users/@me/channels', { recipient_id: ann.id });
    fake.dmsClosed.add(ann.id);
    expect(await call('POST', `/channels/${dm.body.id}/messages`, { content: 'picks' })).toMatchObject({
      status: 403,
      body: { code: 50007 },
    });
    const bo = fake.user('bo');
    const dm2 = await call('POST', '/users/@me/channels', { recipient_id: bo.id });
    fake.outsiders.add(bo.id);
    expect(await call('POST', `/channels/${dm2.body.id}/messages`, { content: 'picks' })).toMatchObject({
      status: 403,
      body: { code: 50278 },
    });
  });
});
