// Command registration and invocation as Discord rules them (interactions/application-commands.mdx): what a bulk
// overwrite may contain, where a command is offered, and what the Discord client lets a person send.
import { describe, expect, it } from 'vitest';
import { DiscordHttpError, FakeDiscord } from '../../fakes/discord/index.ts';
import { validateCommands } from '../../fakes/discord/validation/commands.ts';
import { commandsJson } from '../../src/commands/index.ts';

function rejection(commands: unknown): DiscordHttpError | null {
  try {
    validateCommands(commands);
    return null;
  } catch (e) {
    if (e instanceof DiscordHttpError) return e;
    throw e;
  }
}

function errorAt(err: DiscordHttpError | null, path: (string | number)[]): unknown {
  let node = err?.errors;
  for (const key of path) node = node?.[String(key)];
  return node?._errors;
}

const cmd = (extra: object = {}) => ({ name: 'pick', description: 'Pick a film', ...extra });
const opt = (extra: object = {}) => ({ type: 3, name: 'movie', description: 'Film', ...extra });

describe('registering commands', () => {
  it("when Marquee's own commands are registered, then Discord accepts them", () => {
    expect(rejection(commandsJson())).toBeNull();
  });

  it.each([
    ['a Unicode lowercase name', [cmd({ name: 'película' })]],
    ['a Devanagari name', [cmd({ name: 'फ़िल्म' })]],
    ['an apostrophe and a hyphen', [cmd({ name: "what's-on" })]],
    ['25 options', [cmd({ options: Array.from({ length: 25 }, (_, i) => opt({ name: `o${i}` })) })]],
    [
      'localizations in Discord locales',
      [cmd({ name_localizations: { fr: 'choisir' }, description_localizations: { de: 'Film wählen' } })],
    ],
    ['a user command with mixed case and spaces', [{ type: 2, name: 'Show Taste', description: '' }]],
  ])('when a command has %s, then it is accepted', (_n, body) => {
    expect(rejection(body)).toBeNull();
  });

  it.each([
    ['an uppercase letter', [cmd({ name: 'Pick' })], [0, 'name']],
    ['a space', [cmd({ name: 'pick film' })], [0, 'name']],
    ['a 33-character name', [cmd({ name: 'p'.repeat(33) })], [0, 'name']],
    ['no description', [cmd({ description: '' })], [0, 'description']],
    ['a 101-character description', [cmd({ description: 'd'.repeat(101) })], [0, 'description']],
    ['26 options', [cmd({ options: Array.from({ length: 26 }, (_, i) => opt({ name: `o${i}` })) })], [0, 'options']],
    [
      'a required option after an optional one',
      [cmd({ options: [opt({ name: 'a' }), opt({ name: 'b', required: true })] })],
      [0, 'options', 1, 'required'],
    ],
    ['two options with one name', [cmd({ options: [opt(), opt()] })], [0, 'options', 1, 'name']],
    ['an uppercase option name', [cmd({ options: [opt({ name: 'Movie' })] })], [0, 'options', 0, 'name']],
    [
      '26 choices',
      [cmd({ options: [opt({ choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `${i}` })) })] })],
      [0, 'options', 0, 'choices'],
    ],
    [
      'a 101-character choice name',
      [cmd({ options: [opt({ choices: [{ name: 'c'.repeat(101), value: 'v' }] })] })],
      [0, 'options', 0, 'choices', 0, 'name'],
    ],
    [
      'a string choice for an integer option',
      [cmd({ options: [opt({ type: 4, choices: [{ name: 'one', value: '1' }] })] })],
      [0, 'options', 0, 'choices', 0, 'value'],
    ],
    [
      'autocomplete with choices',
      [cmd({ options: [opt({ autocomplete: true, choices: [{ name: 'a', value: 'a' }] })] })],
      [0, 'options', 0, 'autocomplete'],
    ],
    [
      'min_value above max_value',
      [cmd({ options: [opt({ type: 4, min_value: 5, max_value: 1 })] })],
      [0, 'options', 0, 'min_value'],
    ],
    [
      'a fractional min_value on an integer',
      [cmd({ options: [opt({ type: 4, min_value: 1.5 })] })],
      [0, 'options', 0, 'min_value'],
    ],
    ['min_value on a string', [cmd({ options: [opt({ min_value: 1 })] })], [0, 'options', 0, 'min_value']],
    ['max_length 6001', [cmd({ options: [opt({ max_length: 6001 })] })], [0, 'options', 0, 'max_length']],
    [
      'a subcommand beside a plain option',
      [cmd({ options: [{ type: 1, name: 'add', description: 'Add' }, opt()] })],
      [0, 'options'],
    ],
    ['an unknown locale', [cmd({ name_localizations: { xx: 'pick' } })], [0, 'name_localizations', 'xx']],
    [
      'a localized name with uppercase',
      [cmd({ name_localizations: { fr: 'Choisir' } })],
      [0, 'name_localizations', 'fr'],
    ],
    [
      'more than 8,000 characters',
      [
        cmd({
          options: Array.from({ length: 25 }, (_, i) =>
            opt({
              name: `o${i}`,
              choices: Array.from({ length: 25 }, (_, k) => ({ name: `${'n'.repeat(90)}${k}`, value: `${k}` })),
            }),
          ),
        }),
      ],
      [0],
    ],
    ['options on a user command', [{ type: 2, name: 'Taste', description: '', options: [opt()] }], [0, 'options']],
  ])('when a command has %s, then it is 50035 pointing at that field', (_n, body, path) => {
    const err = rejection(body);
    expect(err?.code).toBe(50035);
    expect(errorAt(err, path)).toBeDefined();
  });
});

