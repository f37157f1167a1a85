import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { PACKAGE_ROOT } from '../../core/package-root.ts';

export const WEB_DIST = path.join(PACKAGE_ROOT, 'web', 'dist');

/**
 * Serves the built web app (console and fan site). Unknown GET paths outside /api get
 * index.html so client-side routes survive a reload; API paths get the JSON 404.
 */
export async function registerWeb(app: FastifyInstance, webDist = WEB_DIST) {
  mkdirSync(webDist, { recursive: true });
  // wildcard: files are looked up per request, so a build made after start is served too;
  // a missing file falls through to the not-found handler below.
  await app.register(fastifyStatic, { root: webDist, wildcard: true, index: false });
  let built = false;
  const isBuilt = () => (built ||= existsSync(path.join(webDist, 'index.html')));

  // The site root is the fan site's home page (a directory to the static plugin).
  app.get('/', { schema: { hide: true } }, (_req, reply) => (isBuilt() ? reply.type('text/html').sendFile('index.html') : reply.callNotFound()));

  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0]!;
    const isApi = /^\/(api|docs|openapi\.json|healthz|metrics)(\/|$)/.test(pathname);
    if (req.method === 'GET' && !isApi && isBuilt()) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(new AppError('route.not_found', { method: req.method, path: pathname }).toBody());
  });
}
