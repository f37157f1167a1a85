import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpFestival, testClock } from '../../src/modules/festival/festival-test-kit.ts';
import { useTestApp } from '../app.ts';
import { createOwner, deliverSandbox, signupFan } from '../factories.ts';
import { browserEnabled, PHONE, shot, signInAs, useBrowser, watchConsoleErrors } from './browser.ts';

/** Waits until nothing on the page is animating, the pointer off every control. */
async function still(page: Page) {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.evaluate<number>("document.getAnimations().filter((a) => a.playState === 'running').length")).toBe(0);
}

const HOUR = 3_600_000;

describe.skipIf(!browserEnabled)('browser: buying at a fan festival on a phone', () => {
  // The festival starts an hour from now (publishing wants a start in the future); then the
  // server's clock moves into the sale. The page counts by the server's clock, not the phone's.
  const clock = testClock(new Date().toISOString());
  // Every attempt is asked for proof of work: the page solves it (WebCrypto) and sends it by itself.
  const t = useTestApp(
    {},
    {
      container: {
        now: clock.now,
        festivalBotLimits: { windowMs: 10_000, fanChallengeAbove: 0, visitorChallengeAbove: 1_000, fanRefuseAbove: 100 },
        festivalChallengeWork: 5_000,
      },
    },
  );
  const browser = useBrowser(t);

  it(
    'a fan buys 2 (the page proving work by itself), sees won, lands on the order, adds an address and pays; another fan sees sold out; zh-CN labels',
    { timeout: 180_000 },
    async () => {
      const real = Date.now();
      clock.set(new Date(real).toISOString());
      const owner = await createOwner(t.app);
      const startsAt = new Date(Math.ceil((real + HOUR) / 60_000) * 60_000);
      const f = await setUpFestival(
        t.app,
        owner.cookie,
        { quota: 2, perFanLimit: 2 },
        { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * HOUR).toISOString() },
      );
      clock.set(new Date(startsAt.getTime() + 60_000).toISOString());

      const fan = await signupFan(t.app);
      await signInAs(browser, fan.cookie);
      const page = await browser.context.newPage();
      await page.setViewportSize(PHONE);
      const errors = watchConsoleErrors(page);
      await page.goto(`${browser.base}/festivals/fan-festival`);
      await page.getByText('2 of 2 left').waitFor();
      await page.getByTestId('buy-quantity-more').click();
      expect(await page.getByTestId('buy-quantity-input').inputValue()).toBe('2');
      // The limit is 2: the stepper stops there.
      expect(await page.getByTestId('buy-quantity-more').isDisabled()).toBe(true);
      await still(page);
      await shot(page, 'festival-buy-phone-en');
      await page.getByTestId('buy').click();
      await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
      await page
        .getByText(/^It's yours! Pay before \d\d:\d\d to keep it\.$/)
        .first()
        .waitFor();
      await page.getByTestId('order-pay-box').waitFor();
      // The first try was refused for proof of work, the solved retry won.
      await t.container.attemptStats.flush();
      const board = (await t.app.inject({ method: 'GET', url: `/api/admin/festivals/${f.id}/board`, headers: { cookie: owner.cookie } })).json();
      expect(board.figures.totals.byAnswer).toMatchObject({ won: 1, refused: 1 });
      await page.getByTestId('pay-address-form').waitFor();
      await still(page);
      await shot(page, 'festival-order-address-phone-en');
      // Paying without the address shows what is missing; with it, the sandbox's page.
      await page.getByTestId('pay-now').click();
      await page.getByTestId('pay-address-form').getByText('Required').first().waitFor();
      await page.getByTestId('address-name').fill('Fiona Fan');
      await page.getByTestId('address-phone').fill('+86 138 0000 0000');
      await page.getByTestId('address-region').fill('Guangxi, Guilin, Xiufeng');
      await page.getByTestId('address-line').fill('Zhongshan Rd 1, Room 302');
      await page.getByTestId('pay-now').click();
      await page.waitForURL(/\/sandbox\/pay\/.+lang=en/);
      await page.getByTestId('sandbox-pay').click();
      await page.waitForURL(/\/orders\/[0-9a-f-]+$/);
      expect(await deliverSandbox(t)).toBe(1);
      await page.getByTestId('order-status-paid').waitFor();
      expect(await page.getByTestId('order-address').textContent()).toContain('Zhongshan Rd 1, Room 302');
      expect(await page.getByTestId('order-lines').textContent()).toContain('Festival phone');
      await still(page);
      await shot(page, 'festival-order-paid-phone-en');

      // Another fan: the quota is gone.
      const other = await signupFan(t.app);
      await signInAs(browser, other.cookie);
      await page.goto(`${browser.base}/festivals/fan-festival`);
      await page.getByText('0 of 2 left').waitFor();
      await expect.poll(() => page.getByTestId('buy').textContent()).toBe('Sold out');
      expect(await page.getByTestId('buy').isDisabled()).toBe(true);
      await still(page);
      await shot(page, 'festival-sold-out-phone-en');

      // In Chinese.
      await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
      await page.reload();
      await expect.poll(() => page.getByTestId('buy').textContent()).toBe('已售罄');
      await page.getByText('到点即可抢购', { exact: false }).waitFor();
      await still(page);
      await shot(page, 'festival-sold-out-phone-zh');
      await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
      // The one failed request: the first try, answered 403 festival.challenge_required.
      expect(errors).toEqual(['/festivals/fan-festival: Failed to load resource: the server responded with a status of 403 (Forbidden)']);
    },
  );
});
