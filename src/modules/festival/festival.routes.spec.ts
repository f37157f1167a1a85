import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import { availableOf, call, codeOf, festivalInput, gateOptions, publishedProduct, testClock } from './festival-test-kit.ts';

describe('festivals in the console: drafts, items, publishing holds the quotas', () => {
  const clock = testClock();
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions() } });
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let product: Awaited<ReturnType<typeof publishedProduct>>;
  const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => call(t.app)(method, `/api/admin${url}`, owner.cookie, payload);
  const available = (variantId: string) => availableOf(t.app, owner.cookie, product.id, variantId);

  async function draft(over: Record<string, unknown> = {}) {
    const res = await req('POST', '/festivals', festivalInput(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; items: { id: string }[] };
  }
  async function withItems(over: Record<string, unknown> = {}) {
    const f = await draft(over);
    expect((await req('POST', `/festivals/${f.id}/items`, { variantId: product.m, priceMinor: 5_900, quota: 10, perFanLimit: 2 })).statusCode).toBe(200);
    const res = await req('POST', `/festivals/${f.id}/items`, { variantId: product.l, priceMinor: 9_900, quota: 5, perFanLimit: 1, position: 1 });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; items: { id: string; variant: { id: string } }[] };
  }

  beforeEach(async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    owner = await createOwner(t.app);
    product = await publishedProduct(t.app, owner.cookie);
  });

  it('creates a draft with items, sanitises its description, lists and edits it', async () => {
    const f = await withItems();
    const got = (await req('GET', `/festivals/${f.id}`)).json();
    expect(got).toMatchObject({ status: 'draft', slug: 'fan-festival', reservedFans: 0 });
    expect(got.descriptionHtml).toContain('<strong>big</strong>');
    expect(got.descriptionHtml).not.toContain('<script');
    expect(got.items).toMatchObject([
      {
        variant: { sku: 'festival-tee-M', listPrice: { amountMinor: 9_900, currency: 'CNY' }, productTitle: 'Festival tee' },
        price: { amountMinor: 5_900, currency: 'CNY' },
        quota: 10,
        perFanLimit: 2,
        reservations: 0,
        remaining: null,
      },
      { variant: { sku: 'festival-tee-L' }, quota: 5 },
    ]);
    const list = (await req('GET', '/festivals')).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: f.id, items: [{}, {}] }] });
    const edited = await req(
      'PUT',
      `/festivals/${f.id}`,
      festivalInput({ name: 'Double Eleven', requiresReservation: true, reservationsCloseAt: '2026-11-10T00:00:00Z' }),
    );
    expect(edited.json()).toMatchObject({ name: 'Double Eleven', requiresReservation: true, reservationsCloseAt: '2026-11-10T00:00:00.000Z' });
    // Items are edited and removed by id; a draft holds nothing.
    const item = f.items[0]!;
    expect((await req('PUT', `/festivals/${f.id}/items/${item.id}`, { priceMinor: 4_900, quota: 12, perFanLimit: 3 })).json().items[0]).toMatchObject({
      quota: 12,
      perFanLimit: 3,
      price: { amountMinor: 4_900 },
    });
    expect((await req('DELETE', `/festivals/${f.id}/items/${item.id}`)).json().items).toHaveLength(1);
    expect(await available(product.m)).toBe(20);
  });

  it('refuses bad input and names each refusal', async () => {
    const bad = async (payload: Record<string, unknown>) => codeOf(await req('POST', '/festivals', festivalInput(payload)));
    expect(await bad({ endsAt: '2026-11-11T11:00:00Z' })).toEqual([400, 'validation_failed']);
    expect(await bad({ endsAt: '2027-01-11T11:00:00Z' })).toEqual([400, 'validation_failed']);
    expect(await bad({ reservationsCloseAt: '2026-11-12T00:00:00Z' })).toEqual([400, 'validation_failed']);
    expect(await bad({ startsAt: 'soon' })).toEqual([400, 'validation_failed']);
    expect(await bad({ slug: 'Not A Slug' })).toEqual([400, 'validation_failed']);
    const f = await draft();
    expect(await bad({})).toEqual([409, 'festival.slug_taken']);
    const item = (payload: object) => req('POST', `/festivals/${f.id}/items`, { variantId: product.m, priceMinor: 5_900, quota: 10, perFanLimit: 2, ...payload });
    expect(codeOf(await item({ priceMinor: 9_901 }))).toEqual([409, 'festival.price_above_list']);
    expect(codeOf(await item({ priceMinor: 0 }))).toEqual([400, 'validation_failed']);
    expect(codeOf(await item({ perFanLimit: 11 }))).toEqual([400, 'validation_failed']);
    expect(codeOf(await item({ perFanLimit: 100, quota: 500 }))).toEqual([400, 'validation_failed']);
    expect(codeOf(await item({ quota: 0 }))).toEqual([400, 'validation_failed']);
    expect(codeOf(await item({ variantId: '00000000-0000-4000-8000-000000000000' }))).toEqual([404, 'store.variant_not_found']);
    expect((await item({})).statusCode).toBe(200);
    expect(codeOf(await item({}))).toEqual([409, 'festival.item_taken']);
    expect(codeOf(await req('GET', '/festivals/00000000-0000-4000-8000-000000000000'))).toEqual([404, 'festival.not_found']);
  });

  it('publishing holds every quota out of the store; unpublishing and canceling give it back', async () => {
    const f = await withItems();
    const published = (await req('POST', `/festivals/${f.id}/publish`)).json();
    expect(published).toMatchObject({ status: 'published', items: [{ remaining: 10 }, { remaining: 5 }] });
    expect([await available(product.m), await available(product.l)]).toEqual([10, 0]);
    // Twice is once.
    expect((await req('POST', `/festivals/${f.id}/publish`)).statusCode).toBe(200);
    expect(await available(product.m)).toBe(10);
    // A quota change before the sale holds or releases the difference, and the gate follows.
    const item = f.items[0]!;
    expect((await req('PUT', `/festivals/${f.id}/items/${item.id}`, { priceMinor: 5_900, quota: 15, perFanLimit: 2 })).json().items[0].remaining).toBe(15);
    expect(await available(product.m)).toBe(5);
    expect(codeOf(await req('PUT', `/festivals/${f.id}/items/${item.id}`, { priceMinor: 5_900, quota: 21, perFanLimit: 2 }))).toEqual([409, 'store.out_of_stock']);
    expect(await available(product.m)).toBe(5);
    await req('PUT', `/festivals/${f.id}/items/${item.id}`, { priceMinor: 5_900, quota: 8, perFanLimit: 2 });
    expect(await available(product.m)).toBe(12);

    expect((await req('POST', `/festivals/${f.id}/unpublish`)).json()).toMatchObject({ status: 'draft', items: [{ remaining: null }, { remaining: null }] });
    expect([await available(product.m), await available(product.l)]).toEqual([20, 5]);
    await req('POST', `/festivals/${f.id}/publish`);
    expect([await available(product.m), await available(product.l)]).toEqual([12, 0]);
    expect((await req('POST', `/festivals/${f.id}/cancel`)).json().status).toBe('canceled');
    expect([await available(product.m), await available(product.l)]).toEqual([20, 5]);
    expect(codeOf(await req('POST', `/festivals/${f.id}/publish`))).toEqual([409, 'festival.canceled']);
    expect(codeOf(await req('PUT', `/festivals/${f.id}`, festivalInput()))).toEqual([409, 'festival.canceled']);
  });

  it('publishing, canceling and unpublishing at the same moment hold and release the stock once', async () => {
    const f = await withItems();
    const publishes = await Promise.all([1, 2, 3, 4].map(() => req('POST', `/festivals/${f.id}/publish`)));
    expect(publishes.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect([await available(product.m), await available(product.l)]).toEqual([10, 0]);
    const ends = await Promise.all([
      req('POST', `/festivals/${f.id}/cancel`),
      req('POST', `/festivals/${f.id}/unpublish`),
      req('POST', `/festivals/${f.id}/cancel`),
    ]);
    expect(ends.every((r) => r.statusCode === 200)).toBe(true);
    expect([await available(product.m), await available(product.l)]).toEqual([20, 5]);
  });

  it('publishing more than the stock is refused with every hold unchanged', async () => {
    const f = await draft();
    await req('POST', `/festivals/${f.id}/items`, { variantId: product.m, priceMinor: 5_900, quota: 10, perFanLimit: 2 });
    await req('POST', `/festivals/${f.id}/items`, { variantId: product.l, priceMinor: 9_900, quota: 6, perFanLimit: 1 });
    const res = await req('POST', `/festivals/${f.id}/publish`);
    expect(codeOf(res)).toEqual([409, 'store.out_of_stock']);
    expect(res.json().error.params).toEqual({ sku: 'festival-tee-L', available: 5 });
    expect([await available(product.m), await available(product.l)]).toEqual([20, 5]);
    expect((await req('GET', `/festivals/${f.id}`)).json().status).toBe('draft');
  });

  it('publishing needs an item, a start in the future and variants on sale', async () => {
    const empty = await draft();
    expect(codeOf(await req('POST', `/festivals/${empty.id}/publish`))).toEqual([409, 'festival.no_items']);
    const f = await withItems({ slug: 'later' });
    await req('POST', `/store/products/${product.id}/unpublish`);
    expect(codeOf(await req('POST', `/festivals/${f.id}/publish`))).toEqual([409, 'festival.variant_not_on_sale']);
    await req('POST', `/store/products/${product.id}/publish`);
    clock.set('2026-11-11T12:00:00.000Z');
    expect(codeOf(await req('POST', `/festivals/${f.id}/publish`))).toEqual([409, 'festival.starts_in_past']);
    expect([await available(product.m), await available(product.l)]).toEqual([20, 5]);
  });

  it('after the sale opens, items, quotas and dates stay as they are; the festival can still be canceled until its end', async () => {
    const f = await withItems();
    await req('POST', `/festivals/${f.id}/publish`);
    clock.set('2026-11-11T12:00:00.000Z');
    const item = f.items[0]!;
    expect(codeOf(await req('PUT', `/festivals/${f.id}/items/${item.id}`, { priceMinor: 5_900, quota: 11, perFanLimit: 2 }))).toEqual([
      409,
      'festival.sale_opened',
    ]);
    expect(codeOf(await req('DELETE', `/festivals/${f.id}/items/${item.id}`))).toEqual([409, 'festival.sale_opened']);
    expect(codeOf(await req('POST', `/festivals/${f.id}/items`, { variantId: product.l, priceMinor: 1, quota: 1, perFanLimit: 1 }))).toEqual([
      409,
      'festival.sale_opened',
    ]);
    expect(codeOf(await req('POST', `/festivals/${f.id}/unpublish`))).toEqual([409, 'festival.sale_opened']);
    expect(codeOf(await req('PUT', `/festivals/${f.id}`, festivalInput({ endsAt: '2026-11-11T22:00:00Z' })))).toEqual([409, 'festival.sale_opened']);
    // The name and description may still change.
    expect((await req('PUT', `/festivals/${f.id}`, festivalInput({ name: 'Renamed' }))).json().name).toBe('Renamed');
    clock.set('2026-11-11T20:00:00.000Z');
    expect(codeOf(await req('POST', `/festivals/${f.id}/cancel`))).toEqual([409, 'festival.ended']);
  });

  it('a fan on the console is refused; a visitor must sign in', async () => {
    const fan = await signupFan(t.app);
    const f = await draft();
    for (const [method, url] of [
      ['GET', '/api/admin/festivals'],
      ['POST', '/api/admin/festivals'],
      ['GET', `/api/admin/festivals/${f.id}`],
      ['POST', `/api/admin/festivals/${f.id}/publish`],
      ['POST', `/api/admin/festivals/${f.id}/cancel`],
    ] as const) {
      expect((await call(t.app)(method, url, fan.cookie, method === 'POST' ? festivalInput() : undefined)).statusCode).toBe(403);
      expect((await call(t.app)(method, url)).statusCode).toBe(401);
    }
  });
});
