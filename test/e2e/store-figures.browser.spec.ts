import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { checkout, publishedProduct, putLine, sandboxPay } from '../orders-factories.ts';
import { browserEnabled, LAPTOP, PHONE, shot, useBrowser, useCookies, watchConsoleErrors } from './browser.ts';

describe.skipIf(!browserEnabled)('browser: the store in the console CRM', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  it('segments by spend and purchase, shows a fan’s purchases, a spend rule and conversion to buyer, in both languages', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const rules = [
      { level: 1, signal: 'purchases', op: 'gte', threshold: 1 },
      { level: 2, signal: 'spend', op: 'gte', threshold: 500 },
    ];
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/loyalty/rules', headers: h, payload: { graceDays: 60, rules } })).statusCode).toBe(200);
    const { variant } = await publishedProduct(t, owner.cookie, [{ sku: 'TEE', priceMinor: 9_900, stock: 20 }]);
    const fan = async (displayName: string, source?: string) => {
      const signedUp = await signupFan(t.app, { displayName });
      await t.container.services.fans.follow(t.container.ctx({ kind: 'fan', fanId: signedUp.fan.id }), source);
      return signedUp;
    };
    const buy = async (who: Awaited<ReturnType<typeof signupFan>>, quantity: number) => {
      await putLine(t, who.cookie, variant.TEE!, quantity);
      const res = await checkout(t, who.cookie);
      await sandboxPay(t, who.cookie, res.json().action.url);
    };
    const big = await fan('Buyer Bai', 'share:abcd1234');
    await fan('Reader Ren', 'share:abcd1234');
    const small = await fan('Shopper Shen');
    await fan('Window Wang');
    await buy(big, 3);
    await buy(big, 1);
    await buy(small, 1);
    await t.settle();

    await useCookies(browser, owner.cookie);
    const page = await browser.context.newPage();
    const errors = watchConsoleErrors(page);
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.setViewportSize(LAPTOP);
      await page.goto(`${browser.base}/console/segments`);
      await page.evaluate(`localStorage.setItem('fanbase.lang', '${lang}')`);
      await page.reload();
      await page.getByTestId('new-segment').click();
      await page.getByTestId('segment-spend-min').fill('200');
      await expect.poll(() => page.getByTestId('segment-count').getAttribute('data-count')).toBe('1');
      await page.getByTestId('segment-name').fill(`Big spenders ${lang}`);
      await page.getByTestId('segment-save').click();
      await page.waitForURL(/\/console\/segments\/[0-9a-f-]{36}$/);
      await page.goto(`${browser.base}/console/segments`);
      const table = page.getByTestId('segments-table');
      await expect.poll(() => table.textContent()).toContain(lang === 'en' ? 'Spent ≥ ¥200.00' : '消费 ≥ ¥200.00');
      await shot(page, `console-segments-spend-${lang}`);
      await page.getByTestId('new-segment').click();
      await page.getByTestId('segment-never-purchased').click();
      await expect.poll(() => page.getByTestId('segment-count').getAttribute('data-count')).toBe('2');
      await page.getByTestId('segment-purchased-within').fill('30');
      await expect.poll(() => page.getByTestId('segment-count').getAttribute('data-count')).toBe('0');
      await shot(page, `console-segment-store-${lang}`);
      await page.setViewportSize(PHONE);
      await shot(page, `console-segment-store-phone-${lang}`);
      await page.keyboard.press('Escape');

      await page.setViewportSize(LAPTOP);
      await page.goto(`${browser.base}/console/fans/${big.fan.id}`);
      const card = page.getByTestId('loyalty-store');
      await expect.poll(() => card.textContent()).toContain(lang === 'en' ? '2 purchases' : '2 笔购买');
      expect(await card.textContent()).toContain('¥396.00');
      await shot(page, `console-fan-store-${lang}`);
      await page.setViewportSize(PHONE);
      await shot(page, `console-fan-store-phone-${lang}`);

      await page.setViewportSize(LAPTOP);
      await page.goto(`${browser.base}/console/super-fans`);
      await expect.poll(() => page.getByTestId('ladder-rules').textContent()).toContain(lang === 'en' ? 'Store spend (¥) ≥ 500' : '商店消费（元） ≥ 500');

      await page.goto(`${browser.base}/console/analytics`);
      const rates = page.getByTestId('quality-buyer-rate');
      await expect.poll(() => rates.allTextContents()).toEqual(['50%', '50%']);
      await shot(page, `console-analytics-buyers-${lang}`);
    }
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    expect(errors).toEqual([]);
  }, 180_000);
});
