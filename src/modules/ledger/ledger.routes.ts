import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../server/http.ts';
import { ledgerBalancesDto, ledgerListQuery, ledgerMonthlyDto, ledgerMonthlyQuery, ledgerRangeQuery, ledgerTransactionPageDto } from './ledger.schemas.ts';

/** The ledger, read-only, for staff (registered under /api/admin, behind staffOnly). */
export const ledgerAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'ledger'>> = async (app, deps) => {
  const { ledger } = deps.services;
  const tags = ['console: ledger'];

  app.get(
    '/ledger/balances',
    {
      schema: {
        tags,
        summary: 'Debits, credits and balance per account and currency, over [from, to)',
        querystring: ledgerRangeQuery,
        response: { 200: ledgerBalancesDto },
      },
    },
    async (req) => ({ items: await ledger.balances(req.ctx, req.query) }),
  );
  app.get(
    '/ledger/transactions',
    {
      schema: { tags, summary: 'Ledger transactions with their entries, newest first', querystring: ledgerListQuery, response: { 200: ledgerTransactionPageDto } },
    },
    async (req) => ledger.list(req.ctx, req.query),
  );
  app.get(
    '/ledger/monthly',
    { schema: { tags, summary: 'Revenue per UTC month and revenue account (positive)', querystring: ledgerMonthlyQuery, response: { 200: ledgerMonthlyDto } } },
    async (req) => ledger.monthly(req.ctx, req.query),
  );
  app.get(
    '/ledger/export.csv',
    { schema: { tags, summary: 'Every ledger entry as CSV (UTF-8 with BOM), streamed', produces: ['text/csv'] } },
    async (req, reply) => {
      const csv = ledger.exportCsv(req.ctx);
      reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="ledger.csv"');
      return csv;
    },
  );
};
