import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Container } from '../container.ts';
import { AppError } from '../core/errors.ts';
import { articleAdminRoutes, articlePublicRoutes } from '../modules/articles/articles.routes.ts';
import { channelAdminRoutes, channelPublicRoutes } from '../modules/channel/channel.routes.ts';
import { fanAdminRoutes, fanRoutes } from '../modules/fans/fans.routes.ts';
import { segmentsAdminRoutes } from '../modules/segments/segments.routes.ts';
import { fanImportAdminRoutes } from '../workflows/fan-import.routes.ts';
import { ledgerAdminRoutes } from '../modules/ledger/ledger.routes.ts';
import { loyaltyAdminRoutes } from '../modules/loyalty/loyalty.routes.ts';
import { insightsAdminRoutes } from '../modules/insights/insights.routes.ts';
import { opsRoutes } from '../platform/ops/ops.routes.ts';
import { workflowAdminRoutes } from '../platform/workflows/workflows.routes.ts';
import { consoleAuthRoutes, staffAdminRoutes } from '../modules/staff/staff.routes.ts';
import { shareLinkRoutes } from '../modules/wom/wom.routes.ts';
import { streamAdminRoutes } from '../platform/stream/stream.routes.ts';
import { paymentAdminRoutes, paymentFanRoutes, paymentNotificationRoutes } from '../modules/payments/payments.routes.ts';
import { sandboxPageRoutes } from '../modules/payments/sandbox.routes.ts';
import { membershipAdminRoutes, membershipFanRoutes, membershipPublicRoutes } from '../modules/memberships/memberships.routes.ts';
import { revenueAdminRoutes } from '../modules/revenue/revenue.routes.ts';
import { storeAdminRoutes, storePublicRoutes } from '../modules/store/store.routes.ts';
import { orderAdminRoutes, orderFanRoutes } from '../modules/orders/orders.routes.ts';
import { festivalAdminRoutes, festivalFanRoutes, festivalPublicRoutes } from '../modules/festival/festival.routes.ts';
import { festivalAttemptRoutes } from '../modules/festival/festival-attempts.routes.ts';
import { festivalBoardRoutes } from '../modules/festival/festival-board.routes.ts';
import { registerAuth, sessionCookies } from './plugins/auth.ts';
import { registerCsrfGuard } from './plugins/csrf.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { frameworkErrors, registerInputGuard } from './plugins/input-guard.ts';
import { registerAddressLimits, type AddressLimits } from './plugins/limits.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { requestLogController, type RequestLogStyle } from './plugins/request-log.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerWeb } from './plugins/web.ts';
import type { RouteDeps } from './http.ts';
import type { Services } from '../container.ts';

export type AppOptions = {
  sessionSecret: string;
  secureCookies: boolean;
  /** The process's logger (pino); false or unset: no logs (tests). */
  logger?: false | FastifyBaseLogger;
  /** How requests are logged (see plugins/request-log.ts); `json` by default. */
  requestLog?: RequestLogStyle;
  version?: string;
  credentialLimit?: { max: number; timeWindow: string };
  /** Per-address limits across accounts (failed sign-ins, sign-ups); defaults in plugins/limits.ts. */
  addressLimits?: AddressLimits;
  /** TRUST_PROXY: which proxies' X-Forwarded-* headers to believe. Off by default. */
  trustProxy?: false | number | string[];
  /** PUBLIC_BASE_URL's origin when configured: the one origin allowed to use a session cookie. */
  publicOrigin?: string | undefined;
  /** METRICS_TOKEN: /metrics answers only this bearer token; unset, /metrics is off. */
  metricsToken?: string | undefined;
  webDist?: string;
};

/**
 * TRUST_PROXY as Fastify's trustProxy. Never `true`: any client could then choose the address
 * every rate limit sees. A list trusts X-Forwarded-* only from those addresses; a hop count
 * trusts that many hops nearest the server, whoever they are (Fastify itself no longer accepts
 * a bare number), so it is safe only where clients cannot reach the server but through them.
 */
function trustProxyOption(trust: false | number | string[]): false | string[] | ((addr: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_addr, hop) => hop < trust;
  return trust;
}

