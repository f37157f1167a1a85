import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { signupFan } from '../factories.ts';
import { browserEnabled, PHONE, shot, signInAs, useBrowser } from './browser.ts';

describe.skipIf(!browserEnabled)('browser: a fan buys a membership through the sandbox on a phone, in English and in Chinese', () => {
  const t = useTestApp();
  const browser = useBrowser(t);
  const system = () => t.container.ctx({ kind: 'system' });
  const deliver = () =>
    t.container.services.sandbox.deliverDue(
      system(),
      async (headers, body) => (await t.app.inject({ method: 'POST', url: '/api/payments/notifications/sandbox', headers, payload: body })).statusCode,
    );
  async function tiers() {
    const { tiers } = t.container.services;
    await tiers.create(system(), {
      name: 'Silver',
      description: '',
      rank: 1,
      monthlyPriceMinor: 1_000,
      yearlyPriceMinor: 10_000,
      currency: 'CNY',
      perks: [{ kind: 'members_only_articles' }],
    });
    await tiers.create(system(), {
      name: 'Gold',
      description: 'Everything Silver has, and more.',
      rank: 2,
      monthlyPriceMinor: 3_000,
      yearlyPriceMinor: 30_000,
      currency: 'CNY',
      perks: [
        { kind: 'members_only_articles' },
        { kind: 'early_access', minutes: 30 },
        { kind: 'store_discount', percent: 10 },
        { kind: 'text', text: 'A badge by your name' },
      ],
    });
  }

  it('chooses a yearly Gold membership, pays on the hosted page, waits for the confirmation and is a member; cancels with a reason', async () => {
    await tiers();
    const fan = await signupFan(t.app);
    await signInAs(browser, fan.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${browser.base}/membership`);
    await page.getByTestId('test-payments').waitFor();
    await page.getByTestId('tier-Gold').waitFor();
    expect(await page.getByTestId('tier-Gold').textContent()).toContain('¥30.00');
    await page.getByText('Yearly', { exact: false }).click();
    expect(await page.getByTestId('tier-Gold').textContent()).toContain('¥300.00');
    await shot(page, 'membership-offer-en-phone');
    await page.getByTestId('choose-Gold').click();
    await page.waitForURL(/\/sandbox\/pay\/.+lang=en/);
    await page.getByTestId('sandbox-pay').click();
    await page.waitForURL(/\/membership\?purchase=/);
    // Not a member until the verified notification: the page says it is waiting.
    await page.getByTestId('purchase-waiting').waitFor();
    await shot(page, 'membership-waiting-en-phone');
    expect(await deliver()).toBe(1);
    await page.getByTestId('purchase-settled').waitFor();
    expect(await page.getByTestId('purchase-settled').textContent()).toContain("Welcome, you're a Gold member!");
    await expect.poll(() => page.getByTestId('membership-status').textContent()).toContain("You're a Gold member");
    expect(await page.getByTestId('receipt').count()).toBe(1);
    expect(await page.getByTestId('receipt').textContent()).toContain('¥300.00');
    await shot(page, 'membership-member-en-phone');

    await page.getByTestId('cancel-membership').click();
    await page.getByTestId('reason-not_using').click();
    await page.getByTestId('confirm-cancel').click();
    await expect.poll(() => page.getByTestId('membership-status').textContent()).toContain('Canceled');
    const membership = (await t.container.services.memberships.ofFan(system(), fan.fan.id)).membership;
    expect(membership).toMatchObject({ status: 'canceled', cancelReason: 'not_using' });
  });

  it('in Chinese: the hosted page and the membership page speak Chinese, a failed payment says nothing was charged', async () => {
    await tiers();
    const fan = await signupFan(t.app, { displayName: '李华' });
    await signInAs(browser, fan.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${browser.base}/`);
    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.goto(`${browser.base}/membership`);
    await page.getByTestId('tier-Silver').waitFor();
    expect(await page.getByTestId('test-payments').textContent()).toContain('测试支付');
    expect(await page.getByTestId('choose-Silver').textContent()).toContain('立即加入');
    await shot(page, 'membership-offer-zh-phone');
    await page.getByTestId('choose-Silver').click();
    await page.waitForURL(/\/sandbox\/pay\/.+lang=zh/);
    expect(await page.getByTestId('sandbox-badge').textContent()).toContain('沙箱');
    await page.getByTestId('sandbox-fail').click();
    await page.waitForURL(/\/membership\?purchase=/);
    expect(await deliver()).toBe(1);
    await page.getByTestId('purchase-failed').waitFor();
    expect(await page.getByTestId('purchase-failed').textContent()).toContain('未产生扣款');
    await shot(page, 'membership-failed-zh-phone');
    // Trying again works the same way.
    await page.getByTestId('purchase-failed').getByRole('button').click();
    await page.getByTestId('choose-Silver').click();
    await page.waitForURL(/\/sandbox\/pay\//);
    await page.getByTestId('sandbox-pay').click();
    await page.waitForURL(/\/membership\?purchase=/);
    expect(await deliver()).toBe(1);
    await page.getByTestId('purchase-settled').waitFor();
    expect(await page.getByTestId('purchase-settled').textContent()).toContain('欢迎，你已成为Silver会员！');
    await shot(page, 'membership-member-zh-phone');
  });

  it('an offer link prices the first month; a fan gives a year as a gift and the friend claims it on signing in', async () => {
    await tiers();
    const gold = (await t.container.services.tiers.offered(system())).find((x) => x.name === 'Gold')!;
    await t.container.services.offers.create(system(), {
      tierId: gold.id,
      interval: 'month',
      priceMinor: 990,
      endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      maxRedemptions: 10,
      code: 'spring',
    });
    const fan = await signupFan(t.app);
    await signInAs(browser, fan.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    // The browser is shared: the Chinese test before this one left its language behind.
    await page.goto(`${browser.base}/`);
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await page.goto(`${browser.base}/membership?offer=spring`);
    await page.getByTestId('offer-banner').waitFor();
    expect(await page.getByTestId('offer-banner').textContent()).toContain('¥9.90');
    expect(await page.getByTestId('tier-Gold').textContent()).toContain('¥9.90');
    await shot(page, 'membership-offer-link-en-phone');
    await page.getByTestId('choose-Gold').click();
    await page.waitForURL(/\/sandbox\/pay\//);
    expect(await page.getByTestId('sandbox-amount').textContent()).toContain('9.90');
    await page.getByTestId('sandbox-pay').click();
    await page.waitForURL(/\/membership\?purchase=/);
    expect(await deliver()).toBe(1);
    await page.getByTestId('purchase-settled').waitFor();

    await page.getByTestId('gift-Gold').click();
    await page.getByText('1 year', { exact: false }).click();
    await page.getByTestId('gift-email').fill('best.friend@example.com');
    await page.getByTestId('gift-pay').click();
    await page.waitForURL(/\/sandbox\/pay\//);
    await page.getByTestId('sandbox-pay').click();
    await page.waitForURL(/\/membership\?gift=/);
    expect(await deliver()).toBe(1);
    await page.getByTestId('gift-paid').waitFor();
    expect(await page.getByTestId('gift-paid').textContent()).toContain('best.friend@example.com');

    const friend = await signupFan(t.app, { email: 'best.friend@example.com' });
    await signInAs(browser, friend.cookie);
    await page.goto(`${browser.base}/membership`);
    await page.getByTestId('gift-received').waitFor();
    await shot(page, 'membership-gift-received-en-phone');
    await page.getByTestId('gift-claim').click();
    await expect.poll(() => page.getByTestId('membership-status').textContent()).toContain("You're a Gold member");
    expect(await page.getByTestId('gift-received').count()).toBe(0);
  });
});
