import { z } from 'zod';

/** An Idempotency-Key: 1–200 printable ASCII characters (a UUID is a good one). */
export const idempotencyKeyField = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x20-\x7e]+$/, 'must be printable ASCII characters');

/**
 * Headers of a route that accepts an Idempotency-Key (documented in its OpenAPI entry). Loose:
 * the other request headers pass through untouched.
 */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': idempotencyKeyField
    .optional()
    .describe(
      'Send the same key when you retry a request: the first answer comes back (with Idempotent-Replayed: true) instead of the work being done again. ' +
        'Keys last 24 hours; a key sent with a different request is refused with 409 idempotency.key_reused, and while the first request is still running with 409 idempotency.in_progress.',
    ),
});
