import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { TEST_BASE_URL, useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import { checkout, publishedProduct, putLine, stockOf } from '../../../test/orders-factories.ts';
import { createContainer } from '../../container.ts';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('order expiry on the job queue, across a restart', () => {
  const t = useTestApp({}, { container: { orderPaymentWindowMinutes: 30 } });

  it('the job sent at the deadline cancels the order once in the next process; the sweep after it changes nothing', async () => {
    const owner = await createOwner(t.app);
    const fan = await signupFan(t.app);
    const { variant } = await publishedProduct(t, owner.cookie, [{ sku: 'CAP', priceMinor: 3_000, stock: 2 }]);
    await putLine(t, fan.cookie, variant.CAP!, 2);
    const res = await checkout(t, fan.cookie);
    expect(res.statusCode, res.body).toBe(201);
    const { order } = res.json();
    // ORDER_PAYMENT_WINDOW_MINUTES (here 30) sets the deadline.
    expect(new Date(order.paymentDeadline).getTime() - new Date(order.createdAt).getTime()).toBe(30 * 60_000);

    // This process stops before the deadline; the next one starts an hour later.
    await t.container.queue.stop();
    const later = new Date(Date.now() + 60 * 60_000);
    const next = createContainer(t.database, { publicBaseUrl: TEST_BASE_URL, log: pino({ level: 'silent' }), now: () => later });
    try {
      await t.database.db.execute(sql`update pgboss.job set start_after = now() where name = 'order.expire'`);
      await next.queue.drain(['order.expire']);
      const ctx = next.ctx({ kind: 'system' });
      expect((await next.services.orders.get(ctx, order.id)).status).toBe('canceled');
      expect(await stockOf(t, [variant.CAP!])).toEqual({ [variant.CAP!]: { stock: 2, reserved: 0 } });
      // The sweep (and the job again) find nothing left: one cancellation, one release, one activity.
      expect(await next.services.orders.expireDue(ctx)).toBe(0);
      await next.queue.drain();
      expect(await stockOf(t, [variant.CAP!])).toEqual({ [variant.CAP!]: { stock: 2, reserved: 0 } });
      const canceled = rows<{ n: string }>(
        await t.database.db.execute(sql`select count(*)::text as n from fan_activities where fan_id = ${fan.fan.id} and kind = 'order_canceled'`),
      );
      expect(canceled[0]!.n).toBe('1');
    } finally {
      await next.queue.stop();
      await next.stream.stop();
    }
  });
});
