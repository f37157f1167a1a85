import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import client from 'prom-client';
import type { Container } from '../../container.ts';
import { AppError } from '../../core/errors.ts';
import type { WriterStats } from '../../modules/festival/order-writer.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(req: FastifyRequest, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}

/**
 * Prometheus metrics: request count and latency per route (the route pattern, never the raw URL,
 * so label cardinality stays bounded), plus fans and followers read at scrape time.
 *
 * /metrics tells how many accounts there are, so it is not public: it answers only
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise), and 404 when no token is configured.
 */
export function registerMetrics(app: FastifyInstance, container: Container, opts: { token?: string | undefined }) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'fanbase_process_' });

  const requests = new client.Counter({
    name: 'fanbase_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'fanbase_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const counts = async () => container.services.fans.stats(container.ctx({ kind: 'system' }));
  new client.Gauge({
    name: 'fanbase_fans',
    help: 'Fan accounts',
    registers: [registry],
    async collect() {
      this.set((await counts()).fans);
    },
  });
  new client.Gauge({
    name: 'fanbase_followers',
    help: 'Fans following the channel now',
    registers: [registry],
    async collect() {
      this.set((await counts()).followers);
    },
  });

  // Consumer lag: how many activities each stream consumer has yet to apply, and for how long.
  // One status read per scrape: the pending gauge's collect sets the lag gauge too.
  const lag = new client.Gauge({
    name: 'fanbase_stream_lag_seconds',
    help: 'Seconds each stream consumer has had activities waiting (0 when caught up)',
    labelNames: ['consumer'] as const,
    registers: [],
  });
  new client.Gauge({
    name: 'fanbase_stream_pending_activities',
    help: 'Activities recorded but not yet applied, per stream consumer (counted up to 100,000)',
    labelNames: ['consumer'] as const,
    registers: [registry],
    async collect() {
      for (const s of await container.stream.status(container.ctx({ kind: 'system' }))) {
        this.set({ consumer: s.consumer }, s.pending);
        lag.set({ consumer: s.consumer }, s.lagSeconds);
      }
    },
  });
  registry.registerMetric(lag);

  // The festival's order writer: batches committed and the orders in them (orders ÷ batches is
  // the group commit's batch size; seconds ÷ batches its time per batch).
  const writerMetric = (name: string, help: string, pick: (s: WriterStats) => number) =>
    new client.Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(pick(container.festivalWriter.stats()));
      },
    });
  writerMetric('fanbase_festival_writer_batches_total', 'Batches the festival order writer committed', (s) => s.batches);
  writerMetric('fanbase_festival_writer_orders_total', 'Festival orders written in those batches', (s) => s.orders);
  writerMetric('fanbase_festival_writer_seconds_total', 'Time the festival order writer spent in its batches', (s) => s.seconds);

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    const { token } = opts;
    if (token === undefined) {
      throw new AppError('metrics.disabled');
    }
    if (!bearerMatches(req, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('metrics.unauthenticated');
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
