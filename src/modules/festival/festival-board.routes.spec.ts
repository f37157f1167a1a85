import type { AddressInfo } from 'node:net';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import { attemptOf, boardFestival, openStream } from './board/board-test-kit.ts';
import { call, codeOf, gateOptions, testClock } from './festival-test-kit.ts';

/** Generous: a busy machine, and Redis figures flushed every 250 ms. */
const WAIT = 30_000;
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

describe('the live festival board over server-sent events', () => {
  const clock = testClock();
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions(), festivalBoardIntervalMs: 50 } });
  const attempt = attemptOf(t);
  let base = '';
  let owner: Awaited<ReturnType<typeof createOwner>>;

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  beforeEach(async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    owner = await createOwner(t.app);
  });

  it('two viewers get the same frames; the figures move after attempts; the ticker stops when the last viewer leaves', async () => {
    const f = await boardFestival(t.app, owner, { quota: 3, perFanLimit: 2 });
    clock.set('2026-11-11T12:30:00.000Z');
    const path = `/api/admin/festivals/${f.id}/board/stream`;
    const [a, b] = [await openStream(base, path, owner.cookie), await openStream(base, path, owner.cookie)];
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.contentType).toMatch(/^text\/event-stream/);
    const first = await a.next();
    expect(byId(first.items)).toEqual(
      byId([
        { id: f.itemId, quota: 3, sold: 0, remaining: 3 },
        { id: f.otherItemId, quota: 5, sold: 0, remaining: 5 },
      ]),
    );
    expect(first.figures.totals.attempts).toBe(0);
    // One computation for both: the festival has one ticker, watched twice.
    expect(t.container.services.festivalBoard.watched()).toEqual(new Map([[f.id, 2]]));

    const fans = [await signupFan(t.app), await signupFan(t.app)];
    const answers = await Promise.all([
      attempt(fans[0]!.cookie, f.itemId, 'a', 2),
      attempt(fans[1]!.cookie, f.itemId, 'b', 2),
      attempt(fans[1]!.cookie, f.otherItemId, 'c'),
    ]);
    expect(answers.map((r) => r.json().answer).sort()).toEqual(['sold_out', 'won', 'won']);
    const moved = (v: typeof a) => v.next((fr) => fr.figures.totals.attempts === 3);
    const [fa, fb] = await Promise.all([moved(a), moved(b)]);
    for (const frame of [fa, fb]) {
      expect(frame.figures.totals).toMatchObject({ attempts: 3, unitsWon: 3, wonMinor: 2 * 5_900 + 8_900, participants: 2 });
      expect(frame.figures.totals.byAnswer).toMatchObject({ won: 2, sold_out: 1 });
      expect(byId(frame.items)).toEqual(
        byId([
          { id: f.itemId, quota: 3, sold: 2, remaining: 1 },
          { id: f.otherItemId, quota: 5, sold: 1, remaining: 4 },
        ]),
      );
    }

    a.close();
    await expect.poll(() => t.container.services.festivalBoard.watched().get(f.id), { timeout: WAIT }).toBe(1);
    b.close();
    await expect.poll(() => t.container.services.festivalBoard.watched().size, { timeout: WAIT }).toBe(0);
    const framesWhenLeft = b.frames.length;
    // Nobody watches: no more frames computed (and none sent).
    await new Promise((r) => setTimeout(r, 200));
    expect(b.frames.length).toBe(framesWhenLeft);
  }, 90_000);

  it('staff only: a fan is refused (403), a visitor asked to sign in (401), an unknown festival is 404', async () => {
    const f = await boardFestival(t.app, owner, { quota: 3, perFanLimit: 2 });
    const fan = await signupFan(t.app);
    const path = `/api/admin/festivals/${f.id}/board/stream`;
    expect(codeOf(await call(t.app)('GET', path, fan.cookie))).toEqual([403, 'auth.forbidden']);
    expect(codeOf(await call(t.app)('GET', path))[0]).toBe(401);
    expect(codeOf(await call(t.app)('GET', `/api/admin/festivals/00000000-0000-4000-8000-000000000000/board/stream`, owner.cookie))).toEqual([
      404,
      'festival.not_found',
    ]);
    const viewer = await openStream(base, path, fan.cookie);
    expect(viewer.status).toBe(403);
    expect(viewer.frames).toEqual([]);
    expect(t.container.services.festivalBoard.watched().size).toBe(0);
  });

  it('is documented as text/event-stream in the OpenAPI document', async () => {
    const doc = (await call(t.app)('GET', '/openapi.json')).json();
    const op = doc.paths['/api/admin/festivals/{id}/board/stream'].get;
    expect(Object.keys(op.responses['200'].content)).toEqual(['text/event-stream']);
  });
});
