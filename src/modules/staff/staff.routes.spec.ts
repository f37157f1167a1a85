import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { cookieOf, createOwner, createStaff, signupFan } from '../../../test/factories.ts';

describe('console: setup, sign-in and staff', () => {
  const t = useTestApp();

  it('answers who is signed in to the console with 200 either way: the member, or null for a visitor or a fan', async () => {
    const session = (cookie?: string) => t.app.inject({ method: 'GET', url: '/api/console/session', headers: cookie ? { cookie } : {} });
    const visitor = await session();
    expect([visitor.statusCode, visitor.json()]).toEqual([200, { staff: null }]);
    const owner = await createOwner(t.app);
    expect((await session(owner.cookie)).json().staff).toMatchObject({ email: owner.email, role: 'owner' });
    const fan = await signupFan(t.app);
    expect((await session(fan.cookie)).json()).toEqual({ staff: null });
    expect((await session('fb_staff=forged.value')).json()).toEqual({ staff: null });
    await t.app.inject({ method: 'POST', url: '/api/console/logout', headers: { cookie: owner.cookie } });
    expect((await session(owner.cookie)).json()).toEqual({ staff: null });
  });

  it('sets up the owner exactly once', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/console/setup' })).json()).toEqual({ needsSetup: true });
    const owner = await createOwner(t.app, { email: 'boss@example.com' });
    expect(owner.staff.role).toBe('owner');
    expect((await t.app.inject({ method: 'GET', url: '/api/console/setup' })).json()).toEqual({ needsSetup: false });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/console/setup',
      payload: { email: 'intruder@example.com', name: 'Intruder', password: 'intruder-pass' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup.already_done');
  });

  it('lets only one of two racing setups create an owner', async () => {
    const attempt = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/console/setup',
        payload: { email: `racer${i}@example.com`, name: `Racer ${i}`, password: 'racer-password' },
      });
    const results = await Promise.all([attempt(1), attempt(2), attempt(3)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('signs staff in and out', async () => {
    const owner = await createOwner(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/console/login',
      payload: { email: owner.email.toUpperCase(), password: owner.password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = cookieOf(login);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie } })).json().email).toBe(owner.email);
    expect((await t.app.inject({ method: 'POST', url: '/api/console/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie } })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'POST', url: '/api/console/login', payload: { email: owner.email, password: 'wrong-one' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('auth.invalid_credentials');
  });

  it('invites staff by a one-time link', async () => {
    const owner = await createOwner(t.app);
    const inv = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff/invitations',
      headers: { cookie: owner.cookie },
      payload: { email: 'New.Hire@example.com', name: 'New Hire' },
    });
    expect(inv.statusCode).toBe(201);
    const { url } = inv.json().invitation;
    expect(url).toMatch(/^http:\/\/fanbase\.test\/console\/invite\/[\w-]{20,}$/);
    const token = url.split('/').pop();
    const pending = await t.app.inject({ method: 'GET', url: '/api/admin/staff/invitations', headers: { cookie: owner.cookie } });
    expect(pending.json().items).toHaveLength(1);
    expect(pending.json().items[0].url).toBeUndefined();

    const preview = await t.app.inject({ method: 'GET', url: `/api/console/invitations/${token}` });
    expect(preview.json()).toMatchObject({ email: 'new.hire@example.com', name: 'New Hire' });
    const short = await t.app.inject({ method: 'POST', url: `/api/console/invitations/${token}/accept`, payload: { password: 'short' } });
    expect(short.statusCode).toBe(400);
    const accepted = await t.app.inject({ method: 'POST', url: `/api/console/invitations/${token}/accept`, payload: { password: 'a-good-password' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().staff).toMatchObject({ role: 'staff', email: 'new.hire@example.com' });
    const reused = await t.app.inject({ method: 'POST', url: `/api/console/invitations/${token}/accept`, payload: { password: 'a-good-password' } });
    expect(reused.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: { cookie: owner.cookie } });
    expect(list.json().items.map((s: { role: string }) => s.role)).toEqual(['owner', 'staff']);
  });

  it('lets only the owner invite and remove; nobody removes the owner', async () => {
    const owner = await createOwner(t.app);
    const member = await createStaff(t.app, owner.cookie);
    const other = await createStaff(t.app, owner.cookie);

    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff/invitations',
      headers: { cookie: member.cookie },
      payload: { email: 'x@example.com', name: 'X' },
    });
    expect(invite.statusCode).toBe(403);
    const removeOther = await t.app.inject({ method: 'DELETE', url: `/api/admin/staff/${other.staff.id}`, headers: { cookie: member.cookie } });
    expect(removeOther.statusCode).toBe(403);
    const removeOwner = await t.app.inject({ method: 'DELETE', url: `/api/admin/staff/${owner.staff.id}`, headers: { cookie: member.cookie } });
    expect(removeOwner.statusCode).toBe(403);
    const ownerSelf = await t.app.inject({ method: 'DELETE', url: `/api/admin/staff/${owner.staff.id}`, headers: { cookie: owner.cookie } });
    expect(ownerSelf.statusCode).toBe(403);
    expect(ownerSelf.json().error.code).toBe('staff.owner_protected');

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/admin/staff/${member.staff.id}`, headers: { cookie: owner.cookie } });
    expect(removed.statusCode).toBe(204);
    // The removed member's session stops working at once.
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie: member.cookie } })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/admin/staff/${member.staff.id}`, headers: { cookie: owner.cookie } });
    expect(again.statusCode).toBe(404);
  });

  it('refuses to invite an existing staff email', async () => {
    const owner = await createOwner(t.app, { email: 'me@example.com' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff/invitations',
      headers: { cookie: owner.cookie },
      payload: { email: 'ME@example.com', name: 'Me again' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('issues personal API tokens that work as Bearer on admin routes until revoked', async () => {
    const owner = await createOwner(t.app);
    const created = await t.app.inject({ method: 'POST', url: '/api/admin/tokens', headers: { cookie: owner.cookie }, payload: { name: 'export script' } });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret.startsWith(token.prefix)).toBe(true);
    const auth = { authorization: `Bearer ${secret}` };

    await signupFan(t.app, { displayName: 'Tokened' });
    const fans = await t.app.inject({ method: 'GET', url: '/api/admin/fans', headers: auth });
    expect(fans.statusCode).toBe(200);
    expect(fans.json().items[0].displayName).toBe('Tokened');

    const listed = await t.app.inject({ method: 'GET', url: '/api/admin/tokens', headers: auth });
    expect(listed.json().items[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.json())).not.toContain(secret);

    // Another staff member cannot revoke it.
    const member = await createStaff(t.app, owner.cookie);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/tokens/${token.id}`, headers: { cookie: member.cookie } })).statusCode).toBe(404);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/tokens/${token.id}`, headers: { cookie: owner.cookie } })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/admin/fans', headers: auth });
    expect(after.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/fans', headers: { authorization: 'Bearer fb_made_up' } })).statusCode).toBe(401);
  });

  it('lists and searches fans with their follow status', async () => {
    const owner = await createOwner(t.app);
    const ann = await signupFan(t.app, { displayName: 'Ann Lee', email: 'ann@example.com' });
    await signupFan(t.app, { displayName: 'Bob Wu', email: 'bob@example.com' });
    const cat = await signupFan(t.app, { displayName: 'Cat 100%', email: 'cat@example.com' });
    await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie: ann.cookie }, payload: {} });
    await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie: cat.cookie }, payload: {} });
    await t.app.inject({ method: 'DELETE', url: '/api/fan/follow', headers: { cookie: cat.cookie } });
    const h = { cookie: owner.cookie };

    const all = (await t.app.inject({ method: 'GET', url: '/api/admin/fans?pageSize=2', headers: h })).json();
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    const page2 = (await t.app.inject({ method: 'GET', url: '/api/admin/fans?pageSize=2&page=2', headers: h })).json();
    expect(page2.items).toHaveLength(1);

    const byName = (await t.app.inject({ method: 'GET', url: '/api/admin/fans?q=bob', headers: h })).json();
    expect(byName.items.map((f: { displayName: string }) => f.displayName)).toEqual(['Bob Wu']);
    const byEmail = (await t.app.inject({ method: 'GET', url: '/api/admin/fans?q=ANN@EXAMPLE', headers: h })).json();
    expect(byEmail.total).toBe(1);
    const literalPercent = (await t.app.inject({ method: 'GET', url: `/api/admin/fans?q=${encodeURIComponent('100%')}`, headers: h })).json();
    expect(literalPercent.items.map((f: { displayName: string }) => f.displayName)).toEqual(['Cat 100%']);

    const statuses = async (status: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/admin/fans?status=${status}`, headers: h })).json().items.map((f: { displayName: string }) => f.displayName);
    expect(await statuses('following')).toEqual(['Ann Lee']);
    expect(await statuses('unfollowed')).toEqual(['Cat 100%']);
    expect(await statuses('never_followed')).toEqual(['Bob Wu']);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/fans?status=vip', headers: h })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/fans?pageSize=1000', headers: h })).statusCode).toBe(400);

    const stats = (await t.app.inject({ method: 'GET', url: '/api/admin/stats', headers: h })).json();
    expect(stats).toEqual({ fans: 3, followers: 1 });

    const page = (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${cat.fan.id}`, headers: h })).json();
    expect(page).toMatchObject({ displayName: 'Cat 100%', status: 'unfollowed', followingSince: null });
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${cat.fan.id}/activities`, headers: h })).json();
    expect(timeline.items.map((a: { kind: string }) => a.kind)).toEqual(['unfollowed', 'followed']);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/fans/00000000-0000-4000-8000-000000000000', headers: h })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/fans/not-a-uuid', headers: h })).statusCode).toBe(400);
  });

  it('edits channel settings with validation', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/channel', headers: h })).json()).toMatchObject({ name: 'Fanbase', updatedAt: null });
    const bad = await t.app.inject({ method: 'PUT', url: '/api/admin/channel', headers: h, payload: { name: '  ', description: 'x' } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/admin/channel', headers: h, payload: { name: ' Mi Home ', description: 'Hello' } });
    expect(ok.json()).toMatchObject({ name: 'Mi Home', description: 'Hello' });
  });
});
