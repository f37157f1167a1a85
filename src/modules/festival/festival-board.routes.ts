import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../core/fields.ts';
import type { RouteDeps } from '../../server/http.ts';
import { festivalBoardDto, type FestivalBoardDto } from './festival-attempts.schemas.ts';
import { festivalReportDto } from './festival-report.schemas.ts';

const tags = ['console: festival'];
/** A comment line every so often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

const frameOf = (dto: FestivalBoardDto) => `data: ${JSON.stringify(dto)}\n\n`;

/** Staff: the live board of a festival's attempts (once, or streamed every second) and the after-festival report. */
export const festivalBoardRoutes: FastifyPluginAsyncZod<RouteDeps<'festivalBoard' | 'festivalReport'>> = async (app, deps) => {
  const { festivalBoard, festivalReport } = deps.services;
  // Open streams end before the server closes, or its close would wait for them.
  app.addHook('preClose', async () => festivalBoard.close());

  app.get(
    '/festivals/:id/board',
    {
      schema: {
        tags,
        summary: 'The live figures of the attempts (last 60 seconds, totals, answer times) and units sold and left per item',
        params: uuidParam,
        response: { 200: festivalBoardDto },
      },
    },
    async (req) => festivalBoard.board(req.ctx, req.params.id),
  );

  app.get(
    '/festivals/:id/board/stream',
    {
      schema: {
        tags,
        summary: 'The live board as server-sent events: one frame now, then one a second',
        description:
          'text/event-stream: each `data:` line is one board, the same JSON as GET /festivals/{id}/board; a `: heartbeat` comment every 15 s. ' +
          'Every viewer of a festival gets the same frame, computed once a second. The stream ends when the client leaves or the server shuts down; ' +
          'EventSource reconnects by itself (`retry:` 2 s).',
        params: uuidParam,
        produces: ['text/event-stream'],
        response: { 200: z.string().describe('text/event-stream of `data: <board JSON>` frames') },
      },
    },
    async (req, reply) => {
      const out = new PassThrough();
      const { first, stop } = await festivalBoard.watch(req.ctx, req.params.id, {
        frame: (dto) => out.write(frameOf(dto)),
        error: (err) => req.log.warn({ err, festival: req.params.id }, 'festival board frame failed'),
        closed: () => out.end(),
      });
      const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const end = () => {
        clearInterval(heartbeat);
        stop();
        if (!out.writableEnded) out.end();
      };
      req.raw.on('close', end);
      out.on('close', end);
      out.write(`retry: 2000\n\n${frameOf(first)}`);
      void reply.type('text/event-stream; charset=utf-8').header('cache-control', 'no-cache, no-transform').header('x-accel-buffering', 'no');
      // The stream is the documented text, sent as it is written (Fastify pipes a stream, never serialises it).
      return reply.send(out as unknown as string);
    },
  );

  app.get(
    '/festivals/:id/report',
    {
      schema: {
        tags,
        summary:
          'The after-festival report: per item and in total, reservations → orders → paid, expiries, cancels, refunds, units, GMV, refusals; by tier and level',
        description: "Tiers and loyalty levels are the buyers' now (festival orders record neither at order time).",
        params: uuidParam,
        response: { 200: festivalReportDto },
      },
    },
    async (req) => festivalReport.report(req.ctx, req.params.id),
  );

  app.get(
    '/festivals/:id/report.csv',
    {
      schema: {
        tags,
        summary: 'The after-festival report as CSV (UTF-8 with BOM): one row per item, the total, each tier, each level, each kind of refusal',
        params: uuidParam,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const { name, body } = await festivalReport.csv(req.ctx, req.params.id);
      const file = `festival-report-${name.replace(/[^\w\u4e00-\u9fff-]+/g, '-')}.csv`;
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`);
      return body;
    },
  );
};
