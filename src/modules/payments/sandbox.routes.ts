import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import type { RouteDeps } from '../../server/http.ts';
import { sandboxPageHtml } from './providers/sandbox-page.ts';
import { SANDBOX } from './providers/sandbox.gateway.ts';

const params = z.object({ id: z.uuid('must be a valid id') });

const formatAmount = (minor: number, currency: string, lang: string) => {
  const format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
};

/** The sandbox gateway's hosted pay page (`/sandbox/pay/<payment>`) and its three buttons. */
export const sandboxPageRoutes: FastifyPluginAsyncZod<RouteDeps<'payments' | 'sandbox'>> = async (app, deps) => {
  const { payments, sandbox } = deps.services;
  const load = async (ctx: Parameters<typeof payments.findById>[0], id: string) => {
    const payment = await payments.findById(ctx, id);
    if (!payment || payment.provider !== SANDBOX) throw notFound('payment.not_found');
    return payment;
  };
  // The page's buttons are plain forms with no fields: their (empty) form body is not read.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, undefined));
  const langOf = (header: string | undefined) => (/^\s*zh/i.test(header ?? '') ? ('zh' as const) : ('en' as const));

  app.get('/sandbox/pay/:id', { schema: { hide: true, params, querystring: z.object({ lang: z.enum(['en', 'zh']).optional() }) } }, async (req, reply) => {
    const payment = await load(req.ctx, req.params.id);
    // The site may pass its UI language; else the browser's.
    const lang = req.query.lang ?? langOf(req.headers['accept-language']);
    return reply.type('text/html; charset=utf-8').send(
      sandboxPageHtml({
        paymentId: payment.id,
        description: payment.description,
        amount: formatAmount(payment.amountMinor, payment.currency, lang),
        status: payment.status,
        returnUrl: payment.returnUrl,
        lang,
      }),
    );
  });

  app.post('/sandbox/pay/:id/:action', { schema: { hide: true, params: params.extend({ action: z.enum(['pay', 'fail', 'cancel']) }) } }, async (req, reply) => {
    const payment = await load(req.ctx, req.params.id);
    if (payment.status !== 'pending' && payment.status !== 'failed') throw new AppError('payment.not_payable', { status: payment.status });
    await sandbox.act(req.ctx, payment, req.params.action);
    // Like a real gateway: back to the site at once; the notification follows on its own.
    return reply.redirect(payment.returnUrl, 303);
  });
};
