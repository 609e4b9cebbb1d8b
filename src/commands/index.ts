// The explicit list of slash commands: the dispatcher routes by it and scripts/deploy-commands.ts registers it.
import type { Command } from '../bot/command.ts';
import { localizeCommand } from '../i18n/index.ts';
import * as compare from './compare.ts';
import * as config from './config.ts';
import * as help from './help.ts';
import * as importCommand from './import.ts';
import * as movienight from './movienight.ts';
import * as privacy from './privacy.ts';
import * as rate from './rate.ts';
import * as recommend from './recommend.ts';
import * as search from './search.ts';
import * as settings from './settings.ts';
import * as similar from './similar.ts';
import * as stats from './stats.ts';
import * as watched from './watched.ts';
import * as watchlist from './watchlist.ts';

export const commands: readonly Command[] = [
  search,
  rate,
  watched,
  watchlist,
  recommend,
  similar,
  compare,
  settings,
  config,
  movienight,
  importCommand,
  privacy,
  stats,
  help,
];

/** What Discord registers: every command with its names and descriptions in each of our locales. */
export function commandsJson() {
  return commands.map((c) => localizeCommand(c.data.toJSON()));
}
