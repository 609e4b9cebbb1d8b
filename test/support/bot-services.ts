// The bot's services for a test that drives only commands over the database: the catalogue answers autocomplete with
// nothing and titles with none, and every other TMDB or recommender call fails loudly, so a test that reaches one
// is visibly wrong.
import type { BotServices } from '../../src/bot/context.ts';
import type { Orm } from '../../src/db.ts';
import type { Logger } from '../../src/logger.ts';

export function databaseOnlyServices(orm: Orm, logger: Logger): BotServices {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return {
    orm,
    logger,
    catalogue: {
      search: unused,
      autocomplete: async () => [],
      titlesFor: async () => new Map(),
      ensureMovie: unused,
      getDetails: unused,
      popular: unused,
    },
    recommendations: { recommend: unused, needsOnboarding: unused, similar: unused, recommendForGroup: unused },
    clock: () => new Date(),
  };
}
