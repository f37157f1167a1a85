import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../server/http.ts';
import { channelSettingsBody, channelSettingsDto, publicChannelDto } from './channel.schemas.ts';

export const channelPublicRoutes: FastifyPluginAsyncZod<RouteDeps<'channel'>> = async (app, deps) => {
  app.get('/channel', { schema: { tags: ['fan'], summary: "The channel's public profile", response: { 200: publicChannelDto } } }, async (req) =>
    deps.services.channel.publicProfile(req.ctx),
  );
};

export const channelAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'channel'>> = async (app, deps) => {
  const tags = ['console: settings'];
  app.get('/channel', { schema: { tags, summary: 'Channel settings', response: { 200: channelSettingsDto } } }, async (req) =>
    deps.services.channel.getSettings(req.ctx),
  );
  app.put(
    '/channel',
    { schema: { tags, summary: 'Edit channel name and description', body: channelSettingsBody, response: { 200: channelSettingsDto } } },
    async (req) => deps.services.channel.updateSettings(req.ctx, req.body),
  );
};
