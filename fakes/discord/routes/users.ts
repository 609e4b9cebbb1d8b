// Users, the application, and DM channels. resources/user.mdx (Get Current User, Create DM), resources/application.mdx
// (Get Current Application).
import { ApplicationIntegrationType, ChannelType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError } from '../errors.ts';
import type { RouteDef } from '../http.ts';

export const userRoutes: RouteDef[] = [
  { method: 'GET', path: '/users/@me', auth: 'bot', handle: ({ fake }) => ({ status: 200, payload: fake.botUser }) },
  {
    // resources/user.mdx § Get User
    method: 'GET',
    path: '/users/{user_id}',
    auth: 'bot',
    rateLimit: { global: true },
    handle: ({ fake, params }) => {
      const user = params.user_id === fake.botUser.id ? fake.botUser : fake.users.get(params.user_id ?? '');
      if (!user) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownUser, 'Unknown User');
      return { status: 200, payload: user };
    },
  },
  {
    method: 'GET',
    path: '/applications/@me',
    auth: 'bot',
    handle: ({ fake }) => ({
      status: 200,
      payload: {
        id: fake.appId,
        name: fake.botUser.username,
        flags: 0,
        bot_public: true,
        // resources/application.mdx § Application Object: integration_types_config has a key per enabled context.
        integration_types_config: {
          ...(fake.installContexts.guild
            ? {
                [ApplicationIntegrationType.GuildInstall]: {
                  oauth2_install_params: { scopes: ['bot', 'applications.commands'], permissions: '19456' },
                },
              }
            : {}),
          ...(fake.installContexts.user
            ? {
                [ApplicationIntegrationType.UserInstall]: {
                  oauth2_install_params: { scopes: ['applications.commands'], permissions: '0' },
                },
              }
            : {}),
        },
      },
    }),
  },
  {
    // resources/user.mdx § Create DM
    method: 'POST',
    path: '/users/@me/channels',
    auth: 'bot',
    rateLimit: { global: true },
    handle: ({ fake, body }) => {
      const recipient = fake.users.get(String(body?.recipient_id));
      if (!recipient) throw new DiscordHttpError(400, RESTJSONErrorCodes.InvalidRecipients, 'Invalid Recipient(s)');
      const id = fake.dmChannelFor(recipient.id);
      return {
        status: 200,
        payload: { id, type: ChannelType.DM, last_message_id: null, flags: 0, recipients: [recipient] },
      };
    },
  },
];
