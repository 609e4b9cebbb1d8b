import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.ts';
import {
  discordTimestamp,
  formatCalendarDate,
  formatList,
  formatRuntime,
  formatStarBar,
  formatStars,
  localeFor,
  resolveLocale,
  t,
  translator,
} from '../../src/i18n/index.ts';

describe('resolveLocale', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['de', 'de'],
    ['fr', 'fr'],
    ['es-ES', 'es-ES'],
    ['es-419', 'es-ES'],
    ['pt-BR', 'pt-BR'],
    ['ja', 'ja'],
    ['ko', 'en-US'],
    ['zh-CN', 'en-US'],
    ['it', 'en-US'],
    ['DE', 'de'],
    ['de-AT', 'de'],
    ['pt-PT', 'pt-BR'],
    ['', 'en-US'],
    [null, 'en-US'],
    [undefined, 'en-US'],
  ])('when Discord sends %s, then Marquee answers in %s', (code, expected) => {
    expect(resolveLocale(code)).toBe(expected);
  });
});

describe('localeFor', () => {
  it('when a person chose a language, then personal messages use it over their client language', () => {
    expect(localeFor('personal', { userChoice: 'ja', interactionLocale: 'de' })).toBe('ja');
  });
  it('when a person made no choice, then their client language decides, not the server', () => {
    expect(localeFor('personal', { interactionLocale: 'fr', guildLocale: 'de' })).toBe('fr');
    expect(localeFor('personal', { interactionLocale: 'it', guildLocale: 'de' })).toBe('en-US');
  });
  it('when there is no interaction (a weekly DM), then the stored locale decides', () => {
    expect(localeFor('personal', { storedUserLocale: 'pt-BR' })).toBe('pt-BR');
  });
  it("when a message is public, then the server's choice beats its Discord locale, and a person's never counts", () => {
    expect(localeFor('public', { guildChoice: 'es-ES', guildLocale: 'de', userChoice: 'ja' })).toBe('es-ES');
    expect(localeFor('public', { guildLocale: 'de', interactionLocale: 'ja' })).toBe('de');
    expect(localeFor('public', {})).toBe('en-US');
  });
});

describe('formatting for a locale', () => {
  it('when a runtime is formatted, then hours and minutes use the locale’s words', () => {
    expect(formatRuntime('en-US', 135)).toBe('2 hr, 15 min');
    expect(formatRuntime('de', 135)).toBe('2 Std., 15 Min.');
    expect(formatRuntime('de', 45)).toBe('45 Min.');
    expect(formatRuntime('ja', 120)).toBe('2 時間');
  });
  it('when stars are formatted, then the decimal separator is the locale’s', () => {
    expect(formatStars('en-US', 4.5)).toBe('4.5★');
    expect(formatStars('de', 4.5)).toBe('4,5★');
    expect(formatStars('fr', 4)).toBe('4★');
    expect(formatStarBar('pt-BR', 3.5)).toBe('★★★½ (3,5)');
  });
  it('when a calendar date is formatted, then it is that day in every locale', () => {
    expect(formatCalendarDate('en-US', '2024-05-31')).toBe('May 31, 2024');
    expect(formatCalendarDate('de', '2024-05-31')).toBe('31.05.2024');
    expect(formatCalendarDate('ja', new Date('2024-05-31T23:30:00Z'))).toBe('2024/05/31');
  });
  it('when names are listed, then the locale’s conjunction joins them', () => {
    expect(formatList('en-US', ['A', 'B', 'C'])).toBe('A, B, and C');
    expect(formatList('es-ES', ['A', 'B'])).toBe('A y B');
  });
  it('when an instant is shown, then it is a Discord timestamp each reader sees in their own zone', () => {
    expect(discordTimestamp(new Date('2026-11-30T20:00:00Z'))).toBe('<t:1796068800:f>');
    expect(discordTimestamp(new Date('2026-11-30T20:00:00Z'), 'R')).toBe('<t:1796068800:R>');
  });
});

describe('messages', () => {
  it('when a message is formatted, then its values are filled in for the locale', () => {
    expect(t('en-US', 'failure.bug', { errorId: 'ab12' })).toContain('`ab12`');
    expect(translator('de').t('failure.bug', { errorId: 'ab12' })).toContain('Fehler-ID `ab12`');
  });
  it('when a value the message needs is missing, then formatting fails instead of showing a blank', () => {
    expect(() => t('fr', 'failure.bug', {})).toThrow();
  });
  it('when a user-facing error carries a key, then its message is the English and its text renders per locale', () => {
    const err = UserFacingError.of('not_found', 'failure.unknown_command');
    expect(err.message).toBe('I no longer know that command. It may have been renamed.');
    expect(err.text && translator('ja').text(err.text)).toBe(
      'そのコマンドはもう使えません。名前が変わった可能性があります。',
    );
  });
});

describe('genre names in messages', () => {
  it.each([
    ['de', ['Crime', 'Comedy', 'TV Movie'], 'Krimi, Komödie, TV-Film'],
    ['ja', ['Science Fiction', 'Drama'], 'サイエンスフィクション, ドラマ'],
    ['en-US', ['Crime', 'Comedy'], 'Crime, Comedy'],
    ['fr', ['Unknown Genre'], 'Unknown Genre'],
  ] as const)('when a %s reader sees %j, then they read %s', (locale, names, expected) => {
    expect(translator(locale).genres(names)).toBe(expected);
  });
});
