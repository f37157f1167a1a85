import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../core/fields.ts';
import type { RouteDeps } from '../../server/http.ts';
import {
  adminProductDto,
  adminProductListQuery,
  adminProductPage,
  adminVariantDto,
  categoryBody,
  categoryDto,
  createProductBody,
  deleteVariantResult,
  lowStockQuery,
  productBody,
  slugParam,
  storeCategoryDto,
  storeListQuery,
  storeProductDto,
  storeProductPage,
  variantBody,
} from './store.schemas.ts';

/** The fan site's store: published products only, priced for the reader (a member sees their member price). */
export const storePublicRoutes: FastifyPluginAsyncZod<RouteDeps<'store' | 'storeCategories'>> = async (app, deps) => {
  const { store, storeCategories } = deps.services;
  const tags = ['fan: store'];
  app.addHook('preHandler', deps.hooks.fanIfAny);

  app.get(
    '/store/products',
    {
      schema: {
        tags,
        summary: "Published products, newest first, with the reader's prices; filter by category slug, search the title",
        querystring: storeListQuery,
        response: { 200: storeProductPage },
      },
    },
    async (req) => store.shelf(req.ctx, req.query),
  );
  app.get(
    '/store/products/:slug',
    {
      schema: {
        tags,
        summary: "One published product with its variants on sale, list price, the member's price and the members' price hint",
        params: slugParam,
        response: { 200: storeProductDto },
      },
    },
    async (req) => store.product(req.ctx, req.params.slug),
  );
  app.get(
    '/store/categories',
    { schema: { tags, summary: 'Categories holding a published product, in the store’s order', response: { 200: z.array(storeCategoryDto) } } },
    async (req) => storeCategories.shelf(req.ctx),
  );
};

const variantParam = z.object({ id: z.uuid('must be a valid id') });

/** Staff: the catalogue (products, variants, categories). */
export const storeAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'store' | 'storeCategories'>> = async (app, deps) => {
  const { store, storeCategories } = deps.services;
  const tags = ['console: store'];

  app.get(
    '/store/products',
    {
      schema: {
        tags,
        summary: 'Products, last edited first: filter by status, category, title or SKU, low stock',
        querystring: adminProductListQuery,
        response: { 200: adminProductPage },
      },
    },
    async (req) => store.list(req.ctx, req.query),
  );
  app.post(
    '/store/products',
    {
      schema: { tags, summary: 'Create an unpublished product, with its first variants', body: createProductBody, response: { 201: adminProductDto } },
    },
    async (req, reply) => reply.status(201).send(await store.create(req.ctx, req.body)),
  );
  app.get(
    '/store/products/:id',
    { schema: { tags, summary: 'One product with every variant', params: uuidParam, querystring: lowStockQuery, response: { 200: adminProductDto } } },
    async (req) => store.get(req.ctx, req.params.id, req.query.lowStockAt),
  );
  app.put(
    '/store/products/:id',
    {
      schema: {
        tags,
        summary: 'Replace the details: title, slug, description (Markdown), images, categories',
        params: uuidParam,
        body: productBody,
        response: { 200: adminProductDto },
      },
    },
    async (req) => store.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/store/products/:id/publish',
    { schema: { tags, summary: 'Put on the fan store (needs an active variant)', params: uuidParam, response: { 200: adminProductDto } } },
    async (req) => store.publish(req.ctx, req.params.id),
  );
  app.post(
    '/store/products/:id/unpublish',
    { schema: { tags, summary: 'Take off the fan store, on every route', params: uuidParam, response: { 200: adminProductDto } } },
    async (req) => store.unpublish(req.ctx, req.params.id),
  );
  app.delete(
    '/store/products/:id',
    { schema: { tags, summary: 'Delete an unpublished product none of whose variants was ordered', params: uuidParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await store.remove(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/store/products/:id/variants',
    { schema: { tags, summary: 'Add a variant (SKU unique across the store)', params: uuidParam, body: variantBody, response: { 201: adminVariantDto } } },
    async (req, reply) => reply.status(201).send(await store.addVariant(req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/store/variants/:id',
    {
      schema: {
        tags,
        summary: 'Replace a variant: SKU, name, options, price, stock on hand (not below what checkouts hold), weight, active',
        params: variantParam,
        body: variantBody,
        response: { 200: adminVariantDto },
      },
    },
    async (req) => store.updateVariant(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/store/variants/:id',
    {
      schema: {
        tags,
        summary: 'Delete a variant never ordered; an ordered one is archived instead (kept for its orders, no longer sold)',
        params: variantParam,
        response: { 200: deleteVariantResult },
      },
    },
    async (req) => store.removeVariant(req.ctx, req.params.id),
  );

  app.get('/store/categories', { schema: { tags, summary: 'Categories with their product counts', response: { 200: z.array(categoryDto) } } }, async (req) =>
    storeCategories.list(req.ctx),
  );
  app.post('/store/categories', { schema: { tags, summary: 'Create a category', body: categoryBody, response: { 201: categoryDto } } }, async (req, reply) =>
    reply.status(201).send(await storeCategories.create(req.ctx, req.body)),
  );
  app.put(
    '/store/categories/:id',
    { schema: { tags, summary: 'Rename, re-slug or move a category', params: uuidParam, body: categoryBody, response: { 200: categoryDto } } },
    async (req) => storeCategories.update(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/store/categories/:id',
    { schema: { tags, summary: 'Delete a category (its products stay)', params: uuidParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await storeCategories.remove(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
