import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../core/fields.ts';
import { idempotencyHeaders, idempotent, type RouteDeps } from '../server/http.ts';
import { fanImportDto, importReportDto } from './fan-import.schemas.ts';

export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

/** CSV import of fans (console). */
export const fanImportAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'fanImport' | 'fanImports' | 'idempotency'>> = async (app, deps) => {
  const { fanImport, fanImports, idempotency } = deps.services;
  const tags = ['console: segments'];
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/fans/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import fans from CSV (email, display_name, followed_at, tags): a report at once, or a background import for a large file',
        description:
          'A file of up to 2,000 rows is imported within the request and answered 200 with its report. A larger one is stored and ' +
          'answered 202 with the background import: follow it with GET /api/admin/fans/imports/{id} (progress, then the same report). ' +
          'With an Idempotency-Key, a retried upload (same key, same file) answers the first answer again instead of importing twice; ' +
          'a file refused as a whole (no email column) is answered the same way on retry.',
        consumes: ['text/csv'],
        headers: idempotencyHeaders,
        body: z.string().min(1, 'the CSV is empty'),
        response: { 200: importReportDto, 202: z.object({ import: fanImportDto }) },
      },
    },
    async (req, reply) =>
      fanImports.runsInline(req.body)
        ? idempotent(req, reply, idempotency, (key) => fanImport.run(req.ctx, req.body, undefined, { key }))
        : idempotent(req, reply, idempotency, async (key) => ({ import: await fanImports.submit(req.ctx, req.body, { key }) }), { status: 202 }),
  );

  app.get(
    '/fans/imports',
    { schema: { tags, summary: 'The latest CSV imports run in the background, newest first', response: { 200: z.object({ items: z.array(fanImportDto) }) } } },
    async (req) => ({ items: await fanImports.recent(req.ctx) }),
  );

  app.get(
    '/fans/imports/:id',
    {
      schema: {
        tags,
        summary: 'A background CSV import: its progress, then its report',
        params: uuidParam,
        response: { 200: fanImportDto },
      },
    },
    async (req) => fanImports.get(req.ctx, req.params.id),
  );
};
