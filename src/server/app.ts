import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Container } from '../container.ts';
import { articleAdminRoutes, articlePublicRoutes } from '../modules/channel/articles.routes.ts';
import { channelAdminRoutes, channelPublicRoutes } from '../modules/channel/channel.routes.ts';
import { fanAdminRoutes, fanRoutes } from '../modules/fans/fans.routes.ts';
import { crmAdminRoutes } from '../modules/crm/crm.routes.ts';
import { loyaltyAdminRoutes } from '../modules/crm/loyalty.routes.ts';
import { insightsAdminRoutes } from '../modules/insights/insights.routes.ts';
import { opsRoutes } from '../modules/ops/ops.routes.ts';
import { consoleAuthRoutes, staffAdminRoutes } from '../modules/staff/staff.routes.ts';
import { shareLinkRoutes } from '../modules/wom/wom.routes.ts';
import { registerAuth, sessionCookies } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { frameworkErrors, registerInputGuard } from './plugins/input-guard.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerWeb } from './plugins/web.ts';
import type { RouteDeps } from './route-deps.ts';

export type AppOptions = {
  sessionSecret: string;
  secureCookies: boolean;
  logLevel?: string;
  /** false in tests: no request logs. */
  logger?: boolean;
  version?: string;
  credentialLimit?: { max: number; timeWindow: string };
  webDist?: string;
};

export async function buildApp(container: Container, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: options.logLevel ?? 'info' },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerInputGuard(app);

  await app.register(cookie, { secret: options.sessionSecret });
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app, options.version ?? '0.0.0');
  registerMetrics(app, container);

  const cookies = sessionCookies(options.secureCookies);
  const hooks = registerAuth(app, container, cookies);
  const deps: RouteDeps = {
    services: container.services,
    hooks,
    cookies,
    credentialLimit: options.credentialLimit ?? { max: 10, timeWindow: '1 minute' },
  };

  await app.register(opsRoutes, { database: container.database });
  await app.register(channelPublicRoutes, { prefix: '/api', ...deps });
  await app.register(articlePublicRoutes, { prefix: '/api', ...deps });
  await app.register(shareLinkRoutes, deps);
  await app.register(fanRoutes, { prefix: '/api/fan', ...deps });
  await app.register(consoleAuthRoutes, { prefix: '/api/console', ...deps });
  await app.register(
    async (admin) => {
      admin.addHook('onRequest', hooks.staffOnly);
      await admin.register(staffAdminRoutes, deps);
      await admin.register(fanAdminRoutes, deps);
      await admin.register(channelAdminRoutes, deps);
      await admin.register(articleAdminRoutes, deps);
      await admin.register(insightsAdminRoutes, deps);
      await admin.register(loyaltyAdminRoutes, deps);
      await admin.register(crmAdminRoutes, deps);
    },
    { prefix: '/api/admin' },
  );
  await registerWeb(app, options.webDist);
  return app;
}
