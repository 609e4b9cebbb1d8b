import { describe, expect, it } from 'vitest';
import { User } from '../../src/entities/index.ts';
import { updateGuildSettings } from '../../src/services/guild-settings-service.ts';
import { dmLocale, publicLocale, storedLocaleChoices } from '../../src/services/locale-service.ts';
import { ensureUser, getPreferences, notePresence, updatePreferences } from '../../src/services/user-service.ts';
import { useTestDatabase } from '../support/database.ts';
import { snowflake } from '../support/factories.ts';

const db = useTestDatabase();

describe('users and preferences', () => {
  it('when the same new user arrives twice at once, then exactly one row exists', async () => {
    const id = snowflake();
    await Promise.all([ensureUser(db.em(), id), ensureUser(db.em(), id, { displayName: 'Carol' })]);
    const rows = await db.em().find(User, { id });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe('discord');
  });

  it('when an id is not a snowflake, then it is refused', async () => {
    await expect(ensureUser(db.em(), 'not-an-id')).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('when preferences were never set, then DMs are off (opt-in)', async () => {
    expect(await getPreferences(db.em(), snowflake())).toMatchObject({ dmOptIn: false, region: null });
  });

  it('when preferences are updated, then they persist and the region is normalised', async () => {
    const id = snowflake();
    await updatePreferences(db.em(), id, { dmOptIn: true, region: 'gb' });
    expect(await getPreferences(db.em(), id)).toMatchObject({ dmOptIn: true, region: 'GB' });
    await updatePreferences(db.em(), id, { region: null });
    expect(await getPreferences(db.em(), id)).toMatchObject({ dmOptIn: true, region: null });
  });

  it('when a display name or locale carries NUL or other control characters, then they are stored without them', async () => {
    const id = snowflake();
    await ensureUser(db.em(), id, { displayName: 'Ev\u0000e\u0007', locale: 'en\u0000-GB' });
    expect(await db.em().findOneOrFail(User, id)).toMatchObject({ displayName: 'Eve', locale: 'en-GB' });
  });

  it('when a display name is long and an emoji sits at the cut, then the stored name ends before it, whole', async () => {
    const id = snowflake();
    await ensureUser(db.em(), id, { displayName: `${'a'.repeat(99)}👩‍👩‍👧` });
    expect((await db.em().findOneOrFail(User, id)).displayName).toBe('a'.repeat(99));
  });

  it.each([['UK'], ['EU'], ['ZZ'], ['XX']])(
    'when the region %s is not an ISO 3166-1 code, then it is refused',
    async (code) => {
      await expect(updatePreferences(db.em(), snowflake(), { region: code })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('ISO 3166-1'),
      });
    },
  );

  it('when a region is invalid, then nothing changes', async () => {
    const id = snowflake();
    await updatePreferences(db.em(), id, { region: 'DE' });
    await expect(updatePreferences(db.em(), id, { region: 'Germany' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await getPreferences(db.em(), id)).region).toBe('DE');
  });
});

describe('languages', () => {
  it('when someone sets /settings language, then it is their stored choice, and weekly DMs use it over the locale last seen', async () => {
    const id = snowflake();
    await notePresence(db.em(), { userId: id, locale: 'de', guildId: null, now: new Date() });
    expect(await dmLocale(db.em(), id)).toBe('de');
    await updatePreferences(db.em(), id, { localeOverride: 'pt-br' });
    expect(await getPreferences(db.em(), id)).toMatchObject({ localeOverride: 'pt-BR', locale: 'de' });
    expect(await storedLocaleChoices(db.em(), id, null)).toEqual({
      userChoice: 'pt-BR',
      storedUserLocale: 'de',
      guildChoice: null,
    });
    expect(await dmLocale(db.em(), id)).toBe('pt-BR');
    await updatePreferences(db.em(), id, { localeOverride: null });
    expect(await dmLocale(db.em(), id)).toBe('de');
  });

  it('when a weekly DM goes to someone with no choice, then it is in the locale they last used, or English', async () => {
    const id = snowflake();
    await notePresence(db.em(), { userId: id, locale: 'ja', guildId: null, now: new Date() });
    await notePresence(db.em(), { userId: id, locale: 'es-ES', guildId: null, now: new Date() });
    expect(await dmLocale(db.em(), id)).toBe('es-ES');
    expect(await dmLocale(db.em(), snowflake())).toBe('en-US');
  });

  it('when the language is one we do not speak, then it is refused and nothing changes', async () => {
    const id = snowflake();
    await updatePreferences(db.em(), id, { localeOverride: 'fr' });
    await expect(updatePreferences(db.em(), id, { localeOverride: 'klingon' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Deutsch'),
    });
    expect((await getPreferences(db.em(), id)).localeOverride).toBe('fr');
  });

  it('when a server sets /config language, then its public posts use it over its Discord language', async () => {
    const guildId = snowflake();
    const now = new Date();
    expect(await publicLocale(db.em(), guildId, 'ja')).toBe('ja');
    expect((await updateGuildSettings(db.em(), guildId, { language: 'de' }, now)).language).toBe('de');
    expect(await publicLocale(db.em(), guildId, 'ja')).toBe('de');
    expect((await storedLocaleChoices(db.em(), snowflake(), guildId)).guildChoice).toBe('de');
    await expect(updateGuildSettings(db.em(), guildId, { language: 'xx' }, now)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await updateGuildSettings(db.em(), guildId, { language: null }, now)).language).toBeNull();
    expect(await publicLocale(db.em(), guildId, 'ja')).toBe('ja');
  });
});
