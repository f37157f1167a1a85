import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { deliverSandbox, signupFan } from '../../../test/factories.ts';
import { storeWithBuyer } from '../../../test/orders-factories.ts';

const DAY = 86_400_000;

/** Conversion to buyer per acquisition source (fan_signals' purchase copy, kept by the orders triggers). */
describe('fan quality per source: conversion to buyer', () => {
  const t = useTestApp();

  const store = () => storeWithBuyer(t);

  it('measures conversion to buyer per acquisition source: fans who ever paid for an order not fully refunded', async () => {
    const { h, buy } = await store();
    const follower = async (source?: string) => {
      const signedUp = await signupFan(t.app);
      await t.container.services.fans.follow(t.container.ctx({ kind: 'fan', fanId: signedUp.fan.id }, { now: () => new Date(Date.now() - DAY) }), source);
      return signedUp;
    };
    const shared = [await follower('share:abcd1234'), await follower('share:abcd1234')];
    const direct = [await follower(), await follower(), await follower(), await follower()];
    await buy(shared[0]!, 'CAP');
    await buy(shared[0]!, 'TEE'); // two orders: one buyer
    await buy(direct[0]!, 'CAP');
    const refunded = await buy(direct[1]!, 'TEE');
    await t.app.inject({ method: 'POST', url: `/api/admin/orders/${refunded.id}/refund`, headers: h, payload: {} });
    await deliverSandbox(t);
    // An unpaid order is not buying.
    await buy(direct[2]!, 'TEE', 1, false);
    // A buyer who never followed was acquired by no source.
    await buy(await signupFan(t.app), 'CAP');

    const res = await t.app.inject({ method: 'GET', url: '/api/admin/insights/quality', headers: h });
    expect(res.statusCode).toBe(200);
    const by = Object.fromEntries(res.json().sources.map((s: { source: string }) => [s.source, s]));
    expect(by.share).toMatchObject({ fans: 2, buyers: 1, buyerRate: 0.5 });
    expect(by.direct).toMatchObject({ fans: 4, buyers: 1, buyerRate: 0.25 });
    expect(by.article).toMatchObject({ fans: 0, buyers: 0, buyerRate: null });
  });
});
