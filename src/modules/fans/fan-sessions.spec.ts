import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signupFan } from '../../../test/factories.ts';

/**
 * A fan's session is remembered by each server process for 5 seconds (a festival's attempts are
 * answered without a query for it): a sign-out here applies at once, one elsewhere within 5 s.
 */
describe('fan sessions remembered for a few seconds', () => {
  let at = new Date('2026-11-11T12:00:00.000Z');
  const clock = { now: () => new Date(at), set: (iso: string) => void (at = new Date(iso)) };
  const t = useTestApp({}, { container: { now: clock.now } });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/fan/me', headers: { cookie } });

  it('a session ended by another process (its row gone) still opens /me for at most 5 seconds; a sign-out here ends it at once', async () => {
    clock.set('2026-11-11T12:00:00.000Z');
    const a = await signupFan(t.app);
    expect((await me(a.cookie)).statusCode).toBe(200);
    // Another server process signed the fan out: the row is gone, this process remembers it.
    await t.container.database.db.execute(sql`delete from sessions where subject_id = ${a.fan.id}`);
    clock.set('2026-11-11T12:00:04.000Z');
    expect((await me(a.cookie)).statusCode).toBe(200);
    clock.set('2026-11-11T12:00:05.500Z');
    expect((await me(a.cookie)).statusCode).toBe(401);

    const b = await signupFan(t.app);
    expect((await me(b.cookie)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/fan/logout', headers: { cookie: b.cookie } })).statusCode).toBeLessThan(300);
    expect((await me(b.cookie)).statusCode).toBe(401);
  });
});