describe('where a command is offered and what a person may send', () => {
  function fakeWith(global: object[], guild: object[] = []): FakeDiscord {
    const fake = new FakeDiscord();
    fake.commands.set(
      'global',
      global.map((c, i) => ({ type: 1, id: String(i + 1), ...c })),
    );
    fake.commands.set(
      fake.guild.id,
      guild.map((c, i) => ({ type: 1, id: String(i + 100), ...c })),
    );
    fake.dispatch = () => {}; // no gateway needed: only what the client would send is checked
    return fake;
  }
  const ann = (fake: FakeDiscord) => fake.user('ann');

  it('when a command is registered to the guild only, then it is not offered in DMs', () => {
    const fake = fakeWith([], [cmd()]);
    expect(() => fake.command(ann(fake), 'pick')).not.toThrow();
    expect(() => fake.command(ann(fake), 'pick', {}, { dm: true })).toThrow(/not offered in DMs/);
  });

  it('when a global command leaves DMs out of its contexts, then it is offered in the server only', () => {
    const fake = fakeWith([cmd({ contexts: [0] })]);
    expect(() => fake.command(ann(fake), 'pick')).not.toThrow();
    expect(() => fake.command(ann(fake), 'pick', {}, { dm: true })).toThrow(/contexts/);
  });

  it('when a global command allows DMs but only guild installs, then it is in DMs and not through a user install', () => {
    const fake = fakeWith([cmd({ contexts: [0, 1], integration_types: [0] })]);
    expect(() => fake.command(ann(fake), 'pick', {}, { dm: true })).not.toThrow();
    expect(() => fake.command(ann(fake), 'pick', {}, { install: 'user' })).toThrow(/integration_types/);
  });

  it('when a stale client sends a command Discord would not offer, then it goes through (for testing the bot)', () => {
    const fake = fakeWith([], [cmd({ default_member_permissions: '32' })]);
    expect(() => fake.command(ann(fake), 'pick', {}, { dm: true, staleClient: true })).not.toThrow();
  });

  it('when a command supports only guild installs, then a person who only installed the app cannot use it in a server', () => {
    const fake = fakeWith([cmd({ integration_types: [0] })]);
    expect(() => fake.command(ann(fake), 'pick', {}, { install: 'user' })).toThrow(/integration_types/);
  });

  it('when the app is installed to the server and the user, then a DM command carries both owners, "0" for the guild install', () => {
    const fake = fakeWith([cmd({ integration_types: [0, 1], contexts: [0, 1, 2] })]);
    const state = fake.command(ann(fake), 'pick', {}, { dm: true }).state;
    expect(state.owners).toEqual({ 0: '0', 1: ann(fake).id });
    const userOnly = fake.command(ann(fake), 'pick', {}, { install: 'user' }).state;
    expect(userOnly.owners).toEqual({ 1: ann(fake).id });
  });

  it('when a member lacks default_member_permissions, then the command is hidden from them unless an admin enabled it for them', () => {
    const fake = fakeWith([], [cmd({ default_member_permissions: '32' })]);
    expect(() => fake.command(ann(fake), 'pick', {}, { permissions: '0' })).toThrow(/not offered to you/);
    expect(() => fake.command(ann(fake), 'pick', {}, { permissions: '32' })).not.toThrow();
    expect(() => fake.command(ann(fake), 'pick', {}, { permissions: '8' })).not.toThrow(); // Administrator
    fake.allowCommandFor('pick', ann(fake));
    expect(() => fake.command(ann(fake), 'pick', {}, { permissions: '0' })).not.toThrow();
  });

  it.each([
    ['count:0 below min_value 1', { count: 0 }, /at least 1/],
    ['count:99 above max_value 10', { count: 99 }, /at most 10/],
    ['a 1-character query below min_length 2', { query: 'h' }, /at least 2 characters/],
    ['a 101-character query above max_length 100', { query: 'q'.repeat(101) }, /at most 100 characters/],
  ])('when a person types %s, then the Discord client does not send it', (_n, values, error) => {
    const fake = fakeWith(
      [],
      [
        cmd({
          options: [
            { type: 4, name: 'count', description: 'How many', min_value: 1, max_value: 10 },
            { type: 3, name: 'query', description: 'Words', min_length: 2, max_length: 100 },
          ],
        }),
      ],
    );
    expect(() => fake.command(ann(fake), 'pick', values)).toThrow(error);
    expect(() => fake.command(ann(fake), 'pick', { count: 1, query: 'ok' })).not.toThrow();
  });
});
