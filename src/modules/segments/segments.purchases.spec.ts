import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { deliverSandbox, signupFan } from '../../../test/factories.ts';
import { storeWithBuyer } from '../../../test/orders-factories.ts';

const DAY = 86_400_000;

/** Segments on what fans bought in the store (fan_signals' purchase copy, kept by the orders triggers). */
describe('segments by spend and last purchase', () => {
  const t = useTestApp();

  const store = () => storeWithBuyer(t);

  it('counts, lists and saves segments by spend and by last purchase (within days, before a day, never)', async () => {
    const { owner, h, buy } = await store();
    const [big, small, refunded, never] = await Promise.all([1, 2, 3, 4].map(() => signupFan(t.app)));
    await buy(big!, 'TEE', 2); // 19,800
    await buy(small!, 'CAP'); // 3,000
    const gone = await buy(refunded!, 'TEE');
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/orders/${gone.id}/refund`, headers: h, payload: {} })).statusCode).toBe(200);
    await deliverSandbox(t);

    const preview = (filter: object, headers = h) => t.app.inject({ method: 'POST', url: '/api/admin/segments/preview', headers, payload: { filter } });
    const count = async (filter: object) => {
      const res = await preview(filter);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().count;
    };
    expect(await count({})).toBe(4);
    expect(await count({ spendMinMinor: 10_000 })).toBe(1);
    expect(await count({ spendMinMinor: 3_000 })).toBe(2);
    expect(await count({ spendMinMinor: 1, spendMaxMinor: 5_000 })).toBe(1);
    expect(await count({ spendMaxMinor: 5_000 })).toBe(3); // never bought and refunded spent 0
    expect(await count({ spendMinMinor: 0 })).toBe(4);
    expect(await count({ purchasedWithinDays: 7 })).toBe(2);
    expect(await count({ neverPurchased: true })).toBe(2); // a fully refunded order is no purchase
    // Today's purchases are not before tomorrow, and are before no earlier day.
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    expect(await count({ lastPurchaseBefore: tomorrow })).toBe(2);
    expect(await count({ lastPurchaseBefore: yesterday })).toBe(0);
    // Seen from 10 days on, the purchases are older than 7 days.
    const later = t.container.ctx({ kind: 'staff', staffId: owner.staff.id, role: 'owner' }, { now: () => new Date(Date.now() + 10 * DAY) });
    expect(await t.container.services.segments.preview(later, { purchasedWithinDays: 7 })).toEqual({ count: 0 });

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/segments',
      headers: h,
      payload: { name: 'Big spenders', filter: { spendMinMinor: 10_000, purchasedWithinDays: 30 } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ count: 1, filter: { spendMinMinor: 10_000, purchasedWithinDays: 30 } });
    const listed = (await t.app.inject({ method: 'GET', url: `/api/admin/segments/${created.json().id}/fans`, headers: h })).json();
    expect(listed.items.map((f: { id: string }) => f.id)).toEqual([big!.fan.id]);
    const nevers = (
      await t.app.inject({ method: 'POST', url: '/api/admin/segments', headers: h, payload: { name: 'Never bought', filter: { neverPurchased: true } } })
    ).json();
    const neverFans = (await t.app.inject({ method: 'GET', url: `/api/admin/segments/${nevers.id}/fans`, headers: h })).json();
    expect(neverFans.items.map((f: { id: string }) => f.id).sort()).toEqual([refunded!.fan.id, never!.fan.id].sort());

    // Bad input: 400 with the field's path; nothing saved.
    for (const [bad, path] of [
      [{ spendMinMinor: -1 }, 'filter.spendMinMinor'],
      [{ spendMinMinor: 1.5 }, 'filter.spendMinMinor'],
      [{ spendMaxMinor: 100_000_000_001 }, 'filter.spendMaxMinor'],
      [{ spendMinMinor: 5_000, spendMaxMinor: 4_999 }, 'filter.spendMaxMinor'],
      [{ purchasedWithinDays: 0 }, 'filter.purchasedWithinDays'],
      [{ purchasedWithinDays: 3651 }, 'filter.purchasedWithinDays'],
      [{ lastPurchaseBefore: '2026-02-30' }, 'filter.lastPurchaseBefore'],
      [{ lastPurchaseBefore: 'yesterday' }, 'filter.lastPurchaseBefore'],
      [{ neverPurchased: false }, 'filter.neverPurchased'],
    ] as const) {
      const res = await preview(bad);
      expect([res.statusCode, res.json().error.code], JSON.stringify(bad)).toEqual([400, 'validation_failed']);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const reversed = await preview({ spendMinMinor: 5_000, spendMaxMinor: 4_999 });
    expect(reversed.json().error.details[0]).toMatchObject({ issue: 'too_small', params: { minimum: 5_000 } });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/segments', headers: h })).json().items).toHaveLength(2);
    // A fan never counts segments.
    expect((await preview({ neverPurchased: true }, { cookie: never!.cookie })).statusCode).toBe(403);
  });
});
