// How the local Discord turns what a person typed into interaction options, from the registered definitions.
import { describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { commandsJson } from '../../src/commands/index.ts';

function fakeWithCommands(): FakeDiscord {
  const fake = new FakeDiscord();
  fake.commands.set(
    'global',
    commandsJson().map((c, i) => ({ ...c, id: String(i + 1), type: 1 })),
  );
  return fake;
}

describe('option building', () => {
  const fake = fakeWithCommands();

  it('when a person types /rate movie:949 stars:4.5, then options carry Discord types (string, number)', () => {
    const { options } = fake.buildOptions('rate', { movie: '949', stars: '4.5' });
    expect(options).toEqual([
      { type: 3, name: 'movie', value: '949' },
      { type: 10, name: 'stars', value: 4.5 },
    ]);
  });

  it('when a subcommand is used, then its options are nested under it', () => {
    const { options } = fake.buildOptions('watched add', { movie: 'heat', date: 'today' });
    expect(options).toEqual([
      {
        type: 1,
        name: 'add',
        options: [
          { type: 3, name: 'movie', value: 'heat' },
          { type: 3, name: 'date', value: 'today' },
        ],
      },
    ]);
  });

  it('when a user option names a person, then it carries that user’s id', () => {
    const { options } = fake.buildOptions('watched list', { user: '@alice' });
    expect(options[0].options[0]).toEqual({ type: 6, name: 'user', value: fake.user('alice').id });
  });

  it('when typing into an autocomplete field, then that option is focused and stays text', () => {
    const { options } = fake.buildOptions('rate', { movie: 'hea' }, 'movie');
    expect(options).toEqual([{ type: 3, name: 'movie', value: 'hea', focused: true }]);
  });

  it.each([
    ['an unknown option', 'rate', { movie: '1', stars: 3, colour: 'red' }, /no option "colour"/],
    ['a value outside the choices', 'rate', { movie: '1', stars: 7 }, /not one of the choices/],
    ['a missing required option', 'rate', { movie: '1' }, /stars is required/],
    ['a missing subcommand', 'watched', {}, /needs a subcommand/],
    ['an unknown command', 'nope', {}, /not a registered command/],
    ['a non-integer for an integer', 'recommend', { count: '2.5' }, /whole number/],
  ])('when %s is given, then Discord would not send it', (_n, path, values, error) => {
    expect(() => fake.buildOptions(path, values)).toThrow(error);
  });

  it('when the same name is asked twice, then the same user comes back', () => {
    expect(fake.user('Bob').id).toBe(fake.user('bob').id);
    expect(fake.user('bob').id).not.toBe(fake.user('alice').id);
  });
});
