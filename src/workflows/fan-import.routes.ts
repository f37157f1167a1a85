import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../server/http.ts';
import { importReportDto } from './fan-import.schemas.ts';

export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

/** CSV import of fans (console). */
export const fanImportAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'fanImport'>> = async (app, deps) => {
  const { fanImport } = deps.services;
  const tags = ['console: segments'];
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/fans/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import fans from CSV (email, display_name, followed_at, tags): a report of accepted and rejected rows',
        consumes: ['text/csv'],
        body: z.string().min(1, 'the CSV is empty'),
        response: { 200: importReportDto },
      },
    },
    async (req) => fanImport.run(req.ctx, req.body),
  );
};
