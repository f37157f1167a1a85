import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../core/fields.ts';
import { idempotencyHeaders, idempotent, type RouteDeps } from '../../server/http.ts';
import {
  payBody,
  adminOrderListQuery,
  cartDto,
  cartLineBody,
  checkoutBody,
  checkoutDto,
  fanOrderListQuery,
  fanOrderPage,
  orderCancelBody,
  orderDto,
  refundBody,
  shipBody,
  shipmentsBody,
  shipmentsResultDto,
  staffOrderDto,
  staffOrderPage,
  variantParam,
} from './orders.schemas.ts';

/** A signed-in fan's cart, checkout and orders (visitors 401, staff 403). */
export const orderFanRoutes: FastifyPluginAsyncZod<RouteDeps<'cart' | 'orders' | 'idempotency'>> = async (app, deps) => {
  const { cart, orders, idempotency } = deps.services;
  const tags = ['fan: orders'];
  app.addHook('preHandler', deps.hooks.fanIfAny);
  app.get('/cart', { schema: { tags, summary: 'My cart, priced for me now, with what stops each line', response: { 200: cartDto } } }, async (req) =>
    cart.get(req.ctx),
  );
  app.put(
    '/cart/lines/:variantId',
    {
      schema: {
        tags,
        summary: 'Put a variant in my cart at this quantity (1–99; at most 50 lines)',
        params: variantParam,
        body: cartLineBody,
        response: { 200: cartDto },
      },
    },
    async (req) => cart.setLine(req.ctx, req.params.variantId, req.body.quantity),
  );
  app.delete(
    '/cart/lines/:variantId',
    { schema: { tags, summary: 'Take a variant out of my cart', params: variantParam, response: { 200: cartDto } } },
    async (req) => cart.removeLine(req.ctx, req.params.variantId),
  );
  app.delete('/cart', { schema: { tags, summary: 'Empty my cart', response: { 200: cartDto } } }, async (req) => cart.clear(req.ctx));
  app.post(
    '/checkout',
    {
      schema: {
        tags,
        summary: 'Order what is in my cart: the order and what to do next to pay',
        description:
          'Needs an Idempotency-Key header (400 idempotency.key_required without one): a retry with the same key answers the same order, never a second one. ' +
          'Refused with 409 order.cart_empty, order.cart_has_problems, order.price_changed (expectedTotalMinor differs) or store.out_of_stock.',
        headers: idempotencyHeaders,
        body: checkoutBody,
        response: { 201: checkoutDto },
      },
    },
    async (req, reply) => idempotent(req, reply, idempotency, (key) => orders.checkout(req.ctx, req.body, key), { status: 201 }),
  );
  app.get('/orders', { schema: { tags, summary: 'My orders, newest first', querystring: fanOrderListQuery, response: { 200: fanOrderPage } } }, async (req) =>
    orders.listMine(req.ctx, req.query),
  );
  app.get('/orders/:id', { schema: { tags, summary: 'One of my orders', params: uuidParam, response: { 200: orderDto } } }, async (req) =>
    orders.getMine(req.ctx, req.params.id),
  );
  app.post(
    '/orders/:id/pay',
    {
      schema: {
        tags,
        summary: 'Pay for my unpaid order (again: a new payment, the same deadline)',
        description: 'A festival order is made without an address: send `address` with its first payment (else 409 order.address_required).',
        params: uuidParam,
        body: payBody.nullish(),
        response: { 200: checkoutDto },
      },
    },
    async (req) => orders.pay(req.ctx, req.params.id, req.body ?? {}),
  );
  app.post(
    '/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel my unpaid order (its items go back on sale)',
        params: uuidParam,
        body: orderCancelBody.nullish(),
        response: { 200: orderDto },
      },
    },
    async (req) => orders.cancelMine(req.ctx, req.params.id),
  );
};

/** Staff: orders, shipping, delivery, cancellation, refunds and the shipments file. */
export const orderAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'orders' | 'shipments'>> = async (app, deps) => {
  const { orders, shipments } = deps.services;
  const tags = ['admin: orders'];
  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Orders, newest first, by status, channel, number or fan, and day',
        querystring: adminOrderListQuery,
        response: { 200: staffOrderPage },
      },
    },
    async (req) => orders.list(req.ctx, req.query),
  );
  app.get('/orders/:id', { schema: { tags, summary: 'One order, its payment and refunds', params: uuidParam, response: { 200: staffOrderDto } } }, async (req) =>
    orders.get(req.ctx, req.params.id),
  );
  app.post(
    '/orders/:id/ship',
    { schema: { tags, summary: 'Mark a paid order shipped (carrier, tracking number)', params: uuidParam, body: shipBody, response: { 200: staffOrderDto } } },
    async (req) => orders.ship(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/orders/:id/deliver',
    { schema: { tags, summary: 'Mark a shipped order delivered', params: uuidParam, response: { 200: staffOrderDto } } },
    async (req) => orders.deliver(req.ctx, req.params.id),
  );
  app.post(
    '/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an unpaid order (its items go back on sale)',
        params: uuidParam,
        body: orderCancelBody.nullish(),
        response: { 200: staffOrderDto },
      },
    },
    async (req) => orders.cancel(req.ctx, req.params.id),
  );
  app.post(
    '/orders/:id/refund',
    { schema: { tags, summary: 'Refund a paid order in full or line by line', params: uuidParam, body: refundBody, response: { 200: staffOrderDto } } },
    async (req) => orders.refund(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/orders/shipments',
    {
      schema: {
        tags,
        summary: 'Mark orders shipped from a CSV (order_number,carrier,tracking_number)',
        body: shipmentsBody,
        response: { 200: shipmentsResultDto },
      },
    },
    async (req) => shipments.apply(req.ctx, req.body),
  );
};
