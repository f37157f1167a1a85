import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { attemptOf, boardFestival } from '../../src/modules/festival/board/board-test-kit.ts';
import { LIFTED_BOT_LIMITS } from '../../src/modules/festival/festival-test-kit.ts';
import { call, testClock } from '../../src/modules/festival/festival-test-kit.ts';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { browserEnabled, LAPTOP, shot, signInAs, useBrowser, watchConsoleErrors } from './browser.ts';

const cardText = (page: Page, key: string) => page.getByTestId(key).locator('.ant-statistic-content').textContent();

describe.skipIf(!browserEnabled)('browser: the live festival board and the after-festival report', () => {
  const clock = testClock();
  // Eight fans trying every second: the bot checks' limits lifted (refusals are added by hand below).
  const t = useTestApp({}, { container: { now: clock.now, festivalBotLimits: LIFTED_BOT_LIMITS } });
  const browser = useBrowser(t);
  const attempt = attemptOf(t);

  it('the board shows the figures and they change after attempts; the report shows the funnel, in both languages', { timeout: 180_000 }, async () => {
    const owner = await createOwner(t.app);
    const f = await boardFestival(t.app, owner, { quota: 10, perFanLimit: 2 }, { requiresReservation: true });
    const fans = [];
    for (let i = 0; i < 8; i++) fans.push(await signupFan(t.app));
    for (const fan of fans) {
      const res = await call(t.app)('PUT', `/api/fan/festivals/fan-festival/items/${f.itemId}/reservation`, fan.cookie);
      expect(res.statusCode).toBe(200);
    }
    clock.set('2026-11-11T12:30:00.000Z');

    await signInAs(browser, owner.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(LAPTOP);
    const consoleErrors = watchConsoleErrors(page);
    await page.goto(`${browser.base}/console/festivals/${f.id}`);
    await page.getByTestId('festival-tabs').getByText('Live board').click();
    await page.waitForURL(`${browser.base}/console/festivals/${f.id}/board`);
    await expect.poll(() => page.getByTestId('board-connection').getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
    expect(await cardText(page, 'board-card-participants')).toBe('0');
    expect(await cardText(page, 'board-card-units')).toBe('0 / 15');

    // A burst over a few seconds: wins until the quota is gone, then sold out.
    let n = 0;
    for (let second = 0; second < 6; second++) {
      clock.set(`2026-11-11T12:30:0${second}.000Z`);
      await Promise.all(fans.map((fan) => attempt(fan.cookie, f.itemId, `k-${n++}`)));
    }
    clock.set('2026-11-11T12:30:08.000Z');
    await expect.poll(() => cardText(page, 'board-card-participants'), { timeout: 30_000 }).toBe('8');
    await expect.poll(() => cardText(page, 'board-card-units'), { timeout: 30_000 }).toBe('10 / 5');
    await expect.poll(() => page.getByTestId('board-items').textContent()).toContain('Festival phone — Black (phone-black)');
    expect(await cardText(page, 'board-card-gmv')).toBe('¥590.00');
    await page.waitForTimeout(1_500);
    await shot(page, 'console-festival-board-en');
    await page.evaluate(`localStorage.setItem('fanbase.lang', 'zh-CN')`);
    await page.reload();
    await expect.poll(() => page.getByTestId('board-connection').textContent(), { timeout: 30_000 }).toBe('实时');
    await expect.poll(() => cardText(page, 'board-card-units'), { timeout: 30_000 }).toBe('10 / 5');
    await page.waitForTimeout(1_500);
    await shot(page, 'console-festival-board-zh-CN');

    // After the festival: some orders paid, one expired, a few attempts refused by the bot checks.
    const db = t.container.database.db;
    await db.execute(sql`update orders set status = 'paid', paid_at = '2026-11-11T12:40:00Z' where id in (select id from orders order by number limit 3)`);
    await db.execute(
      sql`update orders set status = 'canceled', cancel_reason = 'expired', canceled_at = '2026-11-11T12:46:00Z' where id in (select id from orders where status = 'pending_payment' order by number limit 1)`,
    );
    for (let i = 0; i < 5; i++) t.container.attemptStats.record(f.id, { answer: 'refused', reason: 'fan_rate', ms: 1, fanId: fans[0]!.fan.id }, clock.now());
    await t.container.attemptStats.flush();
    clock.set('2026-11-11T21:00:00.000Z');
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.evaluate(`localStorage.setItem('fanbase.lang', '${lang}')`);
      await page.goto(`${browser.base}/console/festivals/${f.id}/board`);
      await page
        .getByTestId('festival-tabs')
        .getByText(lang === 'en' ? 'Report' : '报告', { exact: true })
        .click();
      await page.waitForURL(`${browser.base}/console/festivals/${f.id}/report`);
      await page.getByTestId('report-funnel-chart').locator('canvas').waitFor();
      expect(await cardText(page, 'report-card-reservations')).toBe('8');
      expect(await cardText(page, 'report-card-orders')).toBe('10');
      expect(await cardText(page, 'report-card-paid')).toBe('3');
      expect(await cardText(page, 'report-card-refusals')).toBe('5');
      expect(await page.getByTestId('report-items').textContent()).toContain(lang === 'en' ? 'Total' : '合计');
      expect(await page.getByTestId('report-csv').getAttribute('href')).toBe(`/api/admin/festivals/${f.id}/report.csv`);
      await page.waitForTimeout(800);
      await shot(page, `console-festival-report-${lang}`);
    }
    expect(consoleErrors).toEqual([]);
  });
});
