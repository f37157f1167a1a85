import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, createTier, signupFan } from '../../../test/factories.ts';
import { publishedProduct, putLine } from '../../../test/orders-factories.ts';

describe('cart: a fan keeps lines of variants, priced for them, with what stops each one', () => {
  const t = useTestApp();
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let fan: Awaited<ReturnType<typeof signupFan>>;
  let v: Record<string, string>;

  const cart = (cookie = fan.cookie) => t.app.inject({ method: 'GET', url: '/api/fan/cart', headers: { cookie } });

  beforeEach(async () => {
    owner = await createOwner(t.app);
    fan = await signupFan(t.app);
    ({ variant: v } = await publishedProduct(t, owner.cookie, [
      { sku: 'TEE-M', priceMinor: 9_999, stock: 3 },
      { sku: 'TEE-L', priceMinor: 5_000, stock: 1 },
    ]));
  });

  it('adds, sets, removes and clears lines; totals and the badge count follow', async () => {
    expect((await cart()).json()).toMatchObject({ lines: [], currency: null, totalMinor: 0, count: 0, canCheckout: false });
    expect((await putLine(t, fan.cookie, v['TEE-M']!, 2)).statusCode).toBe(200);
    const res = await putLine(t, fan.cookie, v['TEE-L']!, 1);
    expect(res.json()).toMatchObject({
      currency: 'CNY',
      subtotalMinor: 24_998,
      discountMinor: 0,
      totalMinor: 24_998,
      count: 3,
      canCheckout: true,
      discount: null,
    });
    expect(res.json().lines.map((l: { sku: string; quantity: number; problem: null }) => [l.sku, l.quantity, l.problem])).toEqual([
      ['TEE-M', 2, null],
      ['TEE-L', 1, null],
    ]);
    // Setting again changes the quantity, the line keeps its place.
    const set = await putLine(t, fan.cookie, v['TEE-M']!, 1);
    expect(set.json().lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      ['TEE-M', 1],
      ['TEE-L', 1],
    ]);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/fan/cart/lines/${v['TEE-M']}`, headers: { cookie: fan.cookie } });
    expect(removed.json().lines).toHaveLength(1);
    const cleared = await t.app.inject({ method: 'DELETE', url: '/api/fan/cart', headers: { cookie: fan.cookie } });
    expect(cleared.json()).toMatchObject({ lines: [], count: 0 });
  });

  it('prices lines at the member price the store page shows', async () => {
    const tier = await createTier(t.app, owner.cookie, { name: 'Gold', rank: 1 });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/membership-tiers/${tier.id}`,
      headers: { cookie: owner.cookie },
      payload: { perks: [{ kind: 'store_discount', percent: 15 }] },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    await t.container.services.memberships.grant(t.container.ctx({ kind: 'system' }), fan.fan.id, { tierId: tier.id, months: 1 });
    await putLine(t, fan.cookie, v['TEE-M']!, 2);
    const body = (await cart()).json();
    const product = await t.app.inject({ method: 'GET', url: `/api/store/products/${body.lines[0].productSlug}`, headers: { cookie: fan.cookie } });
    const shown = product.json().variants.find((x: { sku: string }) => x.sku === 'TEE-M');
    // ¥99.99 at 15 % off is ¥84.99 (rounded down), as on the product page.
    expect(body.lines[0]).toMatchObject({ listPriceMinor: 9_999, unitPriceMinor: 8_499, lineTotalMinor: 16_998 });
    expect(JSON.stringify(shown.memberPrice)).toContain('8499');
    expect(body).toMatchObject({ subtotalMinor: 19_998, totalMinor: 16_998, discountMinor: 3_000, discount: { tierName: 'Gold', percent: 15 } });
  });

  it('shows each problem: short, unavailable (unpublished or archived), another currency', async () => {
    const { variant: usd } = await publishedProduct(t, owner.cookie, [{ sku: 'USD-1', priceMinor: 1_000, stock: 5, currency: 'USD' }]);
    await putLine(t, fan.cookie, v['TEE-L']!, 2);
    await putLine(t, fan.cookie, v['TEE-M']!, 1);
    await putLine(t, fan.cookie, usd['USD-1']!, 1);
    let body = (await cart()).json();
    expect(body.lines.map((l: { sku: string; problem: string | null }) => [l.sku, l.problem])).toEqual([
      ['TEE-L', 'short'],
      ['TEE-M', null],
      ['USD-1', 'currency'],
    ]);
    expect(body).toMatchObject({ currency: 'CNY', canCheckout: false, totalMinor: 10_000 + 9_999 });
    // The product is unpublished: its lines are unavailable (still listed, so the fan sees why).
    const product = (await t.app.inject({ method: 'GET', url: '/api/admin/store/products', headers: { cookie: owner.cookie } }))
      .json()
      .items.find((p: { title: string; priceRange: { currency: string } }) => p.priceRange.currency === 'CNY');
    await t.app.inject({ method: 'POST', url: `/api/admin/store/products/${product.id}/unpublish`, headers: { cookie: owner.cookie } });
    body = (await cart()).json();
    expect(body.lines.map((l: { problem: string | null; available: number }) => [l.problem, l.available])).toEqual([
      ['unavailable', 0],
      ['unavailable', 0],
      ['currency', 5],
    ]);
  });

  it('refuses bad input, unknown or unpublished variants, and a 51st line', async () => {
    for (const quantity of [0, 100, 1.5, -1, '2']) expect((await putLine(t, fan.cookie, v['TEE-M']!, quantity as number)).statusCode).toBe(400);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/fan/cart/lines/not-a-uuid', headers: { cookie: fan.cookie }, payload: { quantity: 1 } });
    expect(bad.json().error.code).toBe('validation_failed');
    const unknown = await putLine(t, fan.cookie, '00000000-0000-4000-8000-000000000000', 1);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'store.variant_not_found']);
    const skus = Array.from({ length: 51 }, (_, i) => ({ sku: `MANY-${i}`, priceMinor: 100, stock: 1 }));
    const { variant: many } = await publishedProduct(t, owner.cookie, skus.slice(0, 25));
    const { variant: more } = await publishedProduct(t, owner.cookie, skus.slice(25));
    const ids = [...Object.values(many), ...Object.values(more)];
    for (const id of ids.slice(0, 49)) expect((await putLine(t, fan.cookie, id, 1)).statusCode).toBe(200);
    // Two additions at once for the 50th line: one gets it.
    const both = await Promise.all([putLine(t, fan.cookie, ids[49]!, 1), putLine(t, fan.cookie, ids[50]!, 1)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const full = both.find((r) => r.statusCode === 409)!;
    expect([full.json().error.code, full.json().error.params]).toEqual(['cart.full', { max: 50 }]);
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/cart', headers: { cookie: fan.cookie } })).json().lines).toHaveLength(50);
    // A line already there can still change.
    expect((await putLine(t, fan.cookie, ids[0]!, 2)).statusCode).toBe(200);
  });

  it('is for signed-in fans only: visitors and a console session 401, staff through the service 403', async () => {
    const visitor = await t.app.inject({ method: 'GET', url: '/api/fan/cart' });
    expect([visitor.statusCode, visitor.json().error.code]).toEqual([401, 'auth.unauthenticated']);
    // A console session is not a fan session: the fan site does not know it.
    const console = await putLine(t, owner.cookie, v['TEE-M']!, 1);
    expect([console.statusCode, console.json().error.code]).toEqual([401, 'auth.unauthenticated']);
    const staff = t.container.ctx({ kind: 'staff', staffId: owner.staff.id, role: 'owner' });
    await expect(t.container.services.cart.setLine(staff, v['TEE-M']!, 1)).rejects.toMatchObject({ code: 'auth.forbidden', status: 403 });
  });
});
