import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner } from '../../../test/factories.ts';

describe('sponsored-article fees in the ledger', () => {
  const t = useTestApp();
  const system = () => t.container.ctx({ kind: 'system' });
  const ad = { title: 'Sponsored', kind: 'sponsored', advertiser: 'Acme', adFee: { amountMinor: 50000, currency: 'CNY' } };

  async function setup() {
    const owner = await createOwner(t.app);
    const call = async (method: 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url, headers: { cookie: owner.cookie }, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const fees = async () => {
      const page = await t.container.services.ledger.list(system(), { page: 1, pageSize: 100 });
      return page.items.filter((i) => i.source === 'article_fee').reverse();
    };
    /** The ledger's ad revenue for the article, per currency. */
    const revenue = async () =>
      (await t.container.services.ledger.balances(system())).filter((b) => b.account === 'ad_revenue').map((b) => [b.currency, 0 - b.balanceMinor]);
    return { call, fees, revenue, cookie: owner.cookie };
  }

  it('posts the fee on first publication, and nothing again on re-publish or edits that keep the fee', async () => {
    const { call, fees, revenue } = await setup();
    const { id } = await call('POST', '/api/admin/articles', ad);
    expect(await fees()).toEqual([]); // a draft owes nothing
    await call('POST', `/api/admin/articles/${id}/publish`);
    const [first, ...rest] = await fees();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      sourceId: `${id}:1`,
      entries: [
        { account: 'ads_receivable', amountMinor: 50000, currency: 'CNY' },
        { account: 'ad_revenue', amountMinor: -50000, currency: 'CNY' },
      ],
    });
    await call('POST', `/api/admin/articles/${id}/publish`);
    await call('POST', `/api/admin/articles/${id}/unpublish`);
    await call('POST', `/api/admin/articles/${id}/publish`);
    await call('PUT', `/api/admin/articles/${id}`, { ...ad, title: 'Sponsored, retitled' });
    expect(await fees()).toHaveLength(1);
    expect(await revenue()).toEqual([['CNY', 50000]]);
  });

  it('posts the difference when the fee or its currency changes, so the ledger matches the current fee', async () => {
    const { call, fees, revenue } = await setup();
    const { id } = await call('POST', '/api/admin/articles', ad);
    await call('POST', `/api/admin/articles/${id}/publish`);
    await call('PUT', `/api/admin/articles/${id}`, { ...ad, adFee: { amountMinor: 80000, currency: 'CNY' } });
    expect((await fees())[1]).toMatchObject({
      sourceId: `${id}:2`,
      entries: [
        { account: 'ads_receivable', amountMinor: 30000, currency: 'CNY' },
        { account: 'ad_revenue', amountMinor: -30000, currency: 'CNY' },
      ],
    });
    await call('PUT', `/api/admin/articles/${id}`, { ...ad, adFee: { amountMinor: 20000, currency: 'CNY' } });
    expect(await revenue()).toEqual([['CNY', 20000]]);
    await call('PUT', `/api/admin/articles/${id}`, { ...ad, adFee: { amountMinor: 1000, currency: 'USD' } });
    expect(await revenue()).toEqual([
      ['CNY', 0],
      ['USD', 1000],
    ]);
    // The ads vs original comparison reads its ad revenue from the ledger.
    const comparison = await t.container.services.articles.kindComparison(system());
    expect(comparison.kinds.find((k) => k.kind === 'sponsored')!.revenue).toEqual([{ currency: 'USD', amountMinor: 1000 }]);
    // No longer sponsored: it owes nothing any more.
    await call('PUT', `/api/admin/articles/${id}`, { title: 'Original now', kind: 'original' });
    expect(await revenue()).toEqual([
      ['CNY', 0],
      ['USD', 0],
    ]);
    expect((await fees()).map((f) => f.sourceId)).toEqual([1, 2, 3, 4, 5].map((n) => `${id}:${n}`));
  });

  it('keeps the ledger at the fee when edits race', async () => {
    const { call, revenue } = await setup();
    const { id } = await call('POST', '/api/admin/articles', ad);
    await call('POST', `/api/admin/articles/${id}/publish`);
    const fees = [11000, 12000, 13000, 14000];
    await Promise.all(fees.map((amountMinor) => call('PUT', `/api/admin/articles/${id}`, { ...ad, adFee: { amountMinor, currency: 'CNY' } })));
    const current = await call('POST', `/api/admin/articles/${id}/publish`);
    expect(await revenue()).toEqual([['CNY', current.adFee.amountMinor]]);
  });

  it('rolls the article write back when its ledger post fails (one transaction)', async () => {
    const { call, fees, cookie } = await setup();
    const { id } = await call('POST', '/api/admin/articles', ad);
    const ledger = t.container.services.ledger;
    const post = ledger.post;
    ledger.post = () => Promise.reject(new Error('ledger unavailable'));
    try {
      const res = await t.app.inject({ method: 'POST', url: `/api/admin/articles/${id}/publish`, headers: { cookie } });
      expect(res.statusCode).toBe(500);
    } finally {
      ledger.post = post;
    }
    expect((await t.container.services.articles.get(system(), id)).status).toBe('draft');
    expect(await fees()).toEqual([]);
  });
});
