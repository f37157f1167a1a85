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
          'When the server is saturated: 429 festival.busy with Retry-After. ' +
          'Bot checks (per fan, and per browser by its fb_vid cookie, set here when absent): past a few attempts in ten seconds ' +
          'the answer is 403 festival.challenge_required with an ALTCHA challenge in error.params.challenge; solve it ' +
          "(altcha-lib's solveChallenge, SHA-256) and send the attempt again with body.challenge = {challenge, solution}. " +
          "A wrong, expired, reused or other fan's solution: 403 festival.challenge_invalid with a new challenge. " +
          'Far past the limit: 429 festival.too_many_attempts with Retry-After (the seconds until the window ends).',
        headers: idempotencyHeaders,
        params: reservationParams,
        body: attemptBody,
        response: { 200: attemptResult },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const visitorId = deps.cookies.visitor(req, reply);
      try {
        return await festivalAttempts.attempt(req.ctx, req.params.slug, req.params.itemId, req.body, typeof key === 'string' ? key : null, visitorId);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'festival.busy' || err.code === 'festival.too_many_attempts')) {
          void reply.header('Retry-After', String((err.params as { retryAfterSeconds: number }).retryAfterSeconds));
        }
        throw err;
      }
    },
  );
};
