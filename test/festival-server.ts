import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';

/**
 * A festival over HTTP against real server processes (test/server-process.ts): the owner, fans
 * signed up from addresses of their own (the server trusts the loopback proxy), a product and a
 * published festival opening a few seconds later, and purchase attempts.
 */
export const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export async function ownerOf(base: string): Promise<string> {
  const setup = await post(`${base}/api/console/setup`, { email: 'owner@festival.test', name: 'Olivia Owner', password: 'owner-password-1' });
  expect(setup.status, await setup.clone().text()).toBe(201);
  return cookieOf(setup);
}

export async function signUpFans(base: string, n: number): Promise<{ cookie: string }[]> {
  const fans: { cookie: string }[] = [];
  for (let i = 0; i < n; i++) {
    const res = await post(
      `${base}/api/fan/signup`,
      { email: `fan-${i}@festival.test`, displayName: `Fan ${i}`, password: 'fan-password-1' },
      { 'x-forwarded-for': `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}` },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    fans.push({ cookie: cookieOf(res) });
  }
  return fans;
}

/** A product (stock 1,000) at a festival published now, opening in `opensInMs`, for an hour. */
export async function publishFestival(base: string, owner: string, terms: { quota: number; perFanLimit: number }, opensInMs = 3_000) {
  const admin = async (url: string, body?: unknown) => {
    const res = await post(`${base}/api/admin${url}`, body ?? {}, { cookie: owner });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const product = (await admin('/store/products', {
    title: 'Festival phone',
    slug: 'festival-phone',
    variants: [{ sku: 'phone-1', name: 'Black', price: { amountMinor: 9_900 }, stock: 1_000 }],
  })) as { id: string; variants: { id: string }[] };
  await admin(`/store/products/${product.id}/publish`);
  const startsAt = new Date(Date.now() + opensInMs);
  const f = (await admin('/festivals', {
    name: 'Fan Festival',
    slug: 'fan-festival',
    descriptionMarkdown: 'The big day',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    requiresReservation: false,
  })) as { id: string };
  const withItem = (await admin(`/festivals/${f.id}/items`, { variantId: product.variants[0]!.id, priceMinor: 5_900, ...terms })) as { items: { id: string }[] };
  await admin(`/festivals/${f.id}/publish`);
  await new Promise((r) => setTimeout(r, Math.max(0, startsAt.getTime() - Date.now() + 200)));
  return { id: f.id, itemId: withItem.items[0]!.id };
}

export type Answer = { status: number; answer?: string; order?: { id: string } };

/** One attempt for one unit with a fresh Idempotency-Key; a dropped connection answers status 0. */
export async function attempt(base: string, cookie: string, itemId: string, key = randomUUID()): Promise<Answer> {
  try {
    const res = await post(`${base}/api/fan/festivals/fan-festival/items/${itemId}/attempts`, { quantity: 1 }, { cookie, 'idempotency-key': key });
    const body = (await res.json().catch(() => ({}))) as { answer?: string; order?: { id: string } };
    return { status: res.status, ...body };
  } catch {
    return { status: 0 };
  }
}

/** The staff's view after the fact: each fan's units in festival orders not canceled, and the item's counters. */
export async function festivalTotals(base: string, owner: string, festivalId: string, itemId: string) {
  const board = await fetch(`${base}/api/admin/festivals/${festivalId}/board`, { headers: { cookie: owner } });
  expect(board.status).toBe(200);
  const item = ((await board.json()) as { items: { id: string; quota: number; sold: number; remaining: number | null }[] }).items.find((i) => i.id === itemId)!;
  const perFan = new Map<string, number>();
  const orderIds = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await fetch(`${base}/api/admin/orders?channel=festival&pageSize=100&page=${page}`, { headers: { cookie: owner } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string; status: string; fan: { id: string }; items: number }[]; total: number };
    for (const o of body.items) {
      if (o.status === 'canceled') continue;
      orderIds.add(o.id);
      perFan.set(o.fan.id, (perFan.get(o.fan.id) ?? 0) + o.items);
    }
    if (page * 100 >= body.total) break;
  }
  return { item, perFan, orderIds, units: [...perFan.values()].reduce((a, b) => a + b, 0) };
}
