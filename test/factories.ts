import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
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
