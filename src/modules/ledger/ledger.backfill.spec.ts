import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';

const MIGRATION = path.join(import.meta.dirname, '../../db/migrations/0014_ledger_guards.sql');

/** Sponsored articles published before the ledger existed get their fee in it (migration 0014's backfill). */
describe('migration 0014: the fees of sponsored articles already published', () => {
  const t = useTestApp();

  it('posts each published sponsored fee once, as of its first publication, and nothing for drafts or other kinds', async () => {
    const db = t.database.db;
    await db.execute(sql`insert into articles (id, title, kind, advertiser, ad_fee_minor, ad_fee_currency, status, published_at, first_published_at) values
      ('00000000-0000-4000-8000-00000000000a', 'Ad, live', 'sponsored', 'Acme', 50000, 'CNY', 'published', '2026-10-01T00:00:00Z', '2026-09-01T00:00:00Z'),
      ('00000000-0000-4000-8000-00000000000b', 'Ad, unpublished since', 'sponsored', 'Acme', 700, 'USD', 'draft', null, '2026-09-02T00:00:00Z'),
      ('00000000-0000-4000-8000-00000000000c', 'Ad, never published', 'sponsored', 'Acme', 900, 'CNY', 'draft', null, null),
      ('00000000-0000-4000-8000-00000000000d', 'Ad, free', 'sponsored', 'Acme', 0, 'CNY', 'published', now(), now()),
      ('00000000-0000-4000-8000-00000000000e', 'Original', 'original', null, null, null, 'published', now(), now())`);
    const file = readFileSync(MIGRATION, 'utf8');
    const backfill = file.slice(file.indexOf('-- 3. Backfill')).split('--> statement-breakpoint');
    await db.transaction(async (tx) => {
      for (const statement of backfill) await tx.execute(sql.raw(statement));
    });

    const ctx = t.container.ctx({ kind: 'system' });
    const page = await t.container.services.ledger.list(ctx, { page: 1, pageSize: 20 });
    expect(page.items.map((i) => [i.sourceId, i.occurredAt, i.entries.map((e) => `${e.account} ${e.amountMinor} ${e.currency}`)])).toEqual([
      ['00000000-0000-4000-8000-00000000000b:1', '2026-09-02T00:00:00.000Z', ['ads_receivable 700 USD', 'ad_revenue -700 USD']],
      ['00000000-0000-4000-8000-00000000000a:1', '2026-09-01T00:00:00.000Z', ['ads_receivable 50000 CNY', 'ad_revenue -50000 CNY']],
    ]);
    // The next fee change continues the numbering from the backfilled post.
    await t.container.services.articles.update(t.container.ctx({ kind: 'system' }), '00000000-0000-4000-8000-00000000000a', {
      title: 'Ad, live',
      summary: '',
      coverUrl: null,
      bodyMarkdown: '',
      membersTierId: null,
      kind: 'sponsored',
      advertiser: 'Acme',
      adFee: { amountMinor: 60000, currency: 'CNY' },
    });
    const after = await t.container.services.ledger.list(ctx, { page: 1, pageSize: 1 });
    expect(after.items[0]).toMatchObject({ sourceId: '00000000-0000-4000-8000-00000000000a:2', entries: [{ account: 'ads_receivable', amountMinor: 10000 }, {}] });
  });
});
