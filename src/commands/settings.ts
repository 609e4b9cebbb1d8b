// /settings: a person's own preferences. Weekly DMs are opt-in; turning them on says plainly what will arrive.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import { renderProfileVisibility } from '../bot/privacy-render.ts';
import type { MessageView } from '../bot/responder.ts';
import { renderServicesMenu, servicesPage } from '../bot/services-render.ts';
import { joinNames } from '../bot/where-to-watch.ts';
import { UserFacingError } from '../errors.ts';
import { LOCALE_NAMES, localeFor, translator } from '../i18n/index.ts';
import { getProfileVisibility, setProfileVisibility } from '../services/privacy-service.ts';
import { getPreferences, updatePreferences } from '../services/user-service.ts';
import { FOLLOW_DISCORD, languageOption, personalCommand } from './_shared.ts';

export const data = personalCommand('settings', 'Your Marquee settings')
  .addSubcommand((s) =>
    s
      .setName('dms')
      .setDescription('Weekly picks by DM (off unless you turn them on)')
      .addStringOption((o) =>
        o
          .setName('state')
          .setDescription('on or off')
          .setRequired(true)
          .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('region')
      .setDescription('Your country (two letters, e.g. GB; "clear" to remove)')
      .addStringOption((o) => o.setName('code').setDescription('e.g. US, GB, DE').setRequired(true).setMaxLength(5)),
  )
  .addSubcommand((s) =>
    s
      .setName('profile')
      .setDescription('Who can see your watch log, compare with you, and see your name in reasons')
      .addStringOption((o) =>
        o
          .setName('visibility')
          .setDescription('public: anyone · server: people in a server you share · private: only you')
          .setRequired(true)
          .addChoices(
            { name: 'public', value: 'public' },
            { name: 'server', value: 'server' },
            { name: 'private', value: 'private' },
          ),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('services')
      .setDescription('Choose the streaming services you have (for where to watch and available:mine)'),
  )
  .addSubcommand((s) =>
    s
      .setName('language')
      .setDescription('The language I answer you in (by default, the one your Discord is set to)')
      .addStringOption((o) => languageOption(o, 'A language, or "Same as my Discord"', 'Same as my Discord')),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Show your settings'));

export const ephemeral = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const sub = interaction.options.getSubcommand(true);
  if (sub === 'dms') {
    const on = interaction.options.getString('state', true) === 'on';
    const before = await getPreferences(ctx.em, ctx.userId);
    await updatePreferences(ctx.em, ctx.userId, { dmOptIn: on });
    ctx.logger.info({ dmOptIn: on }, 'dm preference');
    const content = ctx.tr.t(
      on ? (before.dmOptIn ? 'settings.dms_already_on' : 'settings.dms_on') : 'settings.dms_off',
    );
    await ctx.respond.send({ content, ephemeral: true });
    return;
  }
  if (sub === 'region') {
    const code = interaction.options.getString('code', true).trim();
    const clear = code.toLowerCase() === 'clear';
    const p = await updatePreferences(ctx.em, ctx.userId, { region: clear ? null : code });
    await ctx.respond.send({
      content: p.region ? ctx.tr.t('settings.region_set', { region: p.region }) : ctx.tr.t('settings.region_cleared'),
      ephemeral: true,
    });
    return;
  }
  if (sub === 'services') {
    await ctx.respond.send(await servicesView(ctx, 1));
    return;
  }
  if (sub === 'language') {
    const chosen = interaction.options.getString('language', true);
    const p = await updatePreferences(ctx.em, ctx.userId, {
      localeOverride: chosen === FOLLOW_DISCORD ? null : chosen,
    });
    ctx.logger.info({ localeOverride: p.localeOverride }, 'language preference');
    await ctx.respond.send({
      // Said in the language just chosen: the first answer in it shows the choice worked.
      content: p.localeOverride
        ? translator(p.localeOverride).t('settings.language_set', { language: LOCALE_NAMES[p.localeOverride] })
        : translator(localeFor('personal', { interactionLocale: interaction.locale })).t('settings.language_follow'),
      ephemeral: true,
    });
    return;
  }
  if (sub === 'profile') {
    const v = await setProfileVisibility(ctx.em, ctx.userId, interaction.options.getString('visibility', true));
    ctx.logger.info({ profileVisibility: v }, 'profile visibility');
    await ctx.respond.send(renderProfileVisibility(ctx.tr, v, true));
    return;
  }
  const p = await getPreferences(ctx.em, ctx.userId);
  const profile = await getProfileVisibility(ctx.em, ctx.userId);
  const services = (await ctx.services.streaming?.servicesOf(ctx.em, ctx.userId)) ?? [];
  await ctx.respond.send({
    content: ctx.tr.t('settings.show', {
      dms: p.dmOptIn ? 'on' : 'off',
      region: p.region ?? ctx.tr.t('settings.not_set'),
      services: services.length
        ? joinNames(
            ctx.tr,
            services.map((x) => x.name),
            10,
          )
        : ctx.tr.t('settings.no_services'),
      profile,
      language: p.localeOverride ? LOCALE_NAMES[p.localeOverride] : ctx.tr.t('settings.language_discord'),
    }),
    ephemeral: true,
  });
}

/**
 * The `/settings services` menu at `page`; with `chosen`, first saves that choice among the page's services. Without a
 * region there is nothing to list: the answer says how to set one.
 */
export async function servicesView(
  ctx: InteractionContext,
  page: number,
  chosen?: readonly number[],
): Promise<MessageView> {
  const streaming = ctx.services.streaming;
  if (!streaming) throw UserFacingError.of('tmdb_unavailable', 'stream.unavailable');
  const { region } = await getPreferences(ctx.em, ctx.userId);
  if (!region) return { content: `🌍 ${ctx.tr.t('services.needs_region')}`, components: [], ephemeral: true };
  const providers = (await streaming.regionProviders(region)).map((p) => ({ id: p.id, name: p.name }));
  let mine = await streaming.servicesOf(ctx.em, ctx.userId);
  if (chosen) {
    mine = await streaming.chooseServices(ctx.em, ctx.userId, servicesPage(providers, page), chosen);
    ctx.logger.info({ services: mine.length, region }, 'streaming services chosen');
  }
  return renderServicesMenu(
    ctx.tr,
    { region, providers, mine, page, saved: chosen !== undefined },
    { ids: ctx.ids, owner: ctx.userId },
  );
}
