// The one place interactions enter: builds a per-interaction context (one EntityManager fork, a child logger),
// applies per-user limits, defers when work may be slow, routes to the command or button, and turns every failure into
// a message. Each interaction runs on its own; a failure in one never reaches another.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Em } from '../db.ts';
import { UserFacingError } from '../errors.ts';
import { localeFor, type Translator, translator } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { type StoredLocaleChoices, storedLocaleChoices } from '../services/locale-service.ts';
import { notePresence, takeDmPauseNotice } from '../services/user-service.ts';
import { BUTTONS } from './buttons.ts';
import type { Command, InteractionContext } from './command.ts';
import type { BotServices } from './context.ts';
import { assertOwner, type CustomIds } from './custom-id.ts';
import { classifyFailure, describeFailure } from './failures.ts';
import { installedInThisGuild } from './install-context.ts';
import { type RateLimiter, UserRateLimiter } from './rate-limit.ts';
import { renderDmPauseNotice, renderFailure } from './render.ts';
import { Responder } from './responder.ts';

export interface DispatcherOptions {
  readonly services: BotServices;
  readonly commands: readonly Command[];
  readonly ids: CustomIds;
  /** Defer if no answer was sent after this long (Discord drops unanswered interactions after 3 s). */
  readonly autoDeferMs?: number;
  /**
   * An interaction still working after this long is answered "try again in a moment" (config
   * `discord.interactionDeadlineMs`); whatever it finishes later still follows up. Undefined: no deadline.
   */
  readonly deadlineMs?: number;
  /** Most time autocomplete work may take (default 2 s); it always stops 800 ms before Discord's 3 s window ends. */
  readonly autocompleteBudgetMs?: number;
  readonly limiter?: RateLimiter;
  /**
   * True when the database would keep an interaction waiting (src/db.ts `databaseBusy`: on PGlite a weekly run's
   * compute holds its one connection for seconds). The interaction is then acknowledged ("thinking…") at once, before
   * anything reads the database, instead of after `autoDeferMs`.
   */
  readonly databaseBusy?: () => boolean;
}

// Discord gives an autocomplete answer 3 s from the interaction's creation (interactions/receiving-and-responding.mdx,
// "Responding to an Interaction"); the answer's own trip back needs time too, so the work stops this long before.
const AUTOCOMPLETE_WINDOW_MS = 3_000;
const AUTOCOMPLETE_NETWORK_RESERVE_MS = 800;
const AUTOCOMPLETE_DEFAULT_CAP_MS = 2_000;
/** How often an unacknowledged interaction checks whether the database turned busy (then it defers at once). */
const BUSY_CHECK_MS = 100;

/**
 * Whole milliseconds the suggestions may take: at most `capMs`, and never past Discord's window minus the reserve for
 * the network, counted from when Discord created the interaction (its snowflake), not from when it reached us.
 */
export function autocompleteBudgetMs(o: { createdAt: number; now: number; capMs?: number | undefined }): number {
  const elapsed = Math.max(0, o.now - o.createdAt);
  const left = AUTOCOMPLETE_WINDOW_MS - AUTOCOMPLETE_NETWORK_RESERVE_MS - elapsed;
  return Math.max(0, Math.floor(Math.min(o.capMs ?? AUTOCOMPLETE_DEFAULT_CAP_MS, left)));
}

export class Dispatcher {
  private readonly byName: Map<string, Command>;
  private readonly opts: DispatcherOptions;
  private readonly limiter: RateLimiter;
  private readonly inFlight = new Set<Promise<void>>();
  private accepting = true;

  constructor(opts: DispatcherOptions) {
    this.opts = opts;
    this.byName = new Map(opts.commands.map((c) => [c.data.name, c]));
    this.limiter = opts.limiter ?? new UserRateLimiter();
  }

