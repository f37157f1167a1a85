import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, deliverSandbox, signupFan } from '../factories.ts';
import { checkout, putLine, sandboxPay } from '../orders-factories.ts';
import { browserEnabled, LAPTOP, PHONE, seriousA11yViolations, shot, signInAs, useBrowser, watchConsoleErrors } from './browser.ts';

/**
 * Running animations of what can be seen: a spinner nobody sees (hidden, or a loading icon left
 * at zero width after its request, which antd does now and then) moves nothing on the screen.
 */
const RUNNING =
  "document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.target?.checkVisibility?.() !== false && a.effect.target.getBoundingClientRect().width > 0)";

/** Waits (up to 10 s: a toast leaving, a list refreshing) until nothing on the page is animating and the pointer is off every control; says what still moves if it does not stop. */
async function still(page: Page) {
  await page.mouse.move(0, 0);
  await expect
    .poll(() => page.evaluate<number>(`${RUNNING}.length`), { timeout: 10_000 })
    .toBe(0)
    .catch(async (error: unknown) => {
      const running = await page.evaluate<string>(`JSON.stringify(${RUNNING}.map((a) => [a.animationName ?? a.transitionProperty, a.effect.target.className]))`);
      throw new Error(`still animating: ${running}`, { cause: error });
    });
}

/** Product pictures for the screenshots: coloured squares, from a server of their own (pictures are linked by address). */
function pictureServer() {
  const colours: Record<string, string> = { tee: '#1f2937', mug: '#b45309' };
  const server = createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\/|\.svg$/g, '');
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
    res.end(
      `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="${colours[name] ?? '#9ca3af'}"/>` +
        `<text x="300" y="320" font-family="sans-serif" font-size="72" fill="#fff" text-anchor="middle">${name.toUpperCase()}</text></svg>`,
    );
  });
  const state = { server: server as Server, base: '' };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}

async function setLanguage(page: Page, base: string, lang: 'en' | 'zh-CN') {
  await page.goto(`${base}/`);
  await page.evaluate(`localStorage.setItem('fanbase.lang', '${lang}')`);
}

