import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../core/fields.ts';
import { pageOf } from '../../core/pagination.ts';
import type { RouteDeps } from '../../server/http.ts';
import { paymentDetailDto, paymentDto, paymentListQuery, refundBody, refundDto, staffPaymentDto } from './payments.schemas.ts';
import { paymentSettingsDto, saleChannelBody, saleChannelParams } from './sale-channels.schemas.ts';
import { NOTIFICATION_OUTCOMES } from './payments.table.ts';

/** Notifications are small; anything bigger is not from a provider. */
const NOTIFICATION_MAX_BYTES = 64 * 1024;

/**
 * Providers' notifications (webhooks), `/api/payments/notifications/<provider>`: the body is
 * kept as the exact bytes received, since the signature is over them.
 */
export const paymentNotificationRoutes: FastifyPluginAsyncZod<RouteDeps<'payments'>> = async (app, deps) => {
  const { payments } = deps.services;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: NOTIFICATION_MAX_BYTES }, (_req, body, done) => done(null, body));
  app.post(
    '/notifications/:provider',
    {
      schema: {
        tags: ['payments'],
        summary: "A payment provider's signed notification",
        params: z.object({ provider: z.string().regex(/^[a-z]{1,20}$/) }),
        body: z.string().max(NOTIFICATION_MAX_BYTES),
        response: { 200: z.object({ received: z.literal(true), outcome: z.enum(NOTIFICATION_OUTCOMES) }) },
      },
    },
    async (req) => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
      const { outcome } = await payments.handleNotification(req.ctx, req.params.provider, headers, req.body);
      return { received: true as const, outcome };
    },
  );
};

/** A fan's own payment, which the pay page polls until the verified notification has arrived. */
export const paymentFanRoutes: FastifyPluginAsyncZod<RouteDeps<'payments'>> = async (app, deps) => {
  const { payments } = deps.services;
  app.addHook('preHandler', deps.hooks.fanIfAny);
  app.get('/:id', { schema: { tags: ['fan'], summary: 'One of my payments', params: uuidParam, response: { 200: paymentDto } } }, async (req) =>
    payments.getMine(req.ctx, req.params.id),
  );
};

/** Staff: payments, their notifications and refunds; the providers and which one each channel of sale pays through. */
export const paymentAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'payments' | 'saleChannels'>> = async (app, deps) => {
  const { payments, saleChannels } = deps.services;
  const tags = ['admin: payments'];
  app.get(
    '/payments/settings',
    {
      schema: {
        tags,
        summary: 'Payment providers (configured or not, and the environment variables that configure each) and the provider of each channel of sale',
        response: { 200: paymentSettingsDto },
      },
    },
    async (req) => saleChannels.settings(req.ctx),
  );
  app.put(
    '/payments/settings/channels/:channel',
    {
      schema: {
        tags,
        summary: "Owner: choose a channel of sale's provider among the configured ones (null: the default)",
        params: saleChannelParams,
        body: saleChannelBody,
        response: { 200: paymentSettingsDto },
      },
    },
    async (req) => saleChannels.choose(req.ctx, req.params.channel, req.body.provider),
  );
  app.get(
    '/payments',
    { schema: { tags, summary: 'Payments, newest first', querystring: paymentListQuery, response: { 200: pageOf(staffPaymentDto) } } },
    async (req) => payments.list(req.ctx, req.query),
  );
  app.get(
    '/payments/:id',
    { schema: { tags, summary: 'A payment with its notifications and refunds', params: uuidParam, response: { 200: paymentDetailDto } } },
    async (req) => payments.get(req.ctx, req.params.id),
  );
  app.post(
    '/payments/:id/refunds',
    { schema: { tags, summary: 'Refund part or all of a payment', params: uuidParam, body: refundBody, response: { 201: refundDto } } },
    async (req, reply) => reply.status(201).send(await payments.refund(req.ctx, req.params.id, req.body)),
  );
};
