import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Container } from '../src/container.ts';
import { createOwner, deliverSandbox } from './factories.ts';

type T = { app: FastifyInstance; container: Container };

/** A published product made by staff through the console's routes; answers its variants by SKU. */
export async function publishedProduct(
  t: T,
  cookie: string,
  variants: { sku: string; priceMinor?: number; stock: number; currency?: string }[],
  slug = `tee-${Math.random().toString(36).slice(2, 8)}`,
) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/store/products',
    headers: { cookie },
    payload: {
      title: 'Festival tee',
      slug,
      images: [{ url: 'https://img.example.com/tee.jpg', alt: 'Tee' }],
      variants: variants.map((v) => ({ sku: v.sku, name: v.sku, price: { amountMinor: v.priceMinor ?? 9_900, currency: v.currency ?? 'CNY' }, stock: v.stock })),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const product = res.json() as { id: string; variants: { id: string; sku: string }[] };
  const published = await t.app.inject({ method: 'POST', url: `/api/admin/store/products/${product.id}/publish`, headers: { cookie } });
  expect(published.statusCode, published.body).toBe(200);
  return { productId: product.id, variant: Object.fromEntries(product.variants.map((v) => [v.sku, v.id])) as Record<string, string> };
}

export const address = { name: 'Fiona Fan', phone: '+86 138 0000 0000', region: 'Guangxi, Guilin, Xiufeng', line: 'Zhongshan Rd 1, Room 302' };

export const putLine = (t: T, cookie: string, variantId: string, quantity: number) =>
  t.app.inject({ method: 'PUT', url: `/api/fan/cart/lines/${variantId}`, headers: { cookie }, payload: { quantity } });

export const checkout = (t: T, cookie: string, body: Record<string, unknown> = {}, key: string | null = randomUUID()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/fan/checkout',
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: { address, ...body },
  });

/** The fan presses the sandbox page's button (pay, fail, cancel) and the gateway's notification arrives. */
export async function sandboxPay(t: T, cookie: string, actionUrl: string, button: 'pay' | 'fail' | 'cancel' = 'pay') {
  const res = await t.app.inject({ method: 'POST', url: `/sandbox/pay/${actionUrl.split('/').pop()}/${button}`, headers: { cookie } });
  expect(res.statusCode).toBe(303);
  await deliverSandbox(t);
}

/** Stock and reserved units of these variants, by id. */
export async function stockOf(t: T, ids: string[]) {
  const res = await t.container.database.db.execute(
    sql`select id, stock, reserved from store_variants where id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`,
  );
  const rows = (res as unknown as { rows: { id: string; stock: number; reserved: number }[] }).rows;
  return Object.fromEntries(rows.map((r) => [r.id, { stock: Number(r.stock), reserved: Number(r.reserved) }]));
}

/**
 * A store with two published SKUs (TEE ¥99, CAP ¥30, 20 each) and `buy`: a fan puts a line in the
 * cart, checks out and (unless told not to) pays on the sandbox page. For specs of what purchases feed.
 */
export async function storeWithBuyer(t: T) {
  const owner = await createOwner(t.app);
  const { variant } = await publishedProduct(t, owner.cookie, [
    { sku: 'TEE', priceMinor: 9_900, stock: 20 },
    { sku: 'CAP', priceMinor: 3_000, stock: 20 },
  ]);
  const buy = async (who: { cookie: string }, sku: string, quantity = 1, pay = true) => {
    expect((await putLine(t, who.cookie, variant[sku]!, quantity)).statusCode).toBe(200);
    const res = await checkout(t, who.cookie);
    expect(res.statusCode, res.body).toBe(201);
    if (pay) await sandboxPay(t, who.cookie, res.json().action.url);
    return res.json().order as { id: string };
  };
  return { owner, h: { cookie: owner.cookie }, buy };
}
