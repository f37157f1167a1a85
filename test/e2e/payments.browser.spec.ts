import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, createStaff, signupFan } from '../factories.ts';
import { useWechatPayMerchant } from '../wechatpay-merchant.ts';
import type { NotificationSender } from '../../src/modules/payments/providers/sandbox.gateway.ts';
import { browserEnabled, PHONE, shot, signInAs, useBrowser } from './browser.ts';

describe.skipIf(!browserEnabled)('browser: sandbox payments and the console Payments page', () => {
  const t = useTestApp();
  const browser = useBrowser(t);
  const system = () => t.container.ctx({ kind: 'system' });
  const send: NotificationSender = async (headers, body) =>
    (await t.app.inject({ method: 'POST', url: '/api/payments/notifications/sandbox', headers, payload: body })).statusCode;

  it('a fan pays on the phone-sized hosted page (in Chinese); staff see it paid, open it and refund part of it', async () => {
    const fan = await signupFan(t.app, { displayName: '王小明' });
    const { payment } = await t.container.services.payments.create(system(), {
      fanId: fan.fan.id,
      referenceType: 'membership',
      referenceId: 'gold-1',
      description: '黄金会员 · 1 个月',
      amountMinor: 1_990,
      currency: 'CNY',
      returnUrl: '/',
    });
    await signInAs(browser, fan.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${browser.base}/sandbox/pay/${payment.id}?lang=zh`);
    expect(await page.getByTestId('sandbox-badge').textContent()).toBe('沙箱：不产生真实扣款');
    expect(await page.getByTestId('sandbox-amount').textContent()).toBe('¥19.90');
    await shot(page, 'sandbox-pay-zh-phone');
    await page.getByTestId('sandbox-pay').click();
    await page.waitForURL(`${browser.base}/`);
    expect(await t.container.services.sandbox.deliverDue(system(), send)).toBe(1);

    const owner = await createOwner(t.app);
    await signInAs(browser, owner.cookie);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${browser.base}/console/payments`);
    await page.getByTestId('payments-test-mode').waitFor();
    const row = page.getByTestId('payments-table').locator('tr.ant-table-row').first();
    await expect.poll(() => row.textContent()).toContain('Paid');
    expect(await row.textContent()).toContain('Test payments');
    await shot(page, 'console-payments-en');
    await row.click();
    const drawer = page.getByTestId('payment-drawer');
    await drawer.getByTestId('payment-notifications').waitFor();
    await drawer.locator('input').first().fill('5');
    await drawer.getByTestId('refund-submit').click();
    await expect.poll(async () => (await t.container.services.payments.get(t.container.ctx({ kind: 'system' }), payment.id)).refunds.length).toBe(1);
    expect(await t.container.services.sandbox.deliverDue(system(), send)).toBe(1);
    await page.reload();
    await expect.poll(() => row.textContent()).toContain('Partly refunded');
    await shot(page, 'console-payments-refunded-en');

    // The ledger shows the payment and the refund as balanced entries, per account.
    await page.goto(`${browser.base}/console/ledger`);
    const balances = page.getByTestId('ledger-balances');
    await expect.poll(() => balances.textContent()).toContain('Refunds');
    expect(await balances.textContent()).toContain('¥19.90');
    expect(await balances.textContent()).toContain('¥5.00');
    expect(await page.getByTestId('ledger-transactions').locator('tr.ant-table-row').count()).toBe(2);
    expect(await page.getByTestId('ledger-export').getAttribute('href')).toBe('/api/admin/ledger/export.csv');
    await shot(page, 'console-ledger-en');
  });
});