export async function buildApp(container: Container, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger
      ? { loggerInstance: options.logger as FastifyBaseLogger, logController: requestLogController(options.requestLog ?? 'json') }
      : { logger: false }),
    trustProxy: trustProxyOption(options.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerInputGuard(app);

  await registerSecurityHeaders(app, { https: options.secureCookies });
  await app.register(cookie, { secret: options.sessionSecret });
  registerCsrfGuard(app, { publicOrigin: options.publicOrigin });
  // A route over its limit answers 429 rate_limited with the seconds to wait (also in Retry-After).
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) }),
  });
  registerAddressLimits(app, options.addressLimits);
  await registerOpenApi(app, options.version ?? '0.0.0');
  registerMetrics(app, container, { token: options.metricsToken });

  const cookies = sessionCookies(options.secureCookies);
  const hooks = registerAuth(app, container, cookies);
  const credentialLimit = options.credentialLimit ?? { max: 10, timeWindow: '1 minute' };
  /** Each route plugin gets only the services it names. */
  const deps = <K extends keyof Services>(...names: K[]): RouteDeps<K> => ({
    services: Object.fromEntries(names.map((n) => [n, container.services[n]])) as Pick<Services, K>,
    hooks,
    cookies,
    credentialLimit,
  });

  await app.register(opsRoutes, { database: container.database });
  await app.register(channelPublicRoutes, { prefix: '/api', ...deps('channel') });
  await app.register(articlePublicRoutes, { prefix: '/api', ...deps('articles') });
  await app.register(shareLinkRoutes, deps('wom'));
  await app.register(fanRoutes, { prefix: '/api/fan', ...deps('fans', 'auth') });
  await app.register(paymentFanRoutes, { prefix: '/api/fan/payments', ...deps('payments') });
  await app.register(membershipPublicRoutes, { prefix: '/api', ...deps('tiers', 'payments', 'offers') });
  await app.register(membershipFanRoutes, { prefix: '/api/fan/membership', ...deps('memberships', 'gifts') });
  await app.register(storePublicRoutes, { prefix: '/api', ...deps('store', 'storeCategories') });
  await app.register(orderFanRoutes, { prefix: '/api/fan', ...deps('cart', 'orders', 'idempotency') });
  await app.register(festivalPublicRoutes, { prefix: '/api', ...deps('festivalSite') });
  await app.register(festivalFanRoutes, { prefix: '/api/fan/festivals', ...deps('festivalSite') });
  await app.register(festivalAttemptRoutes, { prefix: '/api/fan/festivals', ...deps('festivalAttempts') });
  await app.register(paymentNotificationRoutes, { prefix: '/api/payments', ...deps('payments') });
  await app.register(sandboxPageRoutes, deps('payments', 'sandbox'));
  await app.register(consoleAuthRoutes, { prefix: '/api/console', ...deps('staff', 'invitations', 'auth') });
  await app.register(
    async (admin) => {
      admin.addHook('onRequest', hooks.staffOnly);
      await admin.register(staffAdminRoutes, deps('staff', 'invitations', 'apiTokens'));
      await admin.register(fanAdminRoutes, deps('fans'));
      await admin.register(channelAdminRoutes, deps('channel'));
      await admin.register(articleAdminRoutes, deps('articles'));
      await admin.register(insightsAdminRoutes, deps('insights'));
      await admin.register(loyaltyAdminRoutes, deps('loyalty'));
      await admin.register(ledgerAdminRoutes, deps('ledger'));
      await admin.register(revenueAdminRoutes, deps('revenue'));
      await admin.register(streamAdminRoutes, deps('stream'));
      await admin.register(segmentsAdminRoutes, deps('segments'));
      await admin.register(fanImportAdminRoutes, deps('fanImport', 'fanImports', 'idempotency'));
      await admin.register(paymentAdminRoutes, deps('payments', 'saleChannels'));
      await admin.register(membershipAdminRoutes, deps('memberships', 'tiers', 'offers'));
      await admin.register(storeAdminRoutes, deps('store', 'storeCategories'));
      await admin.register(orderAdminRoutes, deps('orders', 'shipments'));
      await admin.register(festivalAdminRoutes, deps('festivals'));
      await admin.register(festivalBoardRoutes, deps('festivalBoard', 'festivalReport'));
      await admin.register(workflowAdminRoutes, deps('workflows'));
    },
    { prefix: '/api/admin' },
  );
  await registerWeb(app, options.webDist);
  return app;
}
