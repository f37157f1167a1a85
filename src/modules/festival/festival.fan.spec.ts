import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buyMembership, createOwner, createTier, signupFan } from '../../../test/factories.ts';
import { call, codeOf, festivalInput, gateOptions, publishedProduct, testClock } from './festival-test-kit.ts';

describe('festivals on the fan site: the page, eligibility, reservations', () => {
  const clock = testClock();
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions() } });
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let festival: { id: string; items: { id: string }[] };
  const admin = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    call(t.app)(method, `/api/admin${url}`, owner.cookie, payload);

  async function setUp(over: Record<string, unknown> = {}, publish = true) {
    const product = await publishedProduct(t.app, owner.cookie);
    const f = (await admin('POST', '/festivals', festivalInput(over))).json();
    await admin('POST', `/festivals/${f.id}/items`, { variantId: product.m, priceMinor: 5_900, quota: 10, perFanLimit: 2 });
    const res = await admin('POST', `/festivals/${f.id}/items`, { variantId: product.l, priceMinor: 9_900, quota: 5, perFanLimit: 1, position: 1 });
    if (publish) expect((await admin('POST', `/festivals/${f.id}/publish`)).statusCode).toBe(200);
    festival = res.json();
  }
  const reservation = (method: 'PUT' | 'DELETE', cookie: string | undefined, itemId = festival.items[0]!.id, slug = 'fan-festival') =>
    call(t.app)(method, `/api/fan/festivals/${slug}/items/${itemId}/reservation`, cookie);

  beforeEach(async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    owner = await createOwner(t.app);
  });

  it('a visitor sees the festival with items, live remaining, the server time and when the sale opens', async () => {
    await setUp();
    const list = (await call(t.app)('GET', '/api/festivals')).json();
    expect(list).toEqual({
      serverTime: '2026-11-01T00:00:00.000Z',
      festivals: [expect.objectContaining({ slug: 'fan-festival', opensAt: '2026-11-11T12:00:00.000Z' })],
    });
    const page = (await call(t.app)('GET', '/api/festivals/fan-festival')).json();
    expect(page).toMatchObject({
      name: 'Fan Festival',
      serverTime: '2026-11-01T00:00:00.000Z',
      signedIn: false,
      earlyAccessMinutes: 0,
      eligibility: { state: 'not_started', reason: null, opensAt: '2026-11-11T12:00:00.000Z' },
      items: [
        {
          variant: { sku: 'festival-tee-M', productTitle: 'Festival tee', image: { url: 'https://img.example.com/tee.jpg' }, listPrice: { amountMinor: 9_900 } },
          price: { amountMinor: 5_900, currency: 'CNY' },
          quota: 10,
          perFanLimit: 2,
          remaining: 10,
          reserved: false,
        },
        { variant: { sku: 'festival-tee-L' }, remaining: 5 },
      ],
    });
    expect(page.descriptionHtml).not.toContain('<script');
    clock.set('2026-11-11T12:00:00.000Z');
    expect((await call(t.app)('GET', '/api/festivals/fan-festival')).json().eligibility.state).toBe('open');
    clock.set('2026-11-11T20:00:00.000Z');
    expect((await call(t.app)('GET', '/api/festivals/fan-festival')).json().eligibility.state).toBe('ended');
    expect((await call(t.app)('GET', '/api/festivals')).json().festivals).toEqual([]);
  });

  it('drafts and canceled festivals are not found by fans', async () => {
    await setUp({}, false);
    const fan = await signupFan(t.app);
    expect(codeOf(await call(t.app)('GET', '/api/festivals/fan-festival'))).toEqual([404, 'festival.not_found']);
    expect(codeOf(await call(t.app)('GET', '/api/fan/festivals/fan-festival', fan.cookie))).toEqual([404, 'festival.not_found']);
    expect((await call(t.app)('GET', '/api/festivals')).json().festivals).toEqual([]);
    await admin('POST', `/festivals/${festival.id}/publish`);
    await admin('POST', `/festivals/${festival.id}/cancel`);
    expect(codeOf(await call(t.app)('GET', '/api/festivals/fan-festival'))).toEqual([404, 'festival.not_found']);
  });

  it('reserving: twice is once, counted per item in the console, an activity on the timeline, refused after the close', async () => {
    await setUp({ requiresReservation: true, reservationsCloseAt: '2026-11-10T00:00:00.000Z' });
    const [ann, bob] = [await signupFan(t.app), await signupFan(t.app)];
    const before = (await call(t.app)('GET', '/api/fan/festivals/fan-festival', ann.cookie)).json();
    expect(before).toMatchObject({ signedIn: true, reservationsOpen: true, eligibility: { state: 'not_eligible', reason: 'reservation_required' } });

    expect((await reservation('PUT', ann.cookie)).json()).toEqual({ itemId: festival.items[0]!.id, reserved: true, reservations: 1 });
    expect((await reservation('PUT', ann.cookie)).json()).toMatchObject({ reserved: true, reservations: 1 });
    expect((await reservation('PUT', bob.cookie)).json().reservations).toBe(2);
    expect((await reservation('PUT', bob.cookie, festival.items[1]!.id)).json().reservations).toBe(1);

    const mine = (await call(t.app)('GET', '/api/fan/festivals/fan-festival', ann.cookie)).json();
    expect(mine.eligibility).toMatchObject({ state: 'not_started' });
    expect(mine.items.map((i: { reserved: boolean; eligibility: { state: string } }) => [i.reserved, i.eligibility.state])).toEqual([
      [true, 'not_started'],
      [false, 'not_eligible'],
    ]);
    // A fan never sees another's reservations: Ann's page shows only hers; a visitor's none.
    expect((await call(t.app)('GET', '/api/festivals/fan-festival')).json().items.map((i: { reserved: boolean }) => i.reserved)).toEqual([false, false]);

    const forecast = (await admin('GET', `/festivals/${festival.id}`)).json();
    expect(forecast.reservedFans).toBe(2);
    expect(forecast.items.map((i: { reservations: number }) => i.reservations)).toEqual([2, 1]);
    const timeline = (await call(t.app)('GET', '/api/fan/activities', ann.cookie)).json();
    expect(timeline.items.filter((a: { kind: string }) => a.kind === 'festival_reserved')).toEqual([
      expect.objectContaining({ data: { festivalId: festival.id, festival: 'Fan Festival', itemId: festival.items[0]!.id, sku: 'festival-tee-M' } }),
    ]);

    expect((await reservation('DELETE', bob.cookie)).json()).toMatchObject({ reserved: false, reservations: 1 });
    expect((await reservation('DELETE', bob.cookie)).json()).toMatchObject({ reserved: false, reservations: 1 });
    clock.set('2026-11-10T00:00:00.000Z');
    expect(codeOf(await reservation('PUT', bob.cookie))).toEqual([409, 'festival.reservations_closed']);
    expect(codeOf(await reservation('DELETE', ann.cookie))).toEqual([409, 'festival.reservations_closed']);
    expect((await admin('GET', `/festivals/${festival.id}`)).json().items[0].reservations).toBe(1);
  });

  it('many reservations of one item by one fan at the same moment are one, with one activity', async () => {
    await setUp({ requiresReservation: true });
    const fan = await signupFan(t.app);
    const answers = await Promise.all(Array.from({ length: 8 }, () => reservation('PUT', fan.cookie)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect((await admin('GET', `/festivals/${festival.id}`)).json().items[0].reservations).toBe(1);
    const timeline = (await call(t.app)('GET', '/api/fan/activities', fan.cookie)).json();
    expect(timeline.items.filter((a: { kind: string }) => a.kind === 'festival_reserved')).toHaveLength(1);
  });

  it('reservations need a signed-in fan, a festival that takes them, and an item of it', async () => {
    await setUp();
    const fan = await signupFan(t.app);
    expect(codeOf(await reservation('PUT', undefined))).toEqual([401, 'auth.unauthenticated']);
    expect(codeOf(await reservation('PUT', owner.cookie))).toEqual([401, 'auth.unauthenticated']);
    expect(codeOf(await reservation('PUT', fan.cookie))).toEqual([409, 'festival.reservation_not_required']);
    expect(codeOf(await reservation('PUT', fan.cookie, '00000000-0000-4000-8000-000000000000'))).toEqual([404, 'festival.item_not_found']);
    expect(codeOf(await reservation('PUT', fan.cookie, festival.items[0]!.id, 'no-such-festival'))).toEqual([404, 'festival.not_found']);
  });

  it('a member with early access sees their own opening, and the others the early-access window', async () => {
    const tier = await createTier(t.app, owner.cookie, { name: 'Gold', rank: 1 });
    await admin('PATCH', `/membership-tiers/${tier.id}`, { perks: [{ kind: 'early_access', minutes: 30 }] });
    await setUp();
    const [member, other] = [await signupFan(t.app), await signupFan(t.app)];
    await buyMembership(t, member, tier.id);
    const page = (await call(t.app)('GET', '/api/fan/festivals/fan-festival', member.cookie)).json();
    expect(page).toMatchObject({ earlyAccessMinutes: 30, eligibility: { state: 'not_started', opensAt: '2026-11-11T11:30:00.000Z' } });
    expect((await call(t.app)('GET', '/api/festivals')).json().festivals[0].opensAt).toBe('2026-11-11T12:00:00.000Z');
    clock.set('2026-11-11T11:45:00.000Z');
    expect((await call(t.app)('GET', '/api/fan/festivals/fan-festival', member.cookie)).json().eligibility.state).toBe('open');
    expect((await call(t.app)('GET', '/api/fan/festivals/fan-festival', other.cookie)).json().eligibility).toMatchObject({
      state: 'not_eligible',
      reason: 'early_access_only',
    });
    // The console freezes items once the first fans may attempt.
    expect(codeOf(await admin('POST', `/festivals/${festival.id}/unpublish`))).toEqual([409, 'festival.sale_opened']);
  });
});
