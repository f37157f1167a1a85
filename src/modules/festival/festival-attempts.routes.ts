import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import type { RouteDeps } from '../../server/http.ts';
import { idempotencyHeaders } from '../../platform/workflows/idempotency.schemas.ts';
import { attemptBody, attemptResult } from './festival-attempts.schemas.ts';
import { reservationParams } from './festival.schemas.ts';

/** Signed-in fans: purchase attempts. */
export const festivalAttemptRoutes: FastifyPluginAsyncZod<RouteDeps<'festivalAttempts'>> = async (app, deps) => {
  const { festivalAttempts } = deps.services;
  app.addHook('preHandler', deps.hooks.fanIfAny);
  app.post(
    '/:slug/items/:itemId/attempts',
    {
      schema: {
        tags: ['fan: festival'],
        summary: 'Try to buy: won (the order, pending payment, with its deadline), sold_out, limit_reached, not_started, ended or not_eligible',
        description:
          'Needs an Idempotency-Key header: the same key again answers the same order, never a second one. ' +
          'When the server is saturated: 429 festival.busy with Retry-After.',
        headers: idempotencyHeaders,
        params: reservationParams,
        body: attemptBody,
        response: { 200: attemptResult },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      try {
        return await festivalAttempts.attempt(req.ctx, req.params.slug, req.params.itemId, req.body, typeof key === 'string' ? key : null);
      } catch (err) {
        if (err instanceof AppError && err.code === 'festival.busy') void reply.header('Retry-After', '1');
        throw err;
      }
    },
  );
};
