import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../core/fields.ts';
import { pageQuery } from '../../core/pagination.ts';
import { viewRateLimit, type RouteDeps } from '../../server/http.ts';
import {
  adminArticleDto,
  adminArticleListQuery,
  adminArticlePage,
  articleBody,
  kindComparisonDto,
  publicArticleDto,
  publicArticlePage,
  shareDto,
} from './articles.schemas.ts';

/** The fan site's articles: feed, article page, view counting and sharing. */
export const articlePublicRoutes: FastifyPluginAsyncZod<RouteDeps<'articles'>> = async (app, deps) => {
  const { articles } = deps.services;
  const tags = ['fan: articles'];
  app.addHook('preHandler', deps.hooks.fanIfAny);

  app.get(
    '/articles',
    {
      schema: {
        tags,
        summary: 'Published articles, newest first (summaries; members-only ones say whether they are locked for the reader)',
        querystring: pageQuery,
        response: { 200: publicArticlePage },
      },
    },
    async (req) => articles.feed(req.ctx, req.query),
  );
  app.get(
    '/articles/:id',
    {
      schema: {
        tags,
        summary: 'One published article; a members-only one without its body (null) for a reader below its tier',
        params: uuidParam,
        response: { 200: publicArticleDto },
      },
    },
    async (req) => articles.getPublished(req.ctx, req.params.id),
  );
  app.post(
    '/articles/:id/views',
    {
      config: viewRateLimit,
      schema: {
        tags,
        summary: 'Count a view; for a signed-in fan, a read activity (at most 20 a minute per fan and article); a locked view counts nothing',
        params: uuidParam,
        response: { 200: z.object({ uniqueRead: z.boolean() }) },
      },
    },
    async (req) => articles.recordView(req.ctx, req.params.id),
  );
  app.post(
    '/articles/:id/shares',
    { schema: { tags, summary: "The signed-in fan's share link for this article", params: uuidParam, response: { 200: shareDto } } },
    async (req) => articles.share(req.ctx, req.params.id),
  );
};

/** Staff: write, publish, measure. */
export const articleAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'articles'>> = async (app, deps) => {
  const { articles } = deps.services;
  const tags = ['console: articles'];

  app.get(
    '/articles',
    { schema: { tags, summary: 'Articles with their effect on fans', querystring: adminArticleListQuery, response: { 200: adminArticlePage } } },
    async (req) => articles.list(req.ctx, req.query),
  );
  app.get(
    '/articles/comparison',
    { schema: { tags, summary: 'Ads vs original content: follows and unfollows per 1,000 reads, ad revenue', response: { 200: kindComparisonDto } } },
    async (req) => articles.kindComparison(req.ctx),
  );
  app.post('/articles', { schema: { tags, summary: 'Create a draft', body: articleBody, response: { 201: adminArticleDto } } }, async (req, reply) =>
    reply.status(201).send(await articles.create(req.ctx, req.body)),
  );
  app.get('/articles/:id', { schema: { tags, summary: 'One article', params: uuidParam, response: { 200: adminArticleDto } } }, async (req) =>
    articles.get(req.ctx, req.params.id),
  );
  app.put(
    '/articles/:id',
    { schema: { tags, summary: 'Edit an article', params: uuidParam, body: articleBody, response: { 200: adminArticleDto } } },
    async (req) => articles.update(req.ctx, req.params.id, req.body),
  );
  app.post('/articles/:id/publish', { schema: { tags, summary: 'Publish', params: uuidParam, response: { 200: adminArticleDto } } }, async (req) =>
    articles.publish(req.ctx, req.params.id),
  );
  app.post(
    '/articles/:id/unpublish',
    { schema: { tags, summary: 'Back to draft (hidden from fans)', params: uuidParam, response: { 200: adminArticleDto } } },
    async (req) => articles.unpublish(req.ctx, req.params.id),
  );
  app.delete(
    '/articles/:id',
    { schema: { tags, summary: 'Delete a draft that was never published', params: uuidParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await articles.remove(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