describe.skipIf(!browserEnabled)('browser: a fan buys from the store on a phone and staff ship the order', () => {
  const t = useTestApp();
  // Without the CSP, axe-core can be injected into the pages.
  const browser = useBrowser(t, { bypassCSP: true });
  const pictures = pictureServer();
  const system = () => t.container.ctx({ kind: 'system' });

  /** A tee in three sizes and a mug, published; a Gold tier with 10% off in the store. */
  async function seedStore() {
    const owner = await createOwner(t.app);
    const admin = async (url: string, payload?: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/admin/store${url}`, headers: { cookie: owner.cookie }, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const size = (s: string, stock: number) => ({
      sku: `TEE-${s}`,
      name: s,
      options: [{ name: 'Size', value: s }],
      price: { amountMinor: 9_900 },
      stock,
      weightGrams: 180,
    });
    const tee = await admin('/products', {
      title: 'Rice Noodle Festival Tee',
      slug: 'festival-tee',
      images: [{ url: `${pictures.base}/tee.svg`, alt: 'The tee' }],
      variants: [size('S', 5), size('M', 12), size('L', 0)],
    });
    await admin(`/products/${tee.id}/publish`);
    const mug = await admin('/products', {
      title: 'Tea house mug',
      slug: 'mug',
      images: [{ url: `${pictures.base}/mug.svg`, alt: 'The mug' }],
      variants: [{ sku: 'MUG', name: 'Mug', price: { amountMinor: 4_500 }, stock: 3 }],
    });
    await admin(`/products/${mug.id}/publish`);
    const gold = await t.container.services.tiers.create(system(), {
      name: 'Gold',
      description: '',
      rank: 1,
      monthlyPriceMinor: 3_000,
      yearlyPriceMinor: 30_000,
      currency: 'CNY',
      perks: [{ kind: 'store_discount', percent: 10 }],
    });
    return { owner, gold };
  }

  it('a Gold member at phone width adds a tee to the cart, checks out with an address, pays on the sandbox page and sees the order paid; staff ship it and the fan sees the tracking number', async () => {
    const { owner, gold } = await seedStore();
    const fan = await signupFan(t.app, { displayName: 'Fiona' });
    await t.container.services.memberships.grant(system(), fan.fan.id, { tierId: gold.id, months: 1 });
    await signInAs(browser, fan.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    const consoleErrors = watchConsoleErrors(page);
    const found: string[] = [];
    await setLanguage(page, browser.base, 'en');

    // The product page: out of stock says so, then size M, two of them, into the cart.
    await page.goto(`${browser.base}/store/festival-tee`);
    await page.getByTestId('add-to-cart').waitFor();
    await page.getByTestId('variant-option-Size').getByText('L', { exact: true }).click();
    expect(await page.getByTestId('add-to-cart').isDisabled()).toBe(true);
    await page.getByTestId('variant-option-Size').getByText('M', { exact: true }).click();
    expect(await page.getByTestId('add-to-cart').isDisabled()).toBe(false);
    await page.getByTestId('quantity-more').click();
    expect(await page.getByTestId('quantity-input').inputValue()).toBe('2');
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('added-to-cart').waitFor();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('2');
    await page.getByTestId('in-cart').waitFor();
    await page.getByTestId('added-to-cart').waitFor({ state: 'detached' });
    await still(page);
    await shot(page, 'orders-product-add-to-cart-en-phone');
    found.push(...(await seriousA11yViolations(page)));

    // A mug too, then the cart from the header.
    await page.goto(`${browser.base}/store/mug`);
    await page.getByTestId('add-to-cart').click();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('3');
    await page.getByTestId('added-to-cart').waitFor({ state: 'detached' });
    await page.getByTestId('header-cart').click();
    await page.waitForURL(`${browser.base}/cart`);
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
    const tee = page.getByTestId('cart-line').filter({ hasText: 'Rice Noodle Festival Tee' });
    // Gold pays 10% less: ¥89.10 a tee, the list price struck through.
    expect(await tee.getByTestId('cart-line-price').textContent()).toBe('¥89.10');
    expect(await tee.getByTestId('cart-line-total').textContent()).toBe('¥178.20');
    expect(await page.getByTestId('discount').textContent()).toBe('−¥24.30');
    expect(await page.getByTestId('total').textContent()).toBe('¥218.70');
    await still(page);
    await shot(page, 'orders-cart-en-phone');
    found.push(...(await seriousA11yViolations(page)));
    // The mug goes out again.
    await page.getByTestId('cart-line').filter({ hasText: 'Tea house mug' }).getByTestId('cart-line-remove').click();
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('¥178.20');
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('2');

    // Checkout: the address is checked before anything is sent.
    await page.getByTestId('go-checkout').click();
    await page.waitForURL(`${browser.base}/checkout`);
    await page.getByTestId('place-order').click();
    await page.getByText('Required').first().waitFor();
    await page.getByTestId('address-name').fill('Fiona Fan');
    await page.getByTestId('address-phone').fill('call me');
    await page.getByTestId('address-region').fill('Guangxi, Guilin, Xiufeng');
    await page.getByTestId('address-line').fill('Zhongshan Rd 1, Room 302');
    await page.getByTestId('checkout-note').fill('Please leave it at the tea house.');
    await page.getByTestId('place-order').click();
    await page.getByText('Enter a phone number').waitFor();
    await page.getByTestId('address-phone').fill('+86 138 0000 0000');
    await still(page);
    await shot(page, 'orders-checkout-en-phone');
    found.push(...(await seriousA11yViolations(page)));
    // A double tap makes one order.
    await page.getByTestId('place-order').dblclick();
    await page.waitForURL(/\/sandbox\/pay\/.+lang=en/);
    await page.getByTestId('sandbox-pay').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]+$/);
    // Paid only once the verified notification has come: the page says it waits.
    await page.getByTestId('order-waiting').waitFor();
    await shot(page, 'orders-order-waiting-en-phone');
    expect(await deliverSandbox(t)).toBe(1);
    await page.getByTestId('order-paid').waitFor();
    await page.getByTestId('order-status-paid').waitFor();
    expect(await page.getByTestId('order-lines').textContent()).toContain('Rice Noodle Festival Tee');
    expect(await page.getByTestId('order-address').textContent()).toContain('Zhongshan Rd 1, Room 302');
    await still(page);
    await shot(page, 'orders-order-paid-en-phone');
    found.push(...(await seriousA11yViolations(page)));
    await expect.poll(() => page.getByTestId('cart-count').textContent()).not.toBe('2');

    // My orders: one order, paid.
    await page.getByTestId('account-menu').click();
    await page.getByTestId('menu-my-orders').click();
    await page.waitForURL(`${browser.base}/orders`);
    await expect.poll(() => page.getByTestId('my-order').count()).toBe(1);
    const row = page.getByTestId('my-order').first();
    expect(await row.getByTestId('order-status-paid').count()).toBe(1);
    expect(await row.getByTestId('my-order-total').textContent()).toBe('¥178.20');
    const number = (await row.getAttribute('data-number'))!;
    await still(page);
    await shot(page, 'orders-my-orders-en-phone');
    found.push(...(await seriousA11yViolations(page)));

    // Staff, on a laptop, find the order by its number and ship it.
    await signInAs(browser, owner.cookie);
    const staff = await browser.context.newPage();
    await staff.setViewportSize(LAPTOP);
    await staff.goto(`${browser.base}/console/fans`);
    await staff.getByTestId('nav-orders').click();
    await staff.waitForURL(`${browser.base}/console/orders`);
    await staff.getByTestId('order-row').first().waitFor();
    await staff.getByTestId('orders-search').locator('input').fill(number);
    await staff.getByTestId('orders-search').locator('input').press('Enter');
    await staff.waitForURL(new RegExp(`q=${number}`));
    await expect.poll(() => staff.getByTestId('order-row').count()).toBe(1);
    await still(staff);
    await shot(staff, 'orders-console-list-en-laptop');
    found.push(...(await seriousA11yViolations(staff)));
    await staff.getByTestId('order-row').first().click();
    await staff.getByTestId('order-ship').click();
    await staff.getByTestId('ship-carrier').fill('SF Express');
    await staff.getByTestId('ship-tracking').fill('SF1234567890');
    await staff.getByTestId('ship-submit').click();
    await staff.getByTestId('order-drawer').getByTestId('order-status-shipped').waitFor();
    await staff.getByTestId('order-deliver').waitFor();
    await still(staff);
    await shot(staff, 'orders-console-drawer-shipped-en-laptop');
    found.push(...(await seriousA11yViolations(staff)));

    // Another fan's paid order, shipped from a CSV: the dry run reports the unknown row and changes nothing, then apply.
    const other = await signupFan(t.app, { displayName: 'Gao' });
    const mugId = (await t.app.inject({ method: 'GET', url: '/api/store/products/mug' })).json().variants[0].id as string;
    expect((await putLine(t, other.cookie, mugId, 2)).statusCode).toBe(200);
    const placed = (await checkout(t, other.cookie)).json();
    await sandboxPay(t, other.cookie, placed.action.url);
    const second = placed.order.number as string;
    await staff.getByTestId('order-drawer').locator('.ant-drawer-close').click();
    await staff.getByTestId('orders-csv').click();
    await staff.getByTestId('csv-text').fill(`order_number,carrier,tracking_number\n${second},YTO,YT2026\n999999,YTO,YT0000`);
    await staff.getByTestId('csv-check').click();
    await staff.getByTestId('csv-errors').waitFor();
    expect(await staff.getByTestId('csv-result').textContent()).toContain('1 order would be marked shipped');
    expect(await staff.getByTestId('csv-errors').textContent()).toContain('999999');
    await still(staff);
    await shot(staff, 'orders-console-csv-dry-run-en-laptop');
    found.push(...(await seriousA11yViolations(staff)));
    await staff.getByTestId('csv-apply').click();
    await expect.poll(() => staff.getByTestId('csv-result').textContent()).toContain('1 order marked shipped');
    await staff.keyboard.press('Escape');
    await staff.getByTestId('orders-search').locator('input').fill(second);
    await staff.getByTestId('orders-search').locator('input').press('Enter');
    await staff.getByTestId('order-row').filter({ hasText: second }).getByTestId('order-status-shipped').waitFor();

    // A refund of one of the two mugs, confirmed before any money moves.
    await staff.getByTestId('order-row').filter({ hasText: second }).click();
    await staff.getByTestId('order-refund').click();
    // On a busy machine the drawer's form may take the first click before it is ready: choose again until the lines show.
    const lines = staff.getByTestId('refund-lines').locator('.ant-checkbox-input');
    for (let tries = 0; tries < 3 && !(await lines.isVisible()); tries++) {
      await staff.getByTestId('refund-scope').getByText('Chosen items').click();
      await lines.waitFor({ timeout: 15_000 }).catch(() => undefined);
    }
    await lines.check();
    await staff.getByTestId('refund-lines').locator('input[role=spinbutton]').fill('1');
    await staff.getByTestId('refund-reason').fill('One mug arrived chipped');
    expect(await staff.getByTestId('refund-submit').textContent()).toContain('¥45.00');
    await still(staff);
    await shot(staff, 'orders-console-refund-en-laptop');
    await staff.getByTestId('refund-submit').click();
    await staff.getByTestId('refund-confirm').click();
    await staff.getByTestId('order-refunds').waitFor();
    await still(staff);
    await shot(staff, 'orders-console-drawer-refunded-en-laptop');

    // In Chinese.
    await staff.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await staff.goto(`${browser.base}/console/orders`);
    await staff.getByTestId('order-row').first().waitFor();
    expect(await staff.getByTestId('orders-table').textContent()).toContain('已发货');
    await still(staff);
    await shot(staff, 'orders-console-list-zh-laptop');
    await staff.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await staff.close();

    // The fan sees the tracking number.
    await signInAs(browser, fan.cookie);
    await page.reload();
    await page.getByTestId('my-order').first().click();
    await page.getByTestId('tracking-number').waitFor();
    expect(await page.getByTestId('tracking').textContent()).toContain('SF Express');
    expect(await page.getByTestId('tracking-number').textContent()).toContain('SF1234567890');
    await page.getByTestId('order-status-shipped').waitFor();
    await still(page);
    await shot(page, 'orders-order-shipped-en-phone');
    found.push(...(await seriousA11yViolations(page)));
    expect(found).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it('in Chinese: the cart, checkout and my orders speak Chinese; the order can be canceled while unpaid', async () => {
    await seedStore();
    const fan = await signupFan(t.app, { displayName: '李华' });
    await signInAs(browser, fan.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await setLanguage(page, browser.base, 'zh-CN');
    // Five mugs of the three left: the cart keeps the line and both pages say what is wrong.
    await page.goto(`${browser.base}/store/mug`);
    await page.getByTestId('quantity-input').fill('5');
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('add-to-cart-problem').waitFor();
    expect(await page.getByTestId('add-to-cart-problem').textContent()).toContain('仅剩 3 件');
    await page.goto(`${browser.base}/store/festival-tee`);
    await page.getByTestId('add-to-cart').waitFor();
    expect(await page.getByTestId('add-to-cart').textContent()).toContain('加入购物车');
    await still(page);
    await shot(page, 'orders-product-zh-phone');
    await page.getByTestId('add-to-cart').click();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('6');
    await page.getByTestId('header-cart').click();
    await page.waitForURL(`${browser.base}/cart`);
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
    const mug = page.getByTestId('cart-line').filter({ hasText: 'Tea house mug' });
    expect(await mug.getByTestId('cart-line-problem').textContent()).toContain('仅剩 3 件：请减少数量。');
    expect(await page.getByTestId('go-checkout').textContent()).toContain('去结算');
    expect(await page.getByTestId('go-checkout').isDisabled()).toBe(true);
    await still(page);
    await shot(page, 'orders-cart-zh-phone');
    await mug.getByTestId('cart-line-remove').click();
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    await expect.poll(() => page.getByTestId('go-checkout').isDisabled()).toBe(false);
    await page.getByTestId('go-checkout').click();
    await page.getByTestId('address-name').fill('李华');
    await page.getByTestId('address-phone').fill('138 0000 0000');
    await page.getByTestId('address-region').fill('广西壮族自治区 桂林市 秀峰区');
    await page.getByTestId('address-line').fill('中山路 1 号 302 室');
    await still(page);
    await shot(page, 'orders-checkout-zh-phone');
    await page.getByTestId('place-order').click();
    await page.waitForURL(/\/sandbox\/pay\/.+lang=zh/);
    // The fan cancels on the pay page: the order waits for payment, nothing charged.
    await page.getByTestId('sandbox-cancel').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]+$/);
    expect(await deliverSandbox(t)).toBe(1);
    await page.getByTestId('order-payment-failed').waitFor();
    expect(await page.getByTestId('order-payment-failed').textContent()).toContain('未产生扣款');
    await still(page);
    await shot(page, 'orders-order-payment-canceled-zh-phone');
    await page.goto(`${browser.base}/orders`);
    await page.getByTestId('order-status-pending_payment').waitFor();
    expect(await page.getByTestId('order-status-pending_payment').textContent()).toBe('待付款');
    await still(page);
    await shot(page, 'orders-my-orders-zh-phone');
    await page.getByTestId('my-order').first().click();
    await page.getByTestId('payment-countdown').waitFor();
    expect(await page.getByTestId('payment-countdown').textContent()).toContain('内付款');
    await page.getByTestId('pay-now').waitFor();
    await still(page);
    await shot(page, 'orders-order-pending-zh-phone');
    await page.getByTestId('cancel-order').click();
    await page.getByTestId('confirm-cancel-order').click();
    await page.getByTestId('order-status-canceled').waitFor();
    expect(await page.getByTestId('cancel-reason').textContent()).toBe('你取消了这个订单。');
    await setLanguage(page, browser.base, 'en');
  }, 120_000);
});
