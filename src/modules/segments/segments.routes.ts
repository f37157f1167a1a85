import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvWriter } from '../../core/csv.ts';
import { uuidParam } from '../../core/fields.ts';
import { pageOf } from '../../core/pagination.ts';
import type { RouteDeps } from '../../server/http.ts';
import { fanListItemDto } from '../fans/fans.schemas.ts';
import {
  bulkTagBody,
  bulkTagDto,
  EXPORT_COLUMNS,
  segmentBody,
  segmentDto,
  segmentFansQuery,
  segmentFilter,
  tagBody,
  tagCountsDto,
  tagField,
  tagsDto,
} from './segments.schemas.ts';

/** Tags, segments and CSV export. */
export const segmentsAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'segments'>> = async (app, deps) => {
  const { segments } = deps.services;
  const tags = ['console: segments'];

  app.get('/tags', { schema: { tags, summary: 'Tags in use, with fan counts', response: { 200: tagCountsDto } } }, async (req) => ({
    items: await segments.tagCounts(req.ctx),
  }));
  app.get('/fans/:id/tags', { schema: { tags, summary: "A fan's tags", params: uuidParam, response: { 200: tagsDto } } }, async (req) => ({
    tags: await segments.tagsOf(req.ctx, req.params.id),
  }));
  app.post('/fans/:id/tags', { schema: { tags, summary: 'Tag a fan', params: uuidParam, body: tagBody, response: { 200: tagsDto } } }, async (req) => ({
    tags: await segments.addTag(req.ctx, req.params.id, req.body.tag),
  }));
  app.post(
    '/fans/tags',
    { schema: { tags, summary: 'Tag many fans at once (up to 500; all or nothing)', body: bulkTagBody, response: { 200: bulkTagDto } } },
    async (req) => segments.tagMany(req.ctx, req.body.tag, req.body.fanIds),
  );
  app.delete(
    '/fans/:id/tags/:tag',
    { schema: { tags, summary: 'Remove a tag from a fan', params: uuidParam.extend({ tag: tagField }), response: { 200: tagsDto } } },
    async (req) => ({ tags: await segments.removeTag(req.ctx, req.params.id, req.params.tag) }),
  );

  app.post(
    '/segments/preview',
    { schema: { tags, summary: 'Live count for a filter', body: z.object({ filter: segmentFilter }), response: { 200: z.object({ count: z.number().int() }) } } },
    async (req) => segments.preview(req.ctx, req.body.filter),
  );
  app.get(
    '/segments',
    { schema: { tags, summary: 'Saved segments with live counts', response: { 200: z.object({ items: z.array(segmentDto) }) } } },
    async (req) => ({
      items: await segments.list(req.ctx),
    }),
  );
  app.post('/segments', { schema: { tags, summary: 'Save a segment', body: segmentBody, response: { 201: segmentDto } } }, async (req, reply) =>
    reply.status(201).send(await segments.create(req.ctx, req.body)),
  );
  app.get('/segments/:id', { schema: { tags, summary: 'One segment', params: uuidParam, response: { 200: segmentDto } } }, async (req) =>
    segments.get(req.ctx, req.params.id),
  );
  app.put('/segments/:id', { schema: { tags, summary: 'Edit a segment', params: uuidParam, body: segmentBody, response: { 200: segmentDto } } }, async (req) =>
    segments.update(req.ctx, req.params.id, req.body),
  );
  app.delete('/segments/:id', { schema: { tags, summary: 'Delete a segment', params: uuidParam, response: { 204: z.null() } } }, async (req, reply) => {
    await segments.remove(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/segments/:id/fans',
    { schema: { tags, summary: "A segment's fans", params: uuidParam, querystring: segmentFansQuery, response: { 200: pageOf(fanListItemDto) } } },
    async (req) => segments.fansOf(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/fans/export.csv',
    {
      schema: {
        tags,
        summary: 'Export fans as CSV (UTF-8 with BOM), streamed: every fan, or one segment',
        querystring: z.object({ segment: z.uuid().optional() }),
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const segment = req.query.segment ? await segments.exportable(req.ctx, { id: req.query.segment }) : undefined;
      const name = segment ? segment.name.replace(/[^\w\u4e00-\u9fff-]+/g, '-') : 'all-fans';
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`fans-${name}.csv`)}`);
      return Readable.from(segments.exportRows(req.ctx, segment?.filter)).pipe(csvWriter(EXPORT_COLUMNS, { bom: true }));
    },
  );
};
