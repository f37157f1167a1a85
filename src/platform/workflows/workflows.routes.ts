import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../core/fields.ts';
import { pageOf } from '../../core/pagination.ts';
import type { RouteDeps } from '../../server/http.ts';
import { workflowRunDto, workflowRunQuery } from './workflows.schemas.ts';

/** Workflow runs for staff: what ran, and which failed runs need a hand (`status=compensation_failed`). */
export const workflowAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'workflows'>> = async (app, deps) => {
  const { workflows } = deps.services;
  const tags = ['console: operations'];

  app.get(
    '/workflow-runs',
    {
      schema: {
        tags,
        summary: 'Workflow runs with their steps, newest first; filter by status (compensation_failed: an undo failed and needs a hand) or name',
        querystring: workflowRunQuery,
        response: { 200: pageOf(workflowRunDto) },
      },
    },
    async (req) => {
      const { status, name, page, pageSize } = req.query;
      return workflows.listRuns(req.ctx, { status, name }, { page, pageSize });
    },
  );

  app.get(
    '/workflow-runs/:id',
    { schema: { tags, summary: 'One workflow run with its steps', params: uuidParam, response: { 200: workflowRunDto } } },
    async (req) => workflows.getRun(req.ctx, req.params.id),
  );
};
