import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../core/fields.ts';
import type { RouteDeps } from '../../server/route-deps.ts';
import { funnelDto, loyaltyExplanationDto, recomputeDto, rulesBody, rulesDto, superFansDto } from './loyalty.schemas.ts';

export const loyaltyAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { loyalty } = deps.services;
  const tags = ['console: loyalty'];
  app.get('/loyalty/rules', { schema: { tags, summary: 'The loyalty ladder rules and grace period', response: { 200: rulesDto } } }, async (req) =>
    loyalty.getRules(req.ctx),
  );
  app.put(
    '/loyalty/rules',
    { schema: { tags, summary: 'Replace the rules; every fan is re-levelled', body: rulesBody, response: { 200: rulesDto } } },
    async (req) => loyalty.updateRules(req.ctx, req.body),
  );
  app.post(
    '/loyalty/recompute',
    { schema: { tags, summary: 'Rebuild every signal from activities and re-level every fan', response: { 200: recomputeDto } } },
    async (req) => loyalty.recomputeAll(req.ctx),
  );
  app.get('/loyalty/funnel', { schema: { tags, summary: 'Fans per level and moves in the last 30 days', response: { 200: funnelDto } } }, async (req) =>
    loyalty.funnel(req.ctx),
  );
  app.get('/loyalty/super-fans', { schema: { tags, summary: 'Super fans and the candidates closest to level 4', response: { 200: superFansDto } } }, async (req) =>
    loyalty.superFans(req.ctx),
  );
  app.get(
    '/fans/:id/loyalty',
    { schema: { tags, summary: "A fan's level, each rule with the fan's value, and what is missing", params: uuidParam, response: { 200: loyaltyExplanationDto } } },
    async (req) => loyalty.explain(req.ctx, req.params.id),
  );
};
