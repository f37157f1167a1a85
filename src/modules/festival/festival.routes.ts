import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../core/fields.ts';
import type { RouteDeps } from '../../server/http.ts';
import {
  adminFestivalDto,
  adminFestivalListQuery,
  adminFestivalPage,
  fanFestivalDto,
  fanFestivalList,
  festivalBody,
  festivalItemParams,
  festivalSlugParam,
  itemBody,
  itemTermsBody,
  reservationParams,
  reservationResult,
} from './festival.schemas.ts';

/** Visitors and fans: published festivals, one by its address with the reader's eligibility and the server's clock. */
export const festivalPublicRoutes: FastifyPluginAsyncZod<RouteDeps<'festivalSite'>> = async (app, deps) => {
  const { festivalSite } = deps.services;
  const tags = ['fan: festival'];
  app.addHook('preHandler', deps.hooks.fanIfAny);

  app.get(
    '/festivals',
    { schema: { tags, summary: 'Published festivals not over yet, soonest first, with the server time', response: { 200: fanFestivalList } } },
    async (req) => festivalSite.upcoming(req.ctx),
  );
  app.get(
    '/festivals/:slug',
    {
      schema: {
        tags,
        summary: "One published festival: items, live remaining, the reader's reservations, eligibility and opening time, the server time",
        params: festivalSlugParam,
        response: { 200: fanFestivalDto },
      },
    },
    async (req) => festivalSite.bySlug(req.ctx, req.params.slug),
  );
};

/** Signed-in fans: their view of a festival, and reservations (预约). */
export const festivalFanRoutes: FastifyPluginAsyncZod<RouteDeps<'festivalSite'>> = async (app, deps) => {
  const { festivalSite } = deps.services;
  const tags = ['fan: festival'];
  app.addHook('preHandler', deps.hooks.fanIfAny);

  app.get(
    '/:slug',
    { schema: { tags, summary: 'One published festival as the signed-in fan sees it', params: festivalSlugParam, response: { 200: fanFestivalDto } } },
    async (req) => festivalSite.bySlug(req.ctx, req.params.slug),
  );
  app.put(
    '/:slug/items/:itemId/reservation',
    {
      schema: {
        tags,
        summary: 'Reserve an item (where required, until reservations close); twice is once',
        params: reservationParams,
        response: { 200: reservationResult },
      },
    },
    async (req) => festivalSite.reserve(req.ctx, req.params.slug, req.params.itemId),
  );
  app.delete(
    '/:slug/items/:itemId/reservation',
    { schema: { tags, summary: 'Take a reservation back, until reservations close', params: reservationParams, response: { 200: reservationResult } } },
    async (req) => festivalSite.unreserve(req.ctx, req.params.slug, req.params.itemId),
  );
};

/** Staff: festivals, their items, publishing (holds the quotas), unpublishing and canceling (releases them). */
export const festivalAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'festivals'>> = async (app, deps) => {
  const { festivals } = deps.services;
  const tags = ['console: festival'];

  app.get(
    '/festivals',
    {
      schema: {
        tags,
        summary: 'Festivals, latest start first, with items and reservations per item',
        querystring: adminFestivalListQuery,
        response: { 200: adminFestivalPage },
      },
    },
    async (req) => festivals.list(req.ctx, req.query),
  );
  app.post('/festivals', { schema: { tags, summary: 'Create a draft festival', body: festivalBody, response: { 201: adminFestivalDto } } }, async (req, reply) =>
    reply.status(201).send(await festivals.create(req.ctx, req.body)),
  );
  app.get(
    '/festivals/:id',
    { schema: { tags, summary: 'One festival with its items and the demand forecast', params: uuidParam, response: { 200: adminFestivalDto } } },
    async (req) => festivals.get(req.ctx, req.params.id),
  );
  app.put(
    '/festivals/:id',
    {
      schema: {
        tags,
        summary: 'Replace the details (dates only before the sale opens)',
        params: uuidParam,
        body: festivalBody,
        response: { 200: adminFestivalDto },
      },
    },
    async (req) => festivals.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/festivals/:id/items',
    {
      schema: { tags, summary: 'Add a SKU with festival price, quota and per-fan limit', params: uuidParam, body: itemBody, response: { 200: adminFestivalDto } },
    },
    async (req) => festivals.addItem(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/festivals/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: "Change an item's terms (published: a quota change holds or releases the difference)",
        params: festivalItemParams,
        body: itemTermsBody,
        response: { 200: adminFestivalDto },
      },
    },
    async (req) => festivals.updateItem(req.ctx, req.params.id, req.params.itemId, req.body),
  );
  app.delete(
    '/festivals/:id/items/:itemId',
    { schema: { tags, summary: 'Remove an item (published: its quota goes back to the store)', params: festivalItemParams, response: { 200: adminFestivalDto } } },
    async (req) => festivals.removeItem(req.ctx, req.params.id, req.params.itemId),
  );
  app.post(
    '/festivals/:id/publish',
    { schema: { tags, summary: "Publish: holds each item's quota out of its variant's stock", params: uuidParam, response: { 200: adminFestivalDto } } },
    async (req) => festivals.publish(req.ctx, req.params.id),
  );
  app.post(
    '/festivals/:id/unpublish',
    { schema: { tags, summary: 'Back to a draft before the sale opens: the holds go back', params: uuidParam, response: { 200: adminFestivalDto } } },
    async (req) => festivals.unpublish(req.ctx, req.params.id),
  );
  app.post(
    '/festivals/:id/cancel',
    { schema: { tags, summary: 'Cancel: a published festival’s holds go back', params: uuidParam, response: { 200: adminFestivalDto } } },
    async (req) => festivals.cancel(req.ctx, req.params.id),
  );
};
