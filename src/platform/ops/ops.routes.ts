import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping, type Database } from '../../db/client.ts';

/**
 * Health and the bare route. `/api/ping` touches nothing (no I/O, no auth): the ceiling every
 * benchmark is compared with.
 */
export const opsRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          503: z.object({ status: z.literal('error'), database: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    async (req, reply) => {
      try {
        await ping(database.db);
        return { status: 'ok' as const, database: database.engine };
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        return reply.status(503).send({ status: 'error' as const, database: database.engine });
      }
    },
  );
  app.get('/api/ping', { schema: { tags: ['operations'], summary: 'Bare route (no I/O)', response: { 200: z.object({ pong: z.literal(true) }) } } }, async () => ({
    pong: true as const,
  }));
};
