import { inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner } from '../../../test/factories.ts';
import { inTransaction } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { storeVariants } from './store.table.ts';

describe('store stock: holds, releases and sales never oversell', () => {
  const t = useTestApp();
  let variants: { id: string; sku: string }[];

  const stockOf = async () => {
    const ids = variants.map((v) => v.id);
    const rows = await t.container.database.db.select().from(storeVariants).where(inArray(storeVariants.id, ids));
    return Object.fromEntries(rows.map((r) => [r.sku, { stock: r.stock, reserved: r.reserved }]));
  };

  beforeEach(async () => {
    const owner = await createOwner(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/store/products',
      headers: { cookie: owner.cookie },
      payload: {
        title: 'Festival tee',
        slug: 'festival-tee',
        variants: [
          { sku: 'TEE-M', name: 'M', price: { amountMinor: 9_900 }, stock: 3 },
          { sku: 'TEE-L', name: 'L', price: { amountMinor: 9_900 }, stock: 1 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const product = res.json();
    variants = product.variants;
    const published = await t.app.inject({ method: 'POST', url: `/api/admin/store/products/${product.id}/publish`, headers: { cookie: owner.cookie } });
    expect(published.statusCode, published.body).toBe(200);
  });

  const holdIn = (moves: { variantId: string; quantity: number }[]) =>
    inTransaction(t.container.ctx({ kind: 'system' }), (tx) => t.container.services.stock.hold(tx, moves));

  it('holds every line or none, naming the SKU that is short and what is left', async () => {
    const [m, l] = variants;
    const err = await holdIn([
      { variantId: m!.id, quantity: 2 },
      { variantId: l!.id, quantity: 2 },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'store.out_of_stock', status: 409, params: { sku: 'TEE-L', available: 1 } });
    // The transaction rolled back: the M hold made in the same call is gone too.
    expect(await stockOf()).toEqual({ 'TEE-M': { stock: 3, reserved: 0 }, 'TEE-L': { stock: 1, reserved: 0 } });

    // The same variant twice in one call counts as the sum.
    await holdIn([
      { variantId: m!.id, quantity: 1 },
      { variantId: m!.id, quantity: 2 },
    ]);
    expect((await stockOf())['TEE-M']).toEqual({ stock: 3, reserved: 3 });
  });

  it('gives the last unit to exactly one of many holds at the same moment', async () => {
    const l = variants[1]!;
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => holdIn([{ variantId: l.id, quantity: 1 }])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'store.out_of_stock' });
    expect((await stockOf())['TEE-L']).toEqual({ stock: 1, reserved: 1 });
  });

  it('a release gives held units back once; a sale takes them out of stock', async () => {
    const [m] = variants;
    const ctx = t.container.ctx({ kind: 'system' });
    await holdIn([{ variantId: m!.id, quantity: 2 }]);
    await t.container.services.stock.release(ctx, [{ variantId: m!.id, quantity: 1 }]);
    expect((await stockOf())['TEE-M']).toEqual({ stock: 3, reserved: 1 });
    await t.container.services.stock.sell(ctx, [{ variantId: m!.id, quantity: 1 }]);
    expect((await stockOf())['TEE-M']).toEqual({ stock: 2, reserved: 0 });
    // Nothing is held any more: a late release or sale changes nothing (never below zero).
    await t.container.services.stock.release(ctx, [{ variantId: m!.id, quantity: 1 }]);
    await t.container.services.stock.sell(ctx, [{ variantId: m!.id, quantity: 1 }]);
    expect((await stockOf())['TEE-M']).toEqual({ stock: 2, reserved: 0 });
    await expect(t.container.services.stock.release(ctx, [{ variantId: m!.id, quantity: 0 }])).rejects.toThrow(RangeError);
  });

  it('holds nothing on an unpublished product or an inactive variant', async () => {
    const m = variants[0]!;
    await t.container.database.db.update(storeVariants).set({ active: false });
    await expect(holdIn([{ variantId: m.id, quantity: 1 }])).rejects.toMatchObject({ code: 'store.out_of_stock' });
  });
});
