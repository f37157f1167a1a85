import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../server/http.ts';
import { revenueQuery, revenueReportDto } from './revenue.schemas.ts';

/** The revenue report, for staff (registered under /api/admin, behind staffOnly). */
export const revenueAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'revenue'>> = async (app, deps) => {
  const { revenue } = deps.services;
  app.get(
    '/revenue',
    {
      schema: {
        tags: ['console: revenue'],
        summary: 'Revenue by source per UTC month (ads, memberships, store, refunds, net), per 1,000 followers, membership figures, and ads or members',
        querystring: revenueQuery,
        response: { 200: revenueReportDto },
      },
    },
    async (req) => revenue.report(req.ctx, req.query),
  );
};
