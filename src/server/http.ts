import type { FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import type { AuthHooks, SessionCookies } from './plugins/auth.ts';
import { addressKey } from './plugins/limits.ts';

/**
 * What route plugins may take from the server: this file only. Plugins (auth, limits, errors,
 * metrics) stay behind it.
 */
export { FAN_COOKIE, STAFF_COOKIE, VISITOR_COOKIE } from './plugins/auth.ts';
export type { AuthHooks, SessionCookies } from './plugins/auth.ts';
/** Idempotency-Key support for a route: its headers schema and the handler wrapper. */
export { idempotent, REPLAYED_HEADER } from '../platform/workflows/idempotency.http.ts';
export { idempotencyHeaders } from '../platform/workflows/idempotency.schemas.ts';

/**
 * What a route plugin receives: the services it names (its only door inward) and HTTP helpers.
 * `RouteDeps<'articles' | 'channel'>` hands it those two services and no others.
 */
export type RouteDeps<K extends keyof Services = never> = {
  services: Pick<Services, K>;
  hooks: AuthHooks;
  cookies: SessionCookies;
  /** Per-route limit for credential endpoints, keyed by client address and submitted email. */
  credentialLimit: { max: number; timeWindow: string };
};

/**
 * Article views: a reload storm must not inflate views or flood a fan's timeline. Per article,
 * a signed-in fan counts at most 20 views a minute; anonymous visitors at most 120 a minute per
 * address (generous: many readers can share one office or carrier address).
 */
export const viewRateLimit = {
  rateLimit: {
    hook: 'preHandler' as const,
    timeWindow: '1 minute',
    max: (_req: FastifyRequest, key: string) => (key.startsWith('fan:') ? 20 : 120),
    keyGenerator: (req: FastifyRequest) => {
      const article = (req.params as { id?: string }).id ?? '';
      return req.ctx.actor.kind === 'fan' ? `fan:${req.ctx.actor.fanId}|${article}` : `ip:${addressKey(req.ip)}|${article}`;
    },
  },
};

/**
 * Credential doors (sign-in, owner setup, invitation acceptance): `credentialLimit` per address
 * and submitted email, and the doors' shared per-address limit on failed attempts across
 * accounts (see plugins/limits.ts). The client address is the socket's unless TRUST_PROXY names
 * the proxies in front: a forged X-Forwarded-For changes nothing.
 */
export const credentialRateLimit = (deps: Pick<RouteDeps, 'credentialLimit'>) => ({
  rateLimit: {
    ...deps.credentialLimit,
    hook: 'preHandler' as const,
    keyGenerator: (req: FastifyRequest) => {
      const email = (req.body as { email?: unknown } | undefined)?.email;
      return `${addressKey(req.ip)}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    },
  },
  addressLimit: 'sign-in' as const,
});

/** Fan sign-up: the per-address-and-email limit, and at most so many sign-ups per address. */
export const signupRateLimit = (deps: Pick<RouteDeps, 'credentialLimit'>) => ({
  ...credentialRateLimit(deps),
  addressLimit: 'sign-up' as const,
});
