import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../server/http.ts';
import { streamStatusDto } from './stream.schemas.ts';

export const streamAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'stream'>> = async (app, deps) => {
  app.get(
    '/stream',
    {
      schema: {
        tags: ['console: operations'],
        summary: 'Whether figures derived from the activity stream (analytics, article counters, loyalty) are catching up',
        response: { 200: streamStatusDto },
      },
    },
    async (req) => deps.services.stream.status(req.ctx),
  );
};
