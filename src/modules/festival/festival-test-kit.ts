import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { BotLimits } from './bot-checks/bot-policy.ts';

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

/** Bot limits no spec reaches: for specs of many attempts per fan at once. */
export const LIFTED_BOT_LIMITS: BotLimits = { windowMs: 10_000, fanChallengeAbove: 1_000_000, visitorChallengeAbove: 1_000_000, fanRefuseAbove: 1_000_000 };

/** A published festival `fan-festival` (11 Nov 12:00–20:00 UTC) with one item of a ¥99 phone at ¥59. */
export async function setUpFestival(app: FastifyInstance, ownerCookie: string, terms: { quota: number; perFanLimit: number }, over: Record<string, unknown> = {}) {
  const admin = (method: 'POST', url: string, payload?: object) => call(app)(method, `/api/admin${url}`, ownerCookie, payload);
  const p = await admin('POST', '/store/products', {
    title: 'Festival phone',
    slug: 'festival-phone',
    variants: [{ sku: 'phone-1', name: 'Black', price: { amountMinor: 9_900 }, stock: 1_000 }],
  });
  const product = p.json() as { id: string; variants: { id: string }[] };
  expect((await admin('POST', `/store/products/${product.id}/publish`)).statusCode).toBe(200);
  const f = (await admin('POST', '/festivals', festivalInput(over))).json();
  const res = await admin('POST', `/festivals/${f.id}/items`, { variantId: product.variants[0]!.id, priceMinor: 5_900, ...terms });
  expect((await admin('POST', `/festivals/${f.id}/publish`)).statusCode).toBe(200);
  return { id: f.id as string, itemId: (res.json().items as { id: string }[])[0]!.id, variantId: product.variants[0]!.id };
}

/** A fan's purchase attempt as the fan page sends it (`cookie` may carry the fb_vid visitor cookie too). */
export function attemptWith(t: { app: FastifyInstance }) {
  return (cookie: string | undefined, itemId: string, key: string | null, payload: object = { quantity: 1 }, slug = 'fan-festival') =>
    t.app.inject({
      method: 'POST',
      url: `/api/fan/festivals/${slug}/items/${itemId}/attempts`,
      headers: { ...(cookie ? { cookie } : {}), ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });
}
