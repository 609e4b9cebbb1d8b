// The slash commands in every locale: complete (every command, subcommand, option and choice), nothing stale, and
// accepted by the local Discord, which applies Discord's rules for localized names and descriptions
// (interactions/application-commands.mdx § Localization, § Application Command Naming, § Slash Commands).
import { describe, expect, it } from 'vitest';
import { DiscordHttpError } from '../../fakes/discord/index.ts';
import { commandSize, validateCommands } from '../../fakes/discord/validation/commands.ts';
import { commands, commandsJson } from '../../src/commands/index.ts';
import { COMMAND_LOCALIZATIONS, type CommandLocale } from '../../src/i18n/commands.ts';
import { LOCALES } from '../../src/i18n/index.ts';
import { commandPaths, localizeCommand } from '../../src/i18n/localize-commands.ts';

const OTHER_LOCALES = LOCALES.filter((l): l is CommandLocale => l !== 'en-US');
// biome-ignore lint/suspicious/noExplicitAny: command JSON
type Json = any;

function rejection(body: unknown): DiscordHttpError | null {
  try {
    validateCommands(body);
    return null;
  } catch (e) {
    if (e instanceof DiscordHttpError) return e;
    throw e;
  }
}

const english = commands.map((c) => c.data.toJSON());
const paths = english.flatMap((c) => commandPaths(c));

describe('command localizations', () => {
  it('when the command set is read, then every command, option and choice has a name in every locale, and every non-choice a description', () => {
    const missing: string[] = [];
    for (const { path, kind } of paths) {
      const text = COMMAND_LOCALIZATIONS[path];
      for (const l of OTHER_LOCALES) {
        if (!text?.name?.[l]) missing.push(`${path} name ${l}`);
        if (kind === 'node' && !text?.description?.[l]) missing.push(`${path} description ${l}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('when the catalogue is read, then every entry belongs to a command that exists', () => {
    const known = new Set(paths.map((p) => p.path));
    expect(Object.keys(COMMAND_LOCALIZATIONS).filter((k) => !known.has(k))).toEqual([]);
  });

  it('when the full command set is registered with every locale, then the local Discord accepts it', () => {
    const json = commandsJson();
    expect(rejection(json)).toBeNull();
    const rate = json.find((c) => c.name === 'rate') as Json;
    expect(Object.keys(rate.name_localizations).sort()).toEqual([...OTHER_LOCALES].sort());
    expect(rate.name_localizations.de).toBe('bewerten');
    expect(rate.options[0].description_localizations.ja).toBe('タイトルを入力してください');
  });

  it('when a command is localized, then it stays within 8,000 characters counting the longest localization of each field', () => {
    const sizes = commandsJson().map((c) => ({
      name: c.name,
      english: commandSize(english.find((e) => e.name === c.name)),
      size: commandSize(c),
    }));
    for (const s of sizes) {
      expect(s.size).toBeGreaterThan(s.english); // the localizations are counted
      expect(s.size).toBeLessThanOrEqual(8000);
    }
  });

  it.each([
    ['an uppercase localized name', { name: { de: 'Bewerten' } }, ['name_localizations', 'de']],
    ['a localized name with a space', { name: { fr: 'noter film' } }, ['name_localizations', 'fr']],
    ['a 33-character localized name', { name: { ja: '評'.repeat(33) } }, ['name_localizations', 'ja']],
    [
      'a 101-character description',
      { description: { 'es-ES': 'x'.repeat(101) } },
      ['description_localizations', 'es-ES'],
    ],
    ['a locale Discord does not have', { name: { 'pt-PT': 'avaliar' } }, ['name_localizations', 'pt-PT']],
  ])('when a command has %s, then the local Discord refuses it', (_what, text, at) => {
    const json = localizeCommand(english.find((c) => c.name === 'rate') as Json, { rate: text as never });
    const err = rejection([json]);
    expect(err?.code).toBe(50035);
    let node: Json = err?.errors?.['0'];
    for (const k of at) node = node?.[k];
    expect(node?._errors?.[0]?.code).toMatch(/INVALID_NAME|BAD_LENGTH|LOCALE_INVALID/);
  });

  it('when two options of one command share a localized name in a locale, then the local Discord refuses it', () => {
    const rate = english.find((c) => c.name === 'rate') as Json;
    const clash = localizeCommand(rate, {
      'rate.movie': { name: { de: 'wert' } as never },
      'rate.stars': { name: { de: 'wert' } as never },
    });
    expect(rejection([clash])?.errors?.['0']?.options?.['1']?.name_localizations?.de?._errors?.[0]?.code).toBe(
      'APPLICATION_COMMAND_OPTION_NAME_NOT_UNIQUE',
    );
    const onDefault = localizeCommand(rate, { 'rate.stars': { name: { fr: 'movie' } as never } });
    expect(rejection([onDefault])).not.toBeNull();
  });

  it('when localizations make a command longer than 8,000 characters, then the local Discord refuses it', () => {
    const options = Array.from({ length: 25 }, (_, i) => ({
      type: 3,
      name: `o${i}`,
      description: 'short',
      description_localizations: { de: 'd'.repeat(100) },
      choices: Array.from({ length: 25 }, (_, k) => ({
        name: `c${k}`,
        value: `v${k}`,
        name_localizations: { ja: 'あ'.repeat(100) },
      })),
    }));
    const err = rejection([{ name: 'big', description: 'Big', options }]);
    expect(err?.errors?.['0']?._errors?.[0]?.code).toBe('APPLICATION_COMMAND_TOO_LARGE');
  });
});

describe('genres to choose from', () => {
  const genreChoices = (command: string, sub?: string) => {
    const json: Json = commandsJson().find((c: Json) => c.name === command);
    const options: Json[] = sub ? json.options.find((o: Json) => o.name === sub).options : json.options;
    return options.find((o: Json) => o.name === 'genre').choices as Json[];
  };

  it('when someone picks a movie-night genre, then it is a choice from the one genre list, named in their language', () => {
    const night = genreChoices('movienight', 'start');
    expect(night.map((c) => c.value)).toEqual(genreChoices('recommend').map((c) => c.value));
    const comedy = night.find((c) => c.value === 'Comedy');
    expect(comedy.name_localizations).toMatchObject({ de: 'Komödie', fr: 'Comédie', ja: 'コメディ' });
  });
});
