import { describe, expect, it } from 'vitest';
import { DiscordSpec } from '../support/discord-spec.ts';
import { TmdbSpec } from '../support/tmdb-spec.ts';

describe('reference specs the tests check bodies against', () => {
  it('when a spec file is missing, then building its checker fails loudly, naming the file', () => {
    expect(() => new TmdbSpec('/nonexistent/tmdb-api.json')).toThrow(/TMDB's OpenAPI spec is missing at \/nonexistent/);
    expect(() => new DiscordSpec('/nonexistent/discord-openapi.json')).toThrow(/Discord's OpenAPI spec is missing/);
  });
});
