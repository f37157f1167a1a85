/**
 * `fanbase serve` plus the benchmarks' reference routes, compiled like the product (see
 * startServer): the routes users call are the product's own, untouched.
 *   POST /bench/insert   the reference: the follow's session lookup, then one INSERT
 *   GET  /bench/stream   consumer lag, unauthenticated (the load generator polls it)
 *   POST /bench/verify   rebuilds every consumer and says whether that changed any figure
 * and the payments and festival benchmarks' (payments-routes.ts, festival-routes.ts).
 */
import { sql } from 'drizzle-orm';
import { serve } from '../../src/cli/commands/serve.ts';
import { festivalBenchRoutes } from './festival-routes.ts';
import { paymentsBenchRoutes } from './payments-routes.ts';

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

await serve(async (app, container) => {
  const { db } = container.database;
  await db.execute(
    sql`create table if not exists bench_inserts (id bigint generated always as identity primary key, fan_id uuid not null, at timestamptz not null default now())`,
  );
  const system = () => container.ctx({ kind: 'system' });

  app.post('/bench/insert', { schema: { hide: true } }, async (req, reply) => {
    // The same session lookup as the fan routes: the signed cookie, then the session row.
    const raw = req.cookies.fb_fan;
    const unsigned = raw ? req.unsignCookie(raw) : undefined;
    const fanId = unsigned?.valid && unsigned.value ? await container.services.fans.resolveSession(req.ctx, unsigned.value) : undefined;
    if (!fanId) return reply.status(401).send({ error: { code: 'unauthenticated', message: 'sign in' } });
    await db.execute(sql`insert into bench_inserts (fan_id) values (${fanId})`);
    return { ok: true };
  });

  app.get('/bench/stream', { schema: { hide: true } }, async () => container.stream.status(system()));
  paymentsBenchRoutes(app, container);
  festivalBenchRoutes(app, container);

  app.post('/bench/verify', { schema: { hide: true } }, async () => {
    const snapshot = async () =>
      JSON.stringify([
        rows(await db.execute(sql`select day::text, source_type, follows, unfollows from daily_follow_counts order by 1, 2`)),
        rows(await db.execute(sql`select article_id, views, unique_reads, shares, follows, unfollows from article_stats order by 1`)),
        rows(
          await db.execute(
            sql`select fan_id, last_active_at, days_active, unique_reads, shares, level, follow_status, first_followed_at from fan_signals order by 1`,
          ),
        ),
      ]);
    await container.stream.drain();
    const incremental = await snapshot();
    for (const name of container.stream.names()) await container.stream.rebuild(system(), name);
    await container.services.loyalty.relevelAll(system());
    return { equal: (await snapshot()) === incremental };
  });
});
