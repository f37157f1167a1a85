import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import { sandboxPay } from '../../../test/orders-factories.ts';
import { attemptWith, call, codeOf, gateOptions, setUpFestival, testClock } from './festival-test-kit.ts';

const address = { name: 'Fiona Fan', phone: '+86 138 0000 0000', region: 'Shanghai, Pudong', line: '1 Century Avenue, room 1' };

/** A festival order is made without an address: the fan gives it when paying, then pays as for any order. */
describe('paying a festival order', () => {
  const clock = testClock();
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions() } });
  const attempt = attemptWith(t);

  beforeEach(() => clock.set('2026-11-01T00:00:00.000Z'));

  it('needs the address first; with it the payment starts, the order keeps the address and is paid by the sandbox', async () => {
    const owner = await createOwner(t.app);
    const f = await setUpFestival(t.app, owner.cookie, { quota: 10, perFanLimit: 2 });
    clock.set('2026-11-11T12:30:00.000Z');
    const fan = await signupFan(t.app);
    const won = (await attempt(fan.cookie, f.itemId, 'k', { quantity: 2 })).json();
    expect(won).toMatchObject({ answer: 'won' });
    const pay = (payload?: object) => call(t.app)('POST', `/api/fan/orders/${won.order.id}/pay`, fan.cookie, payload);
    expect(codeOf(await pay())).toEqual([409, 'order.address_required']);
    expect((await pay({ address: { ...address, phone: 'call me' } })).statusCode).toBe(400);
    const started = await pay({ address });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().order).toMatchObject({ channel: 'festival', address: { ...address, postcode: '' }, canPay: true });
    // Paying again (a new payment) keeps the address; the sandbox's notification marks it paid.
    const again = await pay();
    expect(again.statusCode, again.body).toBe(200);
    await sandboxPay(t, fan.cookie, again.json().action.url);
    const order = (await call(t.app)('GET', `/api/fan/orders/${won.order.id}`, fan.cookie)).json();
    expect(order).toMatchObject({ status: 'paid', address: { name: 'Fiona Fan' }, totalMinor: 11_800 });
  }, 60_000);
});
