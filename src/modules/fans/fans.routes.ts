import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../core/fields.ts';
import { cursorQuery } from '../../core/pagination.ts';
import { credentialRateLimit, FAN_COOKIE, signupRateLimit, type RouteDeps } from '../../server/http.ts';
import { activityPage, activitySource } from '../timeline/timeline.schemas.ts';
import { fanListItemDto, fanListQuery, fanPage, fanSelfDto, fanStatsDto, followBody, loginBody, signupBody } from './fans.schemas.ts';

const tags = ['fan'];

/** The fan site's API: account, follow state, own timeline. */
export const fanRoutes: FastifyPluginAsyncZod<RouteDeps<'fans' | 'auth'>> = async (app, deps) => {
  const { fans, auth } = deps.services;
  app.addHook('preHandler', deps.hooks.fanIfAny);

  app.post(
    '/signup',
    {
      schema: { tags, summary: 'Sign up as a fan', body: signupBody, response: { 201: z.object({ fan: fanSelfDto }) } },
      config: signupRateLimit(deps),
    },
    async (req, reply) => {
      const { fan, session } = await fans.signup(req.ctx, req.body);
      deps.cookies.set(reply, FAN_COOKIE, session);
      return reply.status(201).send({ fan });
    },
  );

  app.post(
    '/login',
    {
      schema: { tags, summary: 'Sign in as a fan', body: loginBody, response: { 200: z.object({ fan: fanSelfDto }) } },
      config: credentialRateLimit(deps),
    },
    async (req, reply) => {
      const { fan, session } = await fans.login(req.ctx, req.body);
      deps.cookies.set(reply, FAN_COOKIE, session);
      return { fan };
    },
  );

  app.post('/logout', { schema: { tags, summary: 'Sign out', response: { 204: z.null() } } }, async (req, reply) => {
    const token = deps.cookies.read(req, FAN_COOKIE);
    if (token) await auth.endSession(req.ctx, token);
    deps.cookies.clear(reply, FAN_COOKIE);
    return reply.status(204).send(null);
  });

  app.get('/me', { schema: { tags, summary: 'The signed-in fan', response: { 200: fanSelfDto } } }, async (req) => fans.me(req.ctx));
  app.get(
    '/session',
    { schema: { tags, summary: 'The signed-in fan, or null for a visitor (200 either way)', response: { 200: z.object({ fan: fanSelfDto.nullable() }) } } },
    async (req) => ({ fan: await fans.session(req.ctx) }),
  );

  app.post('/follow', { schema: { tags, summary: 'Follow the channel', body: followBody, response: { 200: fanSelfDto } } }, async (req) =>
    fans.follow(req.ctx, req.body?.source),
  );

  app.delete(
    '/follow',
    {
      schema: {
        tags,
        summary: 'Unfollow the channel',
        querystring: z.object({ source: activitySource.optional() }),
        response: { 200: fanSelfDto },
      },
    },
    async (req) => fans.unfollow(req.ctx, req.query.source),
  );

  app.get(
    '/activities',
    { schema: { tags, summary: "The signed-in fan's own timeline", querystring: cursorQuery, response: { 200: activityPage } } },
    async (req) => fans.myActivities(req.ctx, req.query),
  );
};

/** Staff views of fans: list, search, fan page and timeline. */
export const fanAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'fans'>> = async (app, deps) => {
  const { fans } = deps.services;
  const adminTags = ['console: fans'];

  app.get('/stats', { schema: { tags: adminTags, summary: 'Fan and follower counts', response: { 200: fanStatsDto } } }, async (req) => fans.stats(req.ctx));
  app.get('/fans', { schema: { tags: adminTags, summary: 'List and search fans', querystring: fanListQuery, response: { 200: fanPage } } }, async (req) =>
    fans.list(req.ctx, req.query),
  );
  app.get('/fans/:id', { schema: { tags: adminTags, summary: 'One fan', params: uuidParam, response: { 200: fanListItemDto } } }, async (req) =>
    fans.get(req.ctx, req.params.id),
  );
  app.get(
    '/fans/:id/activities',
    {
      schema: { tags: adminTags, summary: "A fan's timeline", params: uuidParam, querystring: cursorQuery, response: { 200: activityPage } },
    },
    async (req) => fans.activities(req.ctx, req.params.id, req.query),
  );
};