  /** Entry point for `client.on('interactionCreate')`. Never throws. */
  handle(interaction: Interaction): Promise<void> {
    const p = this.run(interaction).catch((err) =>
      this.opts.services.logger.error({ err, interactionId: interaction.id }, 'interaction handler crashed'),
    );
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  /** Stops taking new work and waits for what is running (graceful shutdown). */
  async drain(timeoutMs = 10_000): Promise<void> {
    this.accepting = false;
    const all = Promise.allSettled([...this.inFlight]);
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  get pending(): number {
    return this.inFlight.size;
  }

  private async run(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return this.autocomplete(interaction);
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isStringSelectMenu()) return;
    const { services } = this.opts;
    const command = interaction.isChatInputCommand() ? interaction.commandName : 'button';
    const logger = services.logger.child({
      interactionId: interaction.id,
      command,
      guildId: interaction.guildId,
      userId: interaction.user.id,
    });
    const respond = new Responder(interaction);
    // Discord's locales until the stored choices are read (once the auto-defer is armed; see useStoredLocales).
    const ctx: { -readonly [K in keyof InteractionContext]: InteractionContext[K] } = {
      services,
      em: services.orm.em.fork() as Em,
      logger,
      userId: interaction.user.id,
      userName: interaction.user.globalName ?? interaction.user.username,
      guildId: interaction.guildId,
      ids: this.opts.ids,
      respond,
      ...interactionLocales(interaction),
    };
    const started = Date.now();
    const t0 = performance.now();
    let failure: ReturnType<typeof classifyFailure> | undefined;
    let timer: NodeJS.Timeout | undefined;
    const work = async () => {
      if (!this.accepting) {
        throw UserFacingError.of('database_unavailable', 'failure.restarting');
      }
      if (interaction.isChatInputCommand()) {
        const cmd = this.byName.get(interaction.commandName);
        if (!cmd) throw UserFacingError.of('not_found', 'failure.unknown_command');
        cmd.validate?.(interaction);
        if (cmd.limit) await this.limiter.take(ctx.userId, cmd.data.name, cmd.limit);
        const ephemeral = cmd.ephemeral ?? cmd.defer !== 'always';
        timer = this.autoDefer(respond, { ephemeral });
        // With the database busy, even the privacy check of `defer: 'always'` would wait: the default privacy is used.
        this.deferAtOnceIfBusy(respond, { ephemeral });
        await useStoredLocales(ctx, interaction);
        if (cmd.defer === 'always') {
          // The quick privacy check runs under the auto-defer above, so even a slow one keeps Discord's window.
          await respond.defer({
            ephemeral: cmd.answersPrivately ? await cmd.answersPrivately(interaction, ctx) : ephemeral,
          });
        }
        await this.recordPresence(ctx, interaction);
        await cmd.execute(interaction, ctx);
      } else {
        await this.button(interaction, ctx, (t) => {
          timer = t;
        });
      }
      if (!respond.acknowledged) throw new Error(`${command} finished without answering`);
      await this.noticeDmPause(ctx);
      logger.debug({ ms: Date.now() - started }, 'handled');
    };
    const running = work();
    let deadline: NodeJS.Timeout | undefined;
    let late = false;
    const outOfTime = new Promise<never>((_, reject) => {
      const ms = this.opts.deadlineMs;
      if (ms === undefined) return;
      deadline = setTimeout(() => {
        late = true;
        logger.warn({ ms: Date.now() - started, deadlineMs: ms }, 'interaction passed its deadline');
        reject(UserFacingError.of('database_unavailable', 'failure.too_slow'));
      }, ms);
    });
    try {
      await Promise.race([running, outOfTime]);
    } catch (err) {
      failure = classifyFailure(err);
      await this.reportFailure(respond, err, logger, started, ctx.tr);
    } finally {
      clearTimeout(deadline);
    }
    if (late) {
      // The work may still finish (its answer then follows up) or fail; it is awaited so that shutdown drains it, and
      // a late failure is logged but not sent: the person was already told to try again.
      await running.catch((err: unknown) => describeFailure(err, logger, ctx.tr));
    }
    clearTimeout(timer);
    await respond.flush();
    services.metrics?.interaction({
      type: interaction.isChatInputCommand() ? 'command' : 'button',
      command,
      outcome: failure?.outcome ?? 'ok',
      errorClass: failure?.errorClass,
      firstResponseMs: respond.firstResponseAt === null ? null : respond.firstResponseAt - t0,
      totalMs: performance.now() - t0,
      deferred: respond.deferred,
    });
  }

  private async reportFailure(
    respond: Responder,
    err: unknown,
    logger: Logger,
    started: number,
    tr: Translator,
  ): Promise<void> {
    if (isUnknownInteraction(err)) return missedDeadline(logger, started);
    const view = describeFailure(err, logger, tr);
    await respond.send(renderFailure(view.message)).catch((e) => {
      if (isUnknownInteraction(e)) missedDeadline(logger, started);
      else logger.warn({ err: e, ms: Date.now() - started }, 'could not report failure');
    });
  }

  /** After the answer: tells someone, once, that their weekly DMs were paused because they could not be delivered. */
  private async noticeDmPause(ctx: InteractionContext): Promise<void> {
    if (!(await takeDmPauseNotice(ctx.em, ctx.userId, ctx.services.clock()))) return;
    ctx.logger.info('told the user their weekly DMs are paused');
    await ctx.respond.send(renderDmPauseNotice(ctx.tr));
  }

  /**
   * Defers after `autoDeferMs`, or as soon as the database turns busy while the interaction waits for it (a weekly
   * run's transaction that began just after it arrived), checked every BUSY_CHECK_MS. Cleared with clearTimeout.
   */
  private autoDefer(respond: Responder, opts: { ephemeral?: boolean; update?: boolean }): NodeJS.Timeout {
    const due = performance.now() + (this.opts.autoDeferMs ?? 1_500);
    const defer = () => void respond.defer(opts).catch(() => {});
    const timer = setInterval(
      () => {
        if (respond.acknowledged) clearInterval(timer);
        else if (performance.now() >= due || this.opts.databaseBusy?.()) {
          clearInterval(timer);
          defer();
        }
      },
      Math.min(BUSY_CHECK_MS, this.opts.autoDeferMs ?? 1_500),
    );
    return timer;
  }

  /** Acknowledges now, before any database work, when the database would hold the answer up (see `databaseBusy`). */
  private deferAtOnceIfBusy(respond: Responder, opts: { ephemeral?: boolean; update?: boolean }): void {
    if (this.opts.databaseBusy?.()) void respond.defer(opts).catch(() => {});
  }

  private async button(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    ctx: InteractionContext,
    setTimer: (t: NodeJS.Timeout) => void,
  ): Promise<void> {
    const id = ctx.ids.decode(interaction.customId);
    const handler = BUTTONS[id.action];
    if (handler.ownerOnly) assertOwner(id, ctx.userId);
    const mode = typeof handler.defer === 'function' ? handler.defer(id) : handler.defer;
    const deferAs = { ephemeral: mode === 'ephemeral', update: mode === 'update' };
    setTimer(this.autoDefer(ctx.respond, deferAs));
    this.deferAtOnceIfBusy(ctx.respond, deferAs);
    await useStoredLocales(ctx, interaction);
    await this.recordPresence(ctx, interaction);
    await handler.run(interaction, id, ctx);
  }

  /**
   * Remembers who uses Marquee in which server: the audience of that server's weekly picks. Only servers Marquee is
   * installed to count; a user install used in someone else's server records nothing about that server.
   */
  private async recordPresence(
    ctx: InteractionContext,
    interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction,
  ) {
    await notePresence(ctx.em, {
      userId: ctx.userId,
      displayName: interaction.user.globalName ?? interaction.user.username,
      locale: interaction.locale,
      guildId: installedInThisGuild(interaction) ? ctx.guildId : null,
      now: ctx.services.clock(),
    });
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const { services } = this.opts;
    const logger = services.logger.child({
      interactionId: interaction.id,
      command: interaction.commandName,
      guildId: interaction.guildId,
      userId: interaction.user.id,
      autocomplete: true,
    });
    const started = Date.now();
    const budgetMs = autocompleteBudgetMs({
      createdAt: interaction.createdTimestamp,
      now: Date.now(),
      capMs: this.opts.autocompleteBudgetMs,
    });
    const cmd = this.byName.get(interaction.commandName);
    let choices: { name: string; value: string | number }[] = [];
    const t0 = performance.now();
    let failure: ReturnType<typeof classifyFailure> | undefined;
    try {
      if (cmd?.autocomplete && this.accepting) {
        const autocomplete = cmd.autocomplete;
        const em = services.orm.em.fork() as Em;
        const work = (async () => {
          // Suggestions are personal: the person's `/settings language` beats their client's (one small read; if it
          // fails, Discord's locale is still a fine language for suggestions).
          const stored = await storedLocaleChoices(em, interaction.user.id, null).catch(() => undefined);
          return autocomplete(interaction, {
            services,
            em,
            logger,
            userId: interaction.user.id,
            budgetMs: Math.max(0, budgetMs - (Date.now() - started)),
            tr: interactionLocales(interaction, stored).tr,
          });
        })();
        // The catalogue keeps its own budget; this guard keeps us inside Discord's 3 s whatever happens.
        choices = await Promise.race([
          work,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('autocomplete over budget')), budgetMs).unref(),
          ),
        ]);
      }
    } catch (err) {
      failure = classifyFailure(err);
      logger.warn({ err }, 'autocomplete failed; answering with no suggestions');
    }
    let answered = true;
    try {
      await interaction.respond(choices.slice(0, 25));
    } catch (err) {
      answered = false;
      failure ??= classifyFailure(err);
      if (isUnknownInteraction(err)) missedDeadline(logger, started);
      else logger.warn({ err, ms: Date.now() - started }, 'could not answer autocomplete');
    }
    const ms = performance.now() - t0;
    services.metrics?.interaction({
      type: 'autocomplete',
      command: interaction.commandName,
      outcome: failure?.outcome ?? 'ok',
      errorClass: failure?.errorClass,
      firstResponseMs: answered ? ms : null,
      totalMs: ms,
      deferred: false,
    });
  }
}

