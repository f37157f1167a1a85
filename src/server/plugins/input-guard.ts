import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody } from '../../core/errors.ts';

/** Path of the first string holding a NUL character, which PostgreSQL text can never store. */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    const found = findNul(v, path ? `${path}.${key}` : key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Rejects input no route could store, before validation, for every route at once: NUL characters
 * in body, query or path. Cost: one walk over the parsed input (bounded by the 1 MiB body limit).
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['body', req.body],
      ['querystring', req.query],
      ['params', req.params],
    ] as const) {
      const path = findNul(value, '');
      if (path !== undefined) {
        throw new AppError(
          'validation_failed',
          { path: path || part, in: part },
          {
            message: `${part}.${path || part}: must not contain NUL characters`,
            details: [{ path: path || part, in: part, issue: 'nul_character', message: 'must not contain NUL characters' }],
          },
        );
      }
    }
  });
}

/** Router-level refusals (malformed URL, over-long path parameter) in the one error shape. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const code = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'request.uri_too_long' : 'request.bad_url';
  void reply.status(err.statusCode ?? 400).send(errorBody(code, {}, err.message));
}
