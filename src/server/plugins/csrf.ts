import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { FAN_COOKIE, STAFF_COOKIE } from './auth.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const crossSite = () => new AppError('csrf.cross_site');

/** The origin an Origin header names, or undefined for "null" and anything unparsable. */
function originOf(header: string): URL | undefined {
  try {
    const url = new URL(header);
    return url.origin === 'null' ? undefined : url;
  } catch {
    return undefined;
  }
}

/** The host the request was sent to, normalised like URL.host (no default port for `protocol`). */
function hostOf(req: FastifyRequest, protocol: string): string | undefined {
  try {
    return new URL(`${protocol}//${req.host}`).host;
  } catch {
    return undefined;
  }
}

/**
 * Cross-site request forgery guard, in front of every route. A state change (any method but
 * GET/HEAD/OPTIONS) that carries a session cookie must come from the site itself:
 *
 * - with an `Origin` header, it must equal PUBLIC_BASE_URL's origin when that is configured, or
 *   otherwise name the same host the request was sent to (`Host`, or `X-Forwarded-Host` from a
 *   proxy TRUST_PROXY trusts). A forged request's browser sends the victim's cookie only to the
 *   real host, so it cannot make the two agree; a sibling subdomain (same-site, so Lax cookies
 *   do go along) has an origin of its own and is refused;
 * - without `Origin`, a `Sec-Fetch-Site` other than `same-origin` or `none` (typed by the user)
 *   is refused, `same-site` included;
 * - with neither (not a browser, or a very old one), it passes.
 *
 * Requests without a session cookie have nothing to forge, and an `Authorization` header (API
 * tokens) is not something a cross-site page can make a browser send: both pass untouched.
 */
export function registerCsrfGuard(app: FastifyInstance, opts: { publicOrigin?: string | undefined }) {
  const sameSite = (req: FastifyRequest, origin: URL): boolean =>
    opts.publicOrigin !== undefined ? origin.origin === opts.publicOrigin : origin.host === hostOf(req, origin.protocol);

  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    if (req.headers.authorization !== undefined) return;
    if (req.cookies[STAFF_COOKIE] === undefined && req.cookies[FAN_COOKIE] === undefined) return;
    const header = req.headers.origin;
    if (header !== undefined) {
      const origin = originOf(header);
      if (!origin || !sameSite(req, origin)) throw crossSite();
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw crossSite();
  });
}
