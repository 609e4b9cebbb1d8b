// Where Marquee is installed decides what it may record: a user install used in someone else's server records no
// membership and configures nothing; /config needs Marquee installed to the server. Runs on PGlite and PostgreSQL.
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../fakes/local-stack.ts';
import { GuildMember, GuildSettings, Rating } from '../../src/entities/index.ts';
import { createTestDatabaseConfig } from '../support/database.ts';

let stack: LocalStack;
let dropDatabase: () => Promise<void> = async () => {};

beforeAll(async () => {
  const db = await createTestDatabaseConfig();
  dropDatabase = db.drop;
  stack = await startLocalStack({
    dataDir: 'memory://',
    env: { TMDB_MAX_RETRIES: '0', TMDB_TIMEOUT_MS: '10000', ...(db.config.url ? { DATABASE_URL: db.config.url } : {}) },
  });
});
afterAll(async () => {
  await stack?.stop();
  await dropDatabase();
});

const em = () => stack.orm.em.fork();

/** Whether weekly picks are on for a server: what the refused `/config enable` would have changed. */
async function weeklyPicksOn(guildId: string): Promise<boolean> {
  return (await em().findOne(GuildSettings, { guildId }))?.enabled ?? false;
}

describe(`install context (${inject('dbKind')})`, () => {
  it('when someone uses their user install in a server, then their rating counts and no membership is recorded', async () => {
    const d = stack.discord;
    const uma = d.user('uma');
    const reply = await d.command(uma, 'rate', { movie: '949', stars: 4 }, { install: 'user' }).reply();
    expect(reply.content).toContain('Heat');
    expect(await em().count(Rating, { user: uma.id })).toBe(1);
    expect(await em().count(GuildMember, { user: uma.id })).toBe(0);
  });

  it('when the same person uses Marquee where it is installed to the server, then they count as a member', async () => {
    const d = stack.discord;
    const uma = d.user('uma');
    await d.command(uma, 'rate', { movie: '949', stars: 4.5 }).reply();
    expect(await em().count(GuildMember, { user: uma.id, guildId: d.guild.id })).toBe(1);
  });

  it('when /config arrives through a user install, then it is refused kindly and nothing is stored', async () => {
    const d = stack.discord;
    const handle = d.command(
      d.user('vic'),
      'config enable',
      {},
      {
        install: 'user',
        permissions: String(PermissionFlagsBits.ManageGuild),
        // Discord does not offer /config (guild install only) here; a stale client could still send it.
        staleClient: true,
      },
    );
    const reply = await handle.reply();
    expect(reply.content).toContain("isn't installed to this server");
    expect(reply.ephemeralFor).toBeDefined();
    expect(await weeklyPicksOn(d.guild.id)).toBe(false); // the server's row (its Discord language) may exist; /config changed nothing
  });

  it('when /config comes from someone without Manage Server, then it is refused', async () => {
    const d = stack.discord;
    // Discord hides /config from wyn; an admin may still enable it for wyn in the server's Integrations settings.
    d.allowCommandFor('config', d.user('wyn'));
    const reply = await d.command(d.user('wyn'), 'config enable', {}, { permissions: '0' }).reply();
    expect(reply.content).toContain('Manage Server');
    expect(await weeklyPicksOn(d.guild.id)).toBe(false); // the server's row (its Discord language) may exist; /config changed nothing
  });

  it('when an admin enables weekly picks where Marquee is installed, then the setting is stored', async () => {
    const d = stack.discord;
    const admin = { permissions: String(PermissionFlagsBits.ManageGuild) };
    const reply = await d.command(d.user('xan'), 'config enable', {}, admin).reply();
    expect(reply.content).toContain('Weekly picks are on');
    expect((await em().findOneOrFail(GuildSettings, { guildId: d.guild.id })).enabled).toBe(true);
  });

  it('when an admin picks the channel they are in and Marquee may post there, then it is saved', async () => {
    const d = stack.discord;
    const admin = { permissions: String(PermissionFlagsBits.ManageGuild) };
    const reply = await d.command(d.user('xan'), 'config picks-channel', { channel: d.guild.channelId }, admin).reply();
    expect(reply.content).toContain(`Weekly picks will be posted in <#${d.guild.channelId}>`);
    expect((await em().findOneOrFail(GuildSettings, { guildId: d.guild.id })).picksChannelId).toBe(d.guild.channelId);
  });

  it('when the channel id is not one of this server’s channels, then it is refused and nothing changes', async () => {
    const d = stack.discord;
    const admin = { permissions: String(PermissionFlagsBits.ManageGuild) };
    // Discord's client offers only the server's channels; a modified one could send any id.
    const reply = await d
      .command(
        d.user('xan'),
        'config picks-channel',
        { channel: '123456789012345678' },
        { ...admin, staleClient: true },
      )
      .reply();
    expect(reply.content).toContain("can't find that channel in this server");
    expect((await em().findOneOrFail(GuildSettings, { guildId: d.guild.id })).picksChannelId).toBe(d.guild.channelId);
  });

  it('when an admin picks another channel where Marquee lacks Embed Links, then it says exactly what is missing there; once allowed, it is saved', async () => {
    const d = stack.discord;
    const admin = { permissions: String(PermissionFlagsBits.ManageGuild) };
    const announcements = d.channel('#announcements')!;
    // The bot's own role loses Embed Links in #announcements (the server's other text channel); Discord tells the
    // bot with CHANNEL_UPDATE, and it reads its permissions there from its member, roles and the overwrites.
    const botRole = d.permissions.botRoleId;
    d.permissions.setOverwrite(announcements.id, {
      id: botRole,
      type: 0,
      allow: 0n,
      deny: PermissionFlagsBits.EmbedLinks,
    });
    const refused = await d
      .command(d.user('xan'), 'config picks-channel', { channel: '#announcements' }, admin)
      .reply();
    expect(refused.content).toContain(`I can't post the weekly picks in <#${announcements.id}>`);
    expect(refused.content).toContain('**Embed Links**');
    expect(refused.content).not.toContain('Send Messages');
    expect((await em().findOneOrFail(GuildSettings, { guildId: d.guild.id })).picksChannelId).toBe(d.guild.channelId);

    d.permissions.setOverwrite(announcements.id, {
      id: botRole,
      type: 0,
      allow: 0n,
      deny: PermissionFlagsBits.ViewChannel,
    });
    const hidden = await d.command(d.user('xan'), 'config picks-channel', { channel: '#announcements' }, admin).reply();
    expect(hidden.content).toContain('**View Channel**');

    d.permissions.setOverwrite(announcements.id, { id: botRole, type: 0, allow: 0n, deny: 0n });
    const saved = await d.command(d.user('xan'), 'config picks-channel', { channel: '#announcements' }, admin).reply();
    expect(saved.content).toContain(`Weekly picks will be posted in <#${announcements.id}>`);
    expect((await em().findOneOrFail(GuildSettings, { guildId: d.guild.id })).picksChannelId).toBe(announcements.id);
  });
});
