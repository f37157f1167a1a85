import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../server/http.ts';
import { growthDto, growthQuery, qualityDto } from './insights.schemas.ts';

export const insightsAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'insights'>> = async (app, deps) => {
  const { insights } = deps.services;
  const tags = ['console: analytics'];
  app.get(
    '/insights/growth',
    {
      schema: {
        tags,
        summary: "Follows, unfollows, net growth and followers per day (the channel's time zone), split by source",
        querystring: growthQuery,
        response: { 200: growthDto },
      },
    },
    async (req) => insights.growth(req.ctx, req.query),
  );
  app.get(
    '/insights/quality',
    { schema: { tags, summary: 'Fan quality per source: 30-day retention and conversion to member', response: { 200: qualityDto } } },
    async (req) => insights.quality(req.ctx),
  );
};
