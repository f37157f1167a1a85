import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer (web app, API, Swagger UI at /docs). The built web
 * app is script files only (Vite emits no inline script), so scripts come from this origin alone
 * and an injected inline script or event handler never runs, even if one slipped past the
 * article sanitiser. Styles allow 'unsafe-inline': Ant Design writes its CSS-in-JS as <style>
 * tags at run time. Images may come from anywhere on http(s) (article covers and images are
 * links to where their author keeps them). Nobody may frame a page (clickjacking).
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:', 'http:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers on every answer, errors and 404s included: the CSP above, X-Frame-Options
 * DENY, X-Content-Type-Options nosniff, Referrer-Policy strict-origin-when-cross-origin (another
 * site sees only our origin, never a path with an invitation or share code in it), and HSTS for
 * a year only when the public address is https (it would lock a plain-http install out of
 * itself). `upgrade-insecure-requests` follows the same rule.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  // Helmet's middleware built once and run on every request (its Fastify plugin builds it anew
  // for each request, which cost a fifth of a bare route's time).
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY, ...(opts.https ? { 'upgrade-insecure-requests': [] } : {}) },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: opts.https ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => setHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)));
}
