// The sandbox can play an admin (issue 10 part 4): the owner and `/as NAME admin` have Manage Server, others do not,
// and Discord does not offer /config to them.
import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { SandboxSession } from '../../fakes/discord/sandbox-session.ts';
import { commandsJson } from '../../src/commands/index.ts';

function sandbox() {
  const fake = new FakeDiscord();
  fake.commands.set(
    fake.guild.id,
    commandsJson().map((c, i) => ({
      ...c,
      id: String(i + 1),
      type: 1,
      default_member_permissions: c.default_member_permissions == null ? null : String(c.default_member_permissions),
    })),
  );
  return { fake, session: new SandboxSession(fake) };
}

const manages = (fake: FakeDiscord, name: string) =>
  (fake.permissions.inChannel(fake.user(name).id, fake.guild.channelId) & P.ManageGuild) === P.ManageGuild;

describe('playing an admin in the sandbox', () => {
  it('when a plain member tries /config, then Discord does not offer it', async () => {
    const { fake, session } = sandbox();
    expect(manages(fake, 'alice')).toBe(false);
    expect(await session.run('/config enable')).toMatch(/not offered to you/);
  });

  it('when someone becomes /as NAME admin, then they have Manage Server; the owner has it from the start', async () => {
    const { fake, session } = sandbox();
    expect(await session.run('/as bob admin')).toContain('an admin (Manage Server)');
    expect(manages(fake, 'bob')).toBe(true);
    expect(await session.run('/as owner')).toContain('the server owner');
    expect(manages(fake, 'owner')).toBe(true);
    expect(await session.run('/as carol')).not.toContain('admin');
    expect(manages(fake, 'carol')).toBe(false);
  });
});

describe('switching the Discord client language in the sandbox', () => {
  it('when someone says /locale de, then their interactions carry locale de, and only theirs', async () => {
    const { fake, session } = sandbox();
    const sent: { locale?: string; user?: { id: string }; member?: { user: { id: string } } }[] = [];
    // No bot is connected here: keep what the person's client would send instead of delivering it.
    fake.dispatch = ((event: string, data: never) => {
      if (event === 'INTERACTION_CREATE') sent.push(data);
    }) as typeof fake.dispatch;
    expect(await session.run('/locale')).toContain('English (en-US)');
    expect(await session.run('/locale DE')).toBe("(Alice's Discord is now in Deutsch (de))");
    expect(await session.run('/locale xx')).toMatch(/not a Discord locale/);
    fake.command(fake.user('alice'), 'help', {}, {});
    fake.command(fake.user('bob'), 'help', {}, {});
    expect(sent.map((i) => i.locale)).toEqual(['de', 'en-US']);
    await session.run('/locale pt-br');
    fake.command(fake.user('alice'), 'help', {}, {});
    expect(sent.at(-1)?.locale).toBe('pt-BR');
  });
});
