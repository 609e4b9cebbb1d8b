// Every REST route of the local Discord, by protocol area. To add a route: declare it in the file of its area (or a
// new routes/<area>.ts) as a RouteDef and list that array here. Literal paths must come before parameterised ones
// that would also match them (e.g. `/users/@me` before `/users/{user_id}`).
import type { RouteDef } from '../http.ts';
import { channelRoutes } from './channels.ts';
import { commandRoutes } from './commands.ts';
import { gatewayRoutes } from './gateway.ts';
import { guildRoutes } from './guilds.ts';
import { interactionRoutes } from './interactions.ts';
import { messageRoutes } from './messages.ts';
import { pollRoutes } from './polls.ts';
import { scheduledEventRoutes } from './scheduled-events.ts';
import { userRoutes } from './users.ts';

export const allRoutes: readonly RouteDef[] = [
  ...gatewayRoutes,
  ...interactionRoutes,
  ...userRoutes,
  ...commandRoutes,
  ...guildRoutes,
  ...channelRoutes,
  ...messageRoutes,
  ...pollRoutes,
  ...scheduledEventRoutes,
];
