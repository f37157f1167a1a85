import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { boardFestival, openStream } from '../src/modules/festival/board/board-test-kit.ts';
import { gateOptions, testClock } from '../src/modules/festival/festival-test-kit.ts';
import { useTestApp } from './app.ts';
import { createOwner } from './factories.ts';

describe('the server shuts down while the live festival board is open', () => {
  const clock = testClock();
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions(), festivalBoardIntervalMs: 50 } });

  it('ends the stream and completes its close (an open stream does not hold it)', async () => {
    const owner = await createOwner(t.app);
    const f = await boardFestival(t.app, owner, { quota: 3, perFanLimit: 2 });
    const other = await buildApp(t.container, { sessionSecret: 'test-secret-test-secret-test-secret-0123', secureCookies: false, logger: false });
    await other.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(other.server.address() as AddressInfo).port}`;
    const viewer = await openStream(base, `/api/admin/festivals/${f.id}/board/stream`, owner.cookie);
    await viewer.next();
    expect(t.container.services.festivalBoard.watched().get(f.id)).toBe(1);
    const closed = other.close().then(() => 'closed');
    const late = new Promise((r) => setTimeout(() => r('still open'), 30_000).unref());
    expect(await Promise.race([closed, late])).toBe('closed');
    await viewer.ended;
    expect(t.container.services.festivalBoard.watched().size).toBe(0);
  }, 90_000);
});
