import type { FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import type { AuthHooks, SessionCookies } from './plugins/auth.ts';

/** What every route plugin receives: the services (its only door inward) and HTTP helpers. */
export type RouteDeps = {
  services: Services;
  hooks: AuthHooks;
  cookies: SessionCookies;
  /** Per-route limit for credential endpoints, keyed by client address and submitted email. */
  credentialLimit: { max: number; timeWindow: string };
};

export const credentialRateLimit = (deps: RouteDeps) => ({
  rateLimit: {
    ...deps.credentialLimit,
    hook: 'preHandler' as const,
    keyGenerator: (req: FastifyRequest) => {
      const email = (req.body as { email?: unknown } | undefined)?.email;
      return `${req.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    },
  },
});
