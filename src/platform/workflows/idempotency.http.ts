import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdempotencyService } from './idempotency.service.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on an answer replayed from an earlier request with the same key. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * A route handler's body, made idempotent by the request's Idempotency-Key header (declare
 * `headers: idempotencyHeaders` in the route schema so it is validated and documented). Without
 * the header, `work` just runs. With it, the first request runs `work(key)` and its answer is kept
 * for a day; a retry with the same key, method, URL and body gets that answer again, marked
 * `Idempotent-Replayed: true`. The key belongs to the signed-in caller and the route.
 *
 *   async (req, reply) => idempotent(req, reply, idempotency, (key) => fanImport.run(req.ctx, req.body, { key }))
 */
export async function idempotent<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  idempotency: IdempotencyService,
  work: (key: string | null) => Promise<T>,
  options: { status?: number } = {},
): Promise<FastifyReply> {
  const status = options.status ?? 200;
  const header = req.headers[IDEMPOTENCY_HEADER];
  const key = Array.isArray(header) ? header.join(', ') : header;
  if (key === undefined) return reply.status(status).send(await work(null));
  const outcome = await idempotency.once(
    req.ctx,
    { scope: `${req.method} ${req.routeOptions.url ?? req.url}`, key, request: { url: req.url, body: req.body }, status },
    work,
  );
  if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true');
  return reply.status(outcome.status).send(outcome.body);
}