/**
 * The languages of one interaction: the person's (`locale`, Discord's client language) for what they read, and the
 * server's (`guild_locale`) for public posts. interactions/receiving-and-responding.mdx, "Interaction Object": `locale`
 * is sent on every interaction but PING, `guild_locale` when it comes from a server. `stored`: what the person chose
 * (`/settings language`) and the server (`/config language`), which come first. The rule itself is localeFor.
 */
function interactionLocales(interaction: Interaction, stored?: StoredLocaleChoices) {
  const locale = localeFor('personal', { userChoice: stored?.userChoice, interactionLocale: interaction.locale });
  const publicLocale = localeFor('public', { guildChoice: stored?.guildChoice, guildLocale: interaction.guildLocale });
  return { locale, tr: translator(locale), publicTr: translator(publicLocale) };
}

/**
 * Switches the context to the languages the person and the server chose (`/settings language`, `/config language`).
 * It runs after the auto-defer is armed, so a slow database cannot cost Discord's 3-second window; an answer given
 * before it (bad options) is in the client's language. If the choices cannot be read, Discord's locales stay: the
 * work that follows reports the database problem itself.
 */
async function useStoredLocales(ctx: InteractionContext, interaction: Interaction): Promise<void> {
  try {
    const stored = await storedLocaleChoices(ctx.em, ctx.userId, ctx.guildId);
    Object.assign(ctx, interactionLocales(interaction, stored));
  } catch (err) {
    ctx.logger.debug({ err }, "could not read the language choices; using Discord's");
  }
}

/** Discord's "Unknown interaction" (10062): the 3-second window (or the 15-minute token) ran out before we answered. */
function isUnknownInteraction(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 10062;
}

/**
 * Nothing can reach the person any more (the token is dead), so there is nothing to report to them: one warning with
 * the timing, which is what an operator needs to see a slow database or an overloaded process.
 */
function missedDeadline(logger: Logger, started: number): void {
  logger.warn(
    { ms: Date.now() - started, code: 10062 },
    "missed Discord's deadline: the interaction expired unanswered",
  );
}
