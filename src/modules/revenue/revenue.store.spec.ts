import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, deliverSandbox, signupFan } from '../../../test/factories.ts';
import { checkout, publishedProduct, putLine, sandboxPay } from '../../../test/orders-factories.ts';

/** The revenue page's store column comes from the ledger's store_revenue account: a real order, paid through checkout, lands there. */
describe('revenue: the store from a real paid order', () => {
  const t = useTestApp();

  it('counts a paid order in the month it was paid, and its refund as given back', async () => {
    const owner = await createOwner(t.app);
    const fan = await signupFan(t.app);
    const { variant } = await publishedProduct(t, owner.cookie, [{ sku: 'TEE', priceMinor: 9_900, stock: 5 }]);
    expect((await putLine(t, fan.cookie, variant.TEE!, 2)).statusCode).toBe(200);
    const placed = await checkout(t, fan.cookie);
    expect(placed.statusCode, placed.body).toBe(201);
    await sandboxPay(t, fan.cookie, placed.json().action.url);
    const order = placed.json().order as { id: string; lines: { id: string }[] };
    const refund = await t.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${order.id}/refund`,
      headers: { cookie: owner.cookie },
      payload: { lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] },
    });
    expect(refund.statusCode, refund.body).toBe(200);
    await deliverSandbox(t);
    await t.settle();

    const month = new Date().toISOString().slice(0, 7);
    const res = await t.app.inject({ method: 'GET', url: `/api/admin/revenue?from=${month}&to=${month}`, headers: { cookie: owner.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().months).toMatchObject([{ month, storeMinor: 19_800, refundsMinor: -9_900, netMinor: 9_900 }]);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/revenue?from=${month}&to=${month}`, headers: { cookie: fan.cookie } })).statusCode).toBe(403);
  });
});
