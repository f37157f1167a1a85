import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
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
