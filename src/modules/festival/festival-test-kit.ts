import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A clock the specs move by hand (the container reads it): no timing in tests. */
export function testClock(start = '2026-11-01T00:00:00.000Z') {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    set: (iso: string) => {
      at = new Date(iso);
    },
  };
}

/** The gate in Redis when TEST_REDIS_URL is set (each file's own keys), else in this process. */
export const gateOptions = () => ({ redisUrl: process.env.TEST_REDIS_URL, gateKeyPrefix: `test:${process.pid}:${Date.now().toString(36)}:` });

export const codeOf = (res: LightMyRequestResponse) => [res.statusCode, (res.json() as { error?: { code: string } }).error?.code];

export function call(app: FastifyInstance) {
  return (method: Method, url: string, cookie?: string, payload?: object) =>
    app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
}

/** A published product with two variants (¥99 × 20 and ¥129 × 5), as staff make it in the console. */
export async function publishedProduct(app: FastifyInstance, cookie: string, slug = 'festival-tee') {
  const req = call(app);
  const res = await req('POST', '/api/admin/store/products', cookie, {
    title: 'Festival tee',
    slug,
    images: [{ url: 'https://img.example.com/tee.jpg', alt: 'Tee' }],
    variants: [
      { sku: `${slug}-M`, name: 'M', price: { amountMinor: 9_900 }, stock: 20 },
      { sku: `${slug}-L`, name: 'L', price: { amountMinor: 12_900 }, stock: 5 },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const product = res.json() as { id: string; variants: { id: string; sku: string }[] };
  expect((await req('POST', `/api/admin/store/products/${product.id}/publish`, cookie)).statusCode).toBe(200);
  return { id: product.id, m: product.variants[0]!.id, l: product.variants[1]!.id };
}

/** What the store says is available of a variant now (stock less held). */
export async function availableOf(app: FastifyInstance, cookie: string, productId: string, variantId: string): Promise<number> {
  const res = await call(app)('GET', `/api/admin/store/products/${productId}`, cookie);
  const v = (res.json() as { variants: { id: string; available: number; reserved: number }[] }).variants.find((x) => x.id === variantId)!;
  return v.available;
}

export const festivalInput = (over: Record<string, unknown> = {}) => ({
  name: 'Fan Festival',
  slug: 'fan-festival',
  descriptionMarkdown: 'The **big** day <script>alert(1)</script>',
  startsAt: '2026-11-11T12:00:00.000Z',
  endsAt: '2026-11-11T20:00:00.000Z',
  requiresReservation: false,
  ...over,
});
