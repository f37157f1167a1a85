import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../src/db/migrations');

/**
 * Synthetic channel history written by SQL (generate_series), in chunks of fans so no single
 * statement holds millions of rows: fans over two years, ~`perFan` activities each (70% reads,
 * 10% shares, 12% follows, 8% unfollows), 200 articles, a `vip` tag on 10% of fans.
 */
export async function buildCrmData(db: Db, fans: number, perFan: number, onChunk: (fansDone: number) => void) {
  const CHUNK = 50_000;
  await db.execute(sql`insert into articles (id, title, kind, status, published_at, first_published_at, advertiser, ad_fee_minor, ad_fee_currency)
    select gen_random_uuid(), 'Article ' || g, case when g % 5 = 0 then 'sponsored' else 'original' end, 'published',
      now() - (g || ' days')::interval, now() - (g || ' days')::interval,
      case when g % 5 = 0 then 'Advertiser ' || g end, case when g % 5 = 0 then 100000 end, case when g % 5 = 0 then 'CNY' end
    from generate_series(1, 200) g`);
  await db.execute(sql`insert into article_stats (article_id) select id from articles`);
  for (let from = 0; from < fans; from += CHUNK) {
    const to = Math.min(from + CHUNK, fans);
    await db.execute(sql`insert into fans (id, email, display_name, created_at)
      select gen_random_uuid(), 'fan' || g || '@bench.test', 'Fan ' || g, now() - random() * interval '730 days'
      from generate_series(${from + 1}::int, ${to}::int) g`);
    await db.execute(sql`
      with chunk as (select id, created_at from fans where email like 'fan%@bench.test' and substring(email from 4 for position('@' in email) - 4)::int between ${from + 1} and ${to}),
      arts as (select array_agg(id) a from articles)
      insert into fan_activities (fan_id, kind, source, article_id, data, occurred_at)
      select c.id, k.kind,
        case when k.kind in ('followed','unfollowed') then (array['direct','direct','share:bench0001','import'])[1 + (g % 4)] else 'direct' end,
        case when k.kind in ('read','shared') then arts.a[1 + (g * 7 + length(c.id::text)) % 200] end,
        case when k.kind = 'read' then jsonb_build_object('first', g % 3 <> 0) else '{}'::jsonb end,
        c.created_at + random() * (now() - c.created_at)
      from chunk c cross join arts
      cross join lateral generate_series(1, greatest(1, round(-ln(1 - random() * 0.999999) * ${perFan})::int) + 0 * length(c.id::text)) g
      cross join lateral (select case when r < 0.70 then 'read' when r < 0.80 then 'shared' when r < 0.92 then 'followed' else 'unfollowed' end as kind from (select random() + g * 0 as r) x) k`);
    onChunk(to);
  }
  // Follow state, first-follow columns and the daily rollup, with the same SQL the migration
  // uses to backfill them from activities.
  await db.execute(sql`
    update fans f set follow_status = case when l.kind = 'followed' then 'following' else 'unfollowed' end,
      following_since = case when l.kind = 'followed' then l.occurred_at end
    from (select distinct on (fan_id) fan_id, kind, occurred_at from fan_activities where kind in ('followed','unfollowed') order by fan_id, occurred_at desc) l
    where f.id = l.fan_id`);
  const file = readFileSync(path.join(MIGRATIONS, '0002_insights.sql'), 'utf8');
  for (const statement of file.slice(file.indexOf('-- Backfill')).split('--> statement-breakpoint')) await db.execute(sql.raw(statement));
  await db.execute(sql`insert into fan_tags (fan_id, tag) select id, 'vip' from fans where random() < 0.1`);
  await db.execute(sql`analyze`);
}
