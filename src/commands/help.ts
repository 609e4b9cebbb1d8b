import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../bot/command.ts';
import { renderHelp } from '../bot/render.ts';
import { personalCommand } from './_shared.ts';

export const data = personalCommand('help', 'What Marquee can do and how to use it');

export async function execute(_interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  await ctx.respond.send(renderHelp(ctx.tr));
}
