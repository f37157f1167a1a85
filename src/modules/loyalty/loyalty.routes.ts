import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../core/fields.ts';
import type { RouteDeps } from '../../server/http.ts';
import { pageQuery } from '../../core/pagination.ts';
import { jobRunDto } from '../../platform/jobs/jobs.schemas.ts';
import { funnelDto, loyaltyExplanationDto, loyaltyJobsDto, rankedFanPage, rulesBody, rulesDto } from './loyalty.schemas.ts';

export const loyaltyAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'loyalty'>> = async (app, deps) => {
  const { loyalty } = deps.services;
  const tags = ['console: loyalty'];
  app.get('/loyalty/rules', { schema: { tags, summary: 'The loyalty ladder rules and grace period', response: { 200: rulesDto } } }, async (req) =>
    loyalty.getRules(req.ctx),
  );
  app.put(
    '/loyalty/rules',
    {
      schema: {
        tags,
        summary: 'Replace the rules; every fan is re-levelled in the background (progress in `relevel`)',
        body: rulesBody,
        response: { 200: rulesDto },
      },
    },
    async (req) => loyalty.updateRules(req.ctx, req.body),
  );
  app.post(
    '/loyalty/recompute',
    {
      schema: {
        tags,
        summary: 'Start a background rebuild of every signal from activities and a re-levelling of every fan',
        response: { 202: jobRunDto },
      },
    },
    async (req, reply) => reply.status(202).send(await loyalty.requestRecompute(req.ctx)),
  );
  app.get(
    '/loyalty/jobs',
    { schema: { tags, summary: 'The latest re-levelling and recompute runs, with progress', response: { 200: loyaltyJobsDto } } },
    async (req) => loyalty.jobs(req.ctx),
  );
  app.get('/loyalty/funnel', { schema: { tags, summary: 'Fans per level and moves in the last 30 days', response: { 200: funnelDto } } }, async (req) =>
    loyalty.funnel(req.ctx),
  );
  app.get(
    '/loyalty/super-fans',
    { schema: { tags, summary: 'Super fans, those in their grace period first', querystring: pageQuery, response: { 200: rankedFanPage } } },
    async (req) => loyalty.superFans(req.ctx, req.query),
  );
  app.get(
    '/loyalty/candidates',
    { schema: { tags, summary: 'Fans closest to level 4, ranked, with what each still misses', querystring: pageQuery, response: { 200: rankedFanPage } } },
    async (req) => loyalty.candidates(req.ctx, req.query),
  );
  app.get(
    '/fans/:id/loyalty',
    {
      schema: { tags, summary: "A fan's level, each rule with the fan's value, and what is missing", params: uuidParam, response: { 200: loyaltyExplanationDto } },
    },
    async (req) => loyalty.explain(req.ctx, req.params.id),
  );
};