describe.skipIf(!browserEnabled)('browser: channels of sale and providers on the console Payments page (WeChat Pay configured)', () => {
  const wechat = useWechatPayMerchant();
  const t = useTestApp(
    {},
    {
      container: {
        get wechatpay() {
          return wechat.options();
        },
      },
    },
  );
  const browser = useBrowser(t);
  const channels = async () => (await t.container.services.saleChannels.settings(t.container.ctx({ kind: 'system' }))).channels;

  it('the owner sees every provider and moves memberships to the sandbox; a choice no longer configured is a warning; other staff read', async () => {
    const owner = await createOwner(t.app);
    // The store was set to Stripe while it was configured; its variables have since been removed.
    await t.database.db.execute(sql`insert into payment_sale_channels (channel, provider, updated_at) values ('store', 'stripe', now())`);
    await signInAs(browser, owner.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${browser.base}/console/payments`);
    const card = page.getByTestId('sale-channels');
    await card.getByTestId('channel-provider-membership').waitFor();
    expect(await card.getByTestId('channel-provider-membership').textContent()).toContain('Default (WeChat Pay)');
    expect(await card.getByTestId('channel-auto-renew').textContent()).toBe("No auto-renew: WeChat Pay doesn't renew by itself");
    expect(await card.getByTestId('channel-fallback-store').textContent()).toContain(
      'Stripe was chosen but is not configured any more, so WeChat Pay takes these payments',
    );
    const providers = page.getByTestId('payment-providers');
    const stripeRow = providers.locator('tr[data-row-key="stripe"]');
    expect(await stripeRow.textContent()).toContain('Not configured');
    expect(await stripeRow.textContent()).toContain('STRIPE_SECRET_KEY');
    expect(await providers.locator('tr[data-row-key="wechatpay"]').textContent()).toContain('Real money');
    expect(await providers.locator('tr[data-row-key="wechatpay"]').textContent()).toContain('Configured by');

    // The owner moves memberships to the sandbox (it renews by itself).
    await card.getByTestId('channel-provider-membership').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Sandbox (test payments)' }).click();
    await page.locator('.ant-message-notice', { hasText: 'Memberships: payments now go through Sandbox (test payments).' }).waitFor();
    expect((await channels())[0]).toMatchObject({ chosen: 'sandbox', provider: 'sandbox', autoRenew: true });
    await expect.poll(() => card.getByTestId('channel-auto-renew').textContent()).toBe('Members can turn auto-renew on');
    await page.waitForTimeout(3_500); // the toast fades
    await shot(page, 'console-payment-channels-en');

    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.reload();
    await card.getByTestId('channel-provider-membership').waitFor();
    expect(await card.locator('.ant-card-head-title').textContent()).toBe('销售渠道');
    expect(await card.getByTestId('channel-fallback-store').textContent()).toContain('所选的 Stripe 已不再配置');
    await shot(page, 'console-payment-channels-zh');
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");

    // Other staff see the same, without the choice.
    const staff = await createStaff(t.app, owner.cookie);
    await signInAs(browser, staff.cookie);
    await page.reload();
    await card.locator('tr[data-row-key="membership"]').waitFor();
    expect(await card.locator('.ant-select').count()).toBe(0);
    expect(await card.locator('tr[data-row-key="membership"]').textContent()).toContain('Sandbox (test payments)');
    expect(await card.textContent()).toContain('Only the owner can change these.');
    await page.close();
  });

  it('a fan pays a membership with the QR code when memberships go through WeChat Pay (the default here), with no auto-renew offered', async () => {
    const system = t.container.ctx({ kind: 'system' });
    await t.container.services.tiers.create(system, {
      name: 'Gold',
      description: '',
      rank: 1,
      monthlyPriceMinor: 3_000,
      yearlyPriceMinor: 30_000,
      currency: 'CNY',
      perks: [{ kind: 'members_only_articles' }],
    });
    const fan = await signupFan(t.app);
    await signInAs(browser, fan.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${browser.base}/membership`);
    await page.getByTestId('choose-Gold').waitFor();
    // Real money and no renewal by itself: no test-payment notice, no auto-renew box.
    expect(await page.getByTestId('test-payments').count()).toBe(0);
    expect(await page.getByTestId('auto-renew').count()).toBe(0);
    await page.getByTestId('choose-Gold').click();
    const modal = page.locator('.ant-modal', { hasText: 'WeChat' });
    await modal.locator('canvas, svg').first().waitFor();
    await shot(page, 'membership-wechatpay-qr-en-phone');
    expect(wechat.requests().at(-1)).toMatchObject({ path: '/v3/pay/transactions/native', body: { amount: { total: 3_000, currency: 'CNY' } } });
    await page.close();
  });
});
