import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotent, type RouteDeps } from '../server/http.ts';
import { importReportDto } from './fan-import.schemas.ts';

export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

/** CSV import of fans (console). */
export const fanImportAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'fanImport' | 'idempotency'>> = async (app, deps) => {
  const { fanImport, idempotency } = deps.services;
  const tags = ['console: segments'];
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/fans/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import fans from CSV (email, display_name, followed_at, tags): a report of accepted and rejected rows',
        description:
          'With an Idempotency-Key, a retried upload (same key, same file) answers the first report again instead of importing twice; ' +
          'a file refused as a whole (no email column) is answered the same way on retry.',
        consumes: ['text/csv'],
        headers: idempotencyHeaders,
        body: z.string().min(1, 'the CSV is empty'),
        response: { 200: importReportDto },
      },
    },
    async (req, reply) => idempotent(req, reply, idempotency, (key) => fanImport.run(req.ctx, req.body, undefined, { key })),
  );
};
