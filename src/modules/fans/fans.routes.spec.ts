import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { cookieOf, createOwner, signupFan } from '../../../test/factories.ts';

describe('fan site: accounts and follows', () => {
  const t = useTestApp();

  it('signs a fan up, keeps them signed in by cookie, and answers /me', async () => {
    const { cookie, fan } = await signupFan(t.app, { email: 'Mi.Fan@Example.com', displayName: 'Mi Fan' });
    expect(fan.email).toBe('mi.fan@example.com');
    const setCookie = (await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: 'mi.fan@example.com', password: 'fan-password-1' } }))
      .headers['set-cookie'];
    expect(String(setCookie)).toMatch(/HttpOnly/);
    expect(String(setCookie)).toMatch(/SameSite=Lax/);
    const me = await t.app.inject({ method: 'GET', url: '/api/fan/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ displayName: 'Mi Fan', following: false, followingSince: null });
  });

  it('rejects bad sign-up input with field paths and stores nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/fan/signup',
      payload: { email: 'not-an-email', password: 'short', displayName: '' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['displayName', 'email', 'password']);
    const owner = await createOwner(t.app);
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/fans', headers: { cookie: owner.cookie } });
    expect(list.json().total).toBe(0);
  });

  it('answers 409 for an email already registered (case-insensitive)', async () => {
    await signupFan(t.app, { email: 'twice@example.com' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/fan/signup',
      payload: { email: 'TWICE@example.com', password: 'another-pass', displayName: 'Again' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'fan.email_taken' });
  });

  it('refuses a wrong password without saying whether the email exists', async () => {
    await signupFan(t.app, { email: 'known@example.com' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: 'known@example.com', password: 'nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: 'ghost@example.com', password: 'nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('follows and unfollows, recording each change as a timeline activity', async () => {
    const { cookie } = await signupFan(t.app);
    const f = await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: {} });
    expect(f.statusCode).toBe(200);
    expect(f.json().following).toBe(true);
    expect(f.json().followingSince).not.toBeNull();
    const u = await t.app.inject({ method: 'DELETE', url: '/api/fan/follow', headers: { cookie } });
    expect(u.json()).toMatchObject({ following: false, followingSince: null });
    await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: { source: 'share:abc123' } });

    const acts = await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie } });
    expect(acts.json().items.map((a: { kind: string; source: string }) => `${a.kind}/${a.source}`)).toEqual([
      'followed/share:abc123',
      'unfollowed/direct',
      'followed/direct',
    ]);
  });

  it('rejects an unknown follow source', async () => {
    const { cookie } = await signupFan(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: { source: 'billboard' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('source');
  });

  it('keeps one activity when the same fan follows many times at once', async () => {
    const { cookie } = await signupFan(t.app);
    const results = await Promise.all(Array.from({ length: 8 }, () => t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: {} })));
    expect(results.every((r) => r.statusCode === 200 && r.json().following)).toBe(true);
    const acts = await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie } });
    expect(acts.json().items).toHaveLength(1);
    // An unfollow of someone not following changes nothing either.
    await t.app.inject({ method: 'DELETE', url: '/api/fan/follow', headers: { cookie } });
    await t.app.inject({ method: 'DELETE', url: '/api/fan/follow', headers: { cookie } });
    const after = await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie } });
    expect(after.json().items.map((a: { kind: string }) => a.kind)).toEqual(['unfollowed', 'followed']);
  });

  it('pages the timeline with a cursor, newest first', async () => {
    const { cookie } = await signupFan(t.app);
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: {} });
      await t.app.inject({ method: 'DELETE', url: '/api/fan/follow', headers: { cookie } });
    }
    const first = (await t.app.inject({ method: 'GET', url: '/api/fan/activities?limit=4', headers: { cookie } })).json();
    expect(first.items).toHaveLength(4);
    const second = (await t.app.inject({ method: 'GET', url: `/api/fan/activities?limit=4&cursor=${first.nextCursor}`, headers: { cookie } })).json();
    const third = (await t.app.inject({ method: 'GET', url: `/api/fan/activities?limit=4&cursor=${second.nextCursor}`, headers: { cookie } })).json();
    expect(third.items).toHaveLength(2);
    expect(third.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((a: { id: string }) => Number(a.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(10);
  });

  it('a fan only ever sees their own timeline', async () => {
    const a = await signupFan(t.app);
    const b = await signupFan(t.app);
    await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie: a.cookie }, payload: {} });
    const bActs = await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie: b.cookie } });
    expect(bActs.json().items).toEqual([]);
    // Another fan's id in the query string is ignored (not a parameter at all).
    const probe = await t.app.inject({ method: 'GET', url: `/api/fan/activities?fanId=${a.fan.id}`, headers: { cookie: b.cookie } });
    expect(probe.json().items).toEqual([]);
    // And the staff fan page is closed to fans.
    const staffView = await t.app.inject({ method: 'GET', url: `/api/admin/fans/${a.fan.id}/activities`, headers: { cookie: b.cookie } });
    expect(staffView.statusCode).toBe(403);
  });

  it('needs a session for /me and follow, and logout ends it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/fan/follow', payload: {} })).statusCode).toBe(401);
    const { cookie } = await signupFan(t.app);
    const out = await t.app.inject({ method: 'POST', url: '/api/fan/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('answers /session with the fan, or null for a visitor, without a 401', async () => {
    const visitor = await t.app.inject({ method: 'GET', url: '/api/fan/session' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ fan: null });
    const { cookie, fan } = await signupFan(t.app, { displayName: 'Session Fan' });
    const signedIn = await t.app.inject({ method: 'GET', url: '/api/fan/session', headers: { cookie } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().fan).toMatchObject({ id: fan.id, displayName: 'Session Fan', following: false });
    await t.app.inject({ method: 'POST', url: '/api/fan/logout', headers: { cookie } });
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/session', headers: { cookie } })).json()).toEqual({ fan: null });
  });

  it('ignores a forged (unsigned) session cookie', async () => {
    const { cookie } = await signupFan(t.app);
    const raw = cookie.split('=')[1]!.split('.')[0]!;
    const res = await t.app.inject({ method: 'GET', url: '/api/fan/me', headers: { cookie: `fb_fan=${raw}` } });
    expect(res.statusCode).toBe(401);
  });

  it('shows the channel profile with the live follower count', async () => {
    const owner = await createOwner(t.app);
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/channel',
      headers: { cookie: owner.cookie },
      payload: { name: '小米社区', description: 'For Mi fans' },
    });
    const { cookie } = await signupFan(t.app);
    await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: {} });
    const res = await t.app.inject({ method: 'GET', url: '/api/channel' });
    expect(res.json()).toEqual({ name: '小米社区', description: 'For Mi fans', followerCount: 1 });
  });

  it('limits repeated sign-in attempts with 429', async () => {
    const { email } = await signupFan(t.app);
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email, password: 'wrong-password' } });
      last = res.statusCode;
      if (i < 10) expect(res.statusCode).toBe(401);
    }
    expect(last).toBe(429);
    const res = await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email, password: 'fan-password-1' } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
    expect(cookieOf(res)).toBe('');
  });
});
