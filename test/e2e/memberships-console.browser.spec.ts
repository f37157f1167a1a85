import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import type { NotificationSender } from '../../src/modules/payments/providers/sandbox.gateway.ts';
import { browserEnabled, PHONE, seriousA11yViolations, shot, signInAs, useBrowser, watchConsoleErrors } from './browser.ts';

/** Waits until nothing on the page is animating (a modal zooming in, a dropdown sliding open). */
async function still(page: Page) {
  await expect.poll(() => page.evaluate<number>("document.getAnimations().filter((a) => a.playState === 'running').length")).toBe(0);
}

/** Picks `label` in the antd Select found by `testId`. */
async function choose(page: Page, testId: string, label: string) {
  await still(page);
  await page.getByTestId(testId).click();
  const option = page.locator('.ant-select-item-option:visible', { hasText: label }).first();
  await option.waitFor();
  await still(page);
  await option.click();
  await expect.poll(() => page.getByTestId(testId).textContent()).toContain(label);
}

describe.skipIf(!browserEnabled)('browser: the console Memberships page and a fan’s membership', () => {
  const t = useTestApp();
  // Without the CSP, axe-core can be injected into the pages.
  const browser = useBrowser(t, { bypassCSP: true });
  const system = () => t.container.ctx({ kind: 'system' });
  const send: NotificationSender = async (headers, body) =>
    (await t.app.inject({ method: 'POST', url: '/api/payments/notifications/sandbox', headers, payload: body })).statusCode;

  it('staff create a tier with perks in the drawer, grant a fan a comp, see it on the fan page, and read it all in Chinese', async () => {
    const owner = await createOwner(t.app);
    const fan = await signupFan(t.app, { displayName: 'Lin Member' });
    await signInAs(browser, owner.cookie);
    const page = await browser.context.newPage();
    const consoleErrors = watchConsoleErrors(page);

    // The menu leads to the page; no tier yet, so the Tiers tab offers to create one.
    await page.goto(`${browser.base}/console/fans`);
    await page.getByTestId('nav-memberships').click();
    await page.waitForURL(`${browser.base}/console/memberships`);
    await page.getByText('No members yet').waitFor();
    await page.getByRole('tab', { name: 'Tiers' }).click();
    await page.waitForURL(/tab=tiers/);
    await page.getByText('No tiers yet. Create one to start offering memberships.').waitFor();

    // A tier with every kind of perk, prices typed in yuan.
    await page.getByTestId('new-tier').click();
    const drawer = page.getByTestId('tier-drawer');
    await drawer.getByTestId('tier-name').fill('Gold');
    await drawer.getByTestId('tier-description').fill('For the fans who come to every sale.');
    expect(await drawer.getByTestId('tier-rank').inputValue()).toBe('1');
    await drawer.getByTestId('tier-monthly-price').fill('25');
    await drawer.getByTestId('tier-yearly-price').fill('249.90');
    await drawer.getByTestId('perk-membersOnlyArticles-switch').click();
    await drawer.getByTestId('perk-earlyAccess-switch').click();
    await drawer.getByTestId('perk-early-access-minutes').fill('120');
    await drawer.getByTestId('perk-storeDiscount-switch').click();
    await drawer.getByTestId('perk-store-discount-percent').fill('15');
    await drawer.getByTestId('add-text-perk').click();
    await drawer.getByTestId('text-perks').locator('input').first().fill('A birthday card from the team');
    expect(await drawer.getByTestId('tier-price-note').textContent()).toContain('A new price applies to periods bought from now on.');
    await shot(page, 'memberships-tier-drawer-en');
    await drawer.getByTestId('tier-save').click();
    await page.getByText('Gold created.').waitFor();

    const tiers = (await t.app.inject({ method: 'GET', url: '/api/admin/membership-tiers', headers: { cookie: owner.cookie } })).json();
    expect(tiers).toHaveLength(1);
    expect(tiers[0]).toMatchObject({
      name: 'Gold',
      rank: 1,
      monthlyPriceMinor: 2_500,
      yearlyPriceMinor: 24_990,
      currency: 'CNY',
      perks: [
        { kind: 'members_only_articles' },
        { kind: 'early_access', minutes: 120 },
        { kind: 'store_discount', percent: 15 },
        { kind: 'text', text: 'A birthday card from the team' },
      ],
    });
    const table = page.getByTestId('tiers-table');
    await expect.poll(() => table.textContent()).toContain('¥249.90 / year');
    expect(await table.textContent()).toContain('Festival sales 2 hours early');
    expect(await table.textContent()).toContain('15% off in the store');

    // A second tier with the same name: the server's refusal lands on the name field.
    await page.getByTestId('new-tier').click();
    await drawer.getByTestId('tier-name').fill('Gold');
    await drawer.getByTestId('tier-monthly-price').fill('10');
    await drawer.getByTestId('tier-yearly-price').fill('100');
    await drawer.getByTestId('tier-save').click();
    await drawer.getByText('A tier named "Gold" already exists.').waitFor();
    await drawer.getByTestId('tier-name').fill('Silver');
    await drawer.getByTestId('tier-save').click();
    await page.getByText('Silver created.').waitFor();

    // On the fan's page: not a member yet; staff grant three months of Gold.
    await page.goto(`${browser.base}/console/fans/${fan.fan.id}`);
    const card = page.getByTestId('membership-card');
    await card.getByText('Not a member yet.').waitFor();
    await card.getByTestId('grant-membership').click();
    await choose(page, 'grant-tier', 'Gold');
    await page.getByTestId('grant-months').fill('3');
    await page.getByTestId('grant-note').fill('Winner of the spring writing contest');
    await page.getByTestId('grant-submit').click();
    await page.getByText('Granted 3 months of Gold.').waitFor();
    await expect.poll(() => card.textContent()).toContain('Active');
    expect(await card.textContent()).toContain('Gold');
    const purchases = card.getByTestId('purchases-table');
    expect(await purchases.textContent()).toContain('Complimentary');
    expect(await purchases.textContent()).toContain('Note: Winner of the spring writing contest');
    await expect.poll(() => page.getByTestId('activity-item').first().textContent()).toContain('Was granted Gold');
    const { membership } = (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${fan.fan.id}/membership`, headers: { cookie: owner.cookie } })).json();
    const violations = await seriousA11yViolations(page);
    expect(membership).toMatchObject({ status: 'active', tier: { name: 'Gold' } });

    // Another tier while Gold runs: refused, and said in place with the date in words.
    await card.getByTestId('grant-membership').click();
    await choose(page, 'grant-tier', 'Silver');
    await page.getByTestId('grant-submit').click();
    const problem = page.getByTestId('grant-problem');
    await problem.waitFor();
    const endsOn = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(membership.currentPeriodEnd));
    expect(await problem.textContent()).toBe(`This fan is a Gold member until ${endsOn}. Grant that tier, or wait until it ends.`);
    await shot(page, 'memberships-grant-conflict-en');
    await page.getByTestId('grant-modal').getByRole('button', { name: 'Cancel' }).click();
    await problem.waitFor({ state: 'detached' });
    await shot(page, 'memberships-fan-en');

    // The members list has them, linking back to the fan.
    await page.goto(`${browser.base}/console/memberships`);
    const members = page.getByTestId('members-table');
    await members.getByText('Lin Member').waitFor();
    expect(await members.textContent()).toContain('Prepaid');
    expect(await members.getByTestId('member-link').getAttribute('href')).toBe(`/console/fans/${fan.fan.id}`);
    violations.push(...(await seriousA11yViolations(page)));
    await page.getByRole('tab', { name: 'Tiers' }).click();
    await page.waitForURL(/tab=tiers/);
    await table.getByTestId('tier-edit').first().waitFor();
    violations.push(...(await seriousA11yViolations(page)));
    expect(violations).toEqual([]);

    // Only a tier nobody has held can be deleted; any tier can be archived and restored.
    const silverRow = table.locator('tr', { hasText: 'Silver' });
    expect(await table.getByTestId('tier-delete').count()).toBe(1);
    expect(await silverRow.getByTestId('tier-delete').count()).toBe(1);
    await silverRow.getByTestId('tier-archive').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Archive' }).click();
    await page.getByText('Silver archived: no longer on offer.').waitFor();
    await expect.poll(() => silverRow.textContent()).toContain('Archived');
    await silverRow.getByTestId('tier-restore').click();
    await page.getByText('Silver is on offer again.').waitFor();
    await expect.poll(() => silverRow.textContent()).toContain('On offer');
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.waitForURL(`${browser.base}/console/memberships`);
    await members.getByText('Lin Member').waitFor();

    // Chinese, switched in the header: the same pages in Chinese words.
    await page.getByTestId('language-switch').click();
    await page.locator('.ant-select-item-option:visible', { hasText: '中文' }).click();
    await expect.poll(() => page.getByTestId('nav-memberships').textContent()).toBe('会员');
    await expect.poll(() => members.textContent()).toContain('有效');
    expect(await members.textContent()).toContain('预付');
    await still(page);
    await page.getByRole('tab', { name: '等级' }).click();
    await page.waitForURL(/tab=tiers/);
    await table.getByTestId('tier-edit').first().waitFor();
    await expect.poll(() => table.textContent()).toContain('粉丝节提前 2小时 购买');
    expect(await table.textContent()).toContain('会员专属文章');
    expect(await table.textContent()).toContain('商城优惠 15%');
    expect(await table.textContent()).toContain('¥25.00 / 月');
    await shot(page, 'memberships-tiers-zh');
    await table.getByTestId('tier-edit').first().click();
    await expect.poll(() => drawer.getByTestId('tier-price-note').textContent()).toContain('新价格仅适用于此后购买的会员期。');
    expect(await drawer.textContent()).toContain('会员专属文章');
    await page.keyboard.press('Escape');

    await page.goto(`${browser.base}/console/fans/${fan.fan.id}`);
    await expect.poll(() => card.textContent()).toContain('赠送');
    expect(await card.textContent()).toContain('赠送会员');
    expect(await card.textContent()).toContain('有效');
    expect(await purchases.textContent()).toContain('备注：Winner of the spring writing contest');
    await expect.poll(() => page.getByTestId('activity-item').first().textContent()).toContain('获赠 Gold 会员');
    // On a phone nothing is wider than the screen.
    const pageWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');
    await page.setViewportSize(PHONE);
    await expect.poll(pageWidth).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'memberships-fan-zh-phone');
    await page.goto(`${browser.base}/console/memberships`);
    await members.getByText('Lin Member').waitFor();
    await expect.poll(pageWidth).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${browser.base}/console/memberships?tab=tiers`);
    await table.getByText('Silver').waitFor();
    await expect.poll(pageWidth).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'memberships-tiers-zh-phone');
    // The two refusals above are the only failed requests.
    expect(consoleErrors.filter((line) => !line.includes('status of 409'))).toEqual([]);
  }, 180_000);

  it('staff refund a period a fan paid for; once the provider confirms, the period is gone', async () => {
    const owner = await createOwner(t.app);
    const fan = await signupFan(t.app, { displayName: 'Paying Fan' });
    const h = { cookie: owner.cookie };
    const tier = (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/membership-tiers',
        headers: h,
        payload: { name: 'Gold', rank: 1, monthlyPriceMinor: 2_500, yearlyPriceMinor: 25_000 },
      })
    ).json();
    const checkout = await t.app.inject({
      method: 'POST',
      url: '/api/fan/membership/checkout',
      headers: { cookie: fan.cookie },
      payload: { tierId: tier.id, interval: 'month' },
    });
    expect(checkout.statusCode, checkout.body).toBe(201);
    const paymentId = checkout.json().purchase.paymentId as string;
    const pay = await t.app.inject({ method: 'POST', url: `/sandbox/pay/${paymentId}/pay`, headers: { cookie: fan.cookie } });
    expect(pay.statusCode, pay.body).toBe(303);
    expect(await t.container.services.sandbox.deliverDue(system(), send)).toBe(1);

    await signInAs(browser, owner.cookie);
    const page = await browser.context.newPage();
    await page.goto(`${browser.base}/healthz`);
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await page.goto(`${browser.base}/console/fans/${fan.fan.id}`);
    const card = page.getByTestId('membership-card');
    await card.getByTestId('purchase-state-paid').waitFor();
    expect(await card.textContent()).toContain('¥25.00');
    // The payment opens on the Payments page.
    expect(await card.getByTestId('purchase-payment').getAttribute('href')).toBe(`/console/payments?payment=${paymentId}`);

    await card.getByTestId('purchase-refund').click();
    await page.getByTestId('refund-purchase-reason').fill('Charged twice');
    await shot(page, 'memberships-refund-en');
    await page.getByTestId('refund-purchase-submit').click();
    await page.getByText('Refund requested; the period is taken back once the provider confirms it.').waitFor();
    await card.getByText('Refund requested', { exact: true }).waitFor();
    expect(await card.getByTestId('purchase-refund').count()).toBe(0);

    // The provider confirms: the purchase is refunded and the membership has no time left.
    expect(await t.container.services.sandbox.deliverDue(system(), send)).toBe(1);
    await page.reload();
    await card.getByTestId('purchase-state-refunded').waitFor();
    expect(await card.textContent()).toContain('Expired');
    await card.getByTestId('purchase-payment').click();
    await page.waitForURL(`${browser.base}/console/payments?payment=${paymentId}`);
    const drawer = page.getByTestId('payment-drawer');
    await expect.poll(() => drawer.textContent()).toContain('Charged twice');
    expect(await drawer.textContent()).toContain('Refunded');
  }, 120_000);
});
