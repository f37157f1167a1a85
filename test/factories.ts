import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Container } from '../src/container.ts';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** `name=value` pairs from Set-Cookie, ready for a Cookie header. */
export function cookieOf(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export async function createOwner(app: FastifyInstance, over: Partial<{ email: string; name: string; password: string }> = {}) {
  const body = { email: `owner-${unique()}@example.com`, name: 'Olivia Owner', password: 'owner-password-1', ...over };
  const res = await app.inject({ method: 'POST', url: '/api/console/setup', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { cookie: cookieOf(res), staff: res.json().staff as { id: string; email: string; role: string }, ...body };
}

/** Owner invites, the invitee accepts: a signed-in non-owner staff member. */
export async function createStaff(app: FastifyInstance, ownerCookie: string) {
  const email = `staff-${unique()}@example.com`;
  const inv = await app.inject({
    method: 'POST',
    url: '/api/admin/staff/invitations',
    headers: { cookie: ownerCookie },
    payload: { email, name: 'Sam Staff' },
  });
  expect(inv.statusCode, inv.body).toBe(201);
  const token = String(inv.json().invitation.url).split('/').pop()!;
  const res = await app.inject({
    method: 'POST',
    url: `/api/console/invitations/${token}/accept`,
    payload: { password: 'staff-password-1' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: cookieOf(res), staff: res.json().staff as { id: string; email: string; role: string }, email };
}

export async function signupFan(app: FastifyInstance, over: Partial<{ email: string; displayName: string; password: string }> = {}) {
  const body = { email: `fan-${unique()}@example.com`, displayName: 'Fiona Fan', password: 'fan-password-1', ...over };
  const res = await app.inject({ method: 'POST', url: '/api/fan/signup', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { cookie: cookieOf(res), fan: res.json().fan as { id: string; email: string }, ...body };
}

/**
 * A new fan and a payment asked of them through the default provider (a membership of ¥19.90
 * unless told otherwise), as the module owning the reference would ask for it.
 */
export async function newPayment(t: { app: FastifyInstance; container: Container }, amountMinor = 1_990, referenceType: 'membership' | 'order' = 'membership') {
  const fan = await signupFan(t.app);
  const { payment, action } = await t.container.services.payments.create(t.container.ctx({ kind: 'system' }), {
    fanId: fan.fan.id,
    referenceType,
    channel: referenceType === 'order' ? 'store' : 'membership',
    referenceId: `ref-${fan.fan.id}`,
    description: 'Gold membership, 1 month',
    amountMinor,
    currency: 'CNY',
    returnUrl: '/membership',
  });
  return { fan, payment, action };
}

/** A membership tier, made by staff through the console's route. */
export async function createTier(
  app: FastifyInstance,
  cookie: string,
  over: { name: string; rank: number; monthlyPriceMinor?: number; yearlyPriceMinor?: number },
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/admin/membership-tiers',
    headers: { cookie },
    payload: { monthlyPriceMinor: 1_000 * over.rank, yearlyPriceMinor: 10_000 * over.rank, ...over },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; rank: number };
}

/**
 * The fan buys a period of a tier as on the membership page: checkout, the sandbox page's pay
 * button, then the gateway's notification, delivered in-process. Answers the purchase.
 */
export async function buyMembership(
  t: { app: FastifyInstance; container: Container },
  fan: { cookie: string },
  tierId: string,
  interval: 'month' | 'year' = 'month',
) {
  const checkout = await t.app.inject({ method: 'POST', url: '/api/fan/membership/checkout', headers: { cookie: fan.cookie }, payload: { tierId, interval } });
  expect(checkout.statusCode, checkout.body).toBe(201);
  const { purchase, action } = checkout.json();
  const pay = await t.app.inject({ method: 'POST', url: `/sandbox/pay/${String(action.url).split('/').pop()}/pay`, headers: { cookie: fan.cookie } });
  expect(pay.statusCode).toBe(303);
  await deliverSandbox(t);
  return purchase as { id: string; kind: string };
}

/** The sandbox gateway's due notifications (paid, refunded…), delivered to the app in-process as over HTTP. */
export function deliverSandbox(t: { app: FastifyInstance; container: Container }) {
  return t.container.services.sandbox.deliverDue(
    t.container.ctx({ kind: 'system' }),
    async (headers, body) => (await t.app.inject({ method: 'POST', url: '/api/payments/notifications/sandbox', headers, payload: body })).statusCode,
  );
}

/** A fan's membership as fan_signals copies it (what loyalty rules and segments read). */
export async function membershipSignals(t: { container: Container }, fanId: string) {
  const result = await t.container.database.db.execute(sql`
    select membership_status as status, membership_tier_id as "tierId", membership_rank as rank, membership_months as months,
      membership_paid_at is not null as paid
    from fan_signals where fan_id = ${fanId}`);
  return (result as unknown as { rows: { status: string; tierId: string | null; rank: number; months: number; paid: boolean }[] }).rows[0];
}
