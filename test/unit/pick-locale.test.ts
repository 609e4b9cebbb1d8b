import { describe, expect, it } from 'vitest';
import { type LocaleAudience, pickLocale, supportedLocale } from '../../src/i18n/pick-locale.ts';

describe('supportedLocale', () => {
  it.each([
    ['de', 'de'],
    ['DE', 'de'],
    ['de-AT', 'de'],
    ['fr', 'fr'],
    ['es-ES', 'es-ES'],
    ['es-419', 'es-ES'],
    ['pt-BR', 'pt-BR'],
    ['ja', 'ja'],
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['ko', null],
    ['zh-CN', null],
    ['', null],
    [null, null],
  ])('when Discord sends %s, then we speak %s', (code, want) => {
    expect(supportedLocale(code)).toBe(want);
  });
});

describe('pickLocale', () => {
  const cases: [string, LocaleAudience, string][] = [
    ['a personal reply with an override', { kind: 'personal', userOverride: 'ja', interactionLocale: 'de' }, 'ja'],
    ['a personal reply without one', { kind: 'personal', userOverride: null, interactionLocale: 'pt-BR' }, 'pt-BR'],
    [
      'a personal reply in a language we do not speak',
      { kind: 'personal', userOverride: null, interactionLocale: 'ko' },
      'en-US',
    ],
    ['a weekly DM with an override', { kind: 'job-dm', userOverride: 'fr', lastSeenLocale: 'de' }, 'fr'],
    ['a weekly DM without one', { kind: 'job-dm', userOverride: null, lastSeenLocale: 'de' }, 'de'],
    ['a weekly DM to someone never seen', { kind: 'job-dm', userOverride: null, lastSeenLocale: null }, 'en-US'],
    ['a public post with /config language', { kind: 'public', serverLanguage: 'es-ES', guildLocale: 'ja' }, 'es-ES'],
    ['a public post without it', { kind: 'public', serverLanguage: null, guildLocale: 'ja' }, 'ja'],
    ['a public post in a server we do not speak', { kind: 'public', serverLanguage: null, guildLocale: 'ru' }, 'en-US'],
  ];
  it.each(cases)('when %s, then it is written in the right locale', (_what, audience, want) => {
    expect(pickLocale(audience)).toBe(want);
  });
});
