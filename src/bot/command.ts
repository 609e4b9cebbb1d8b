import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Em } from '../db.ts';
import type { Locale, Translator } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { BotServices } from './context.ts';
import type { CustomIds } from './custom-id.ts';
import type { LimitRule } from './rate-limit.ts';
import type { Responder } from './responder.ts';

/** Per-interaction context: one EntityManager fork, a child logger, and the one way to answer. */
export interface InteractionContext {
  readonly services: BotServices;
  readonly em: Em;
  readonly logger: Logger;
  readonly userId: string;
  readonly userName: string;
  readonly guildId: string | null;
  readonly ids: CustomIds;
  readonly respond: Responder;
  /** The person's language (src/i18n/locale-for.ts, `personal`): replies, DMs, errors. */
  readonly tr: Translator;
  /** The server's language (`public`): messages everybody in a channel reads, such as movie-night posts. */
  readonly publicTr: Translator;
  readonly locale: Locale;
}

export interface AutocompleteContext {
  readonly services: BotServices;
  readonly em: Em;
  readonly logger: Logger;
  readonly userId: string;
  /** Time left for this answer; Discord gives 3 s in total. */
  readonly budgetMs: number;
  /** The person's language, for suggestions. */
  readonly tr: Translator;
}

export interface Command {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** `always`: defer at once (known slow work). `auto` (default): defer only if no answer after ~1.5 s. */
  readonly defer?: 'always' | 'auto';
  /** Whether the deferred "thinking…" is private (default: public for `always`, private for `auto`). */
  readonly ephemeral?: boolean;
  /**
   * Checks the options before anything else runs: a UserFacingError thrown here is answered at once, privately, and
   * uses up no rate limit.
   */
  validate?(interaction: ChatInputCommandInteraction): void;
  /**
   * For `defer: 'always'`: whether this answer will be private, decided with a quick look before deferring, because a
   * message's privacy is fixed when the "thinking…" is sent. If it takes too long, the default privacy is used.
   */
  answersPrivately?(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<boolean>;
  /** Per-user limit for expensive commands. */
  readonly limit?: LimitRule;
  execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void>;
  autocomplete?(
    interaction: AutocompleteInteraction,
    ctx: AutocompleteContext,
  ): Promise<ApplicationCommandOptionChoiceData<string | number>[]>;
}
