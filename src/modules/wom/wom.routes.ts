import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import type { RouteDeps } from '../../server/http.ts';

/** `/s/<code>`: a share link opens the shared article on the fan site. */
export const shareLinkRoutes: FastifyPluginAsyncZod<RouteDeps<'wom'>> = async (app, deps) => {
  app.get(
    '/s/:code',
    {
      schema: {
        tags: ['fan: sharing'],
        summary: 'Follow a share link',
        params: z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{4,32}$/, 'must be a share code') }),
      },
    },
    async (req, reply) => {
      const target = await deps.services.wom.resolve(req.ctx, req.params.code);
      if (!target) throw notFound('share_link.not_found');
      return reply.redirect(target, 302);
    },
  );
};
