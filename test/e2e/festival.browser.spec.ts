import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { browserEnabled, LAPTOP, PHONE, shot, signInAs, useBrowser, watchConsoleErrors } from './browser.ts';

/** Waits until nothing on the page is animating, the pointer off every control. */
async function still(page: Page) {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.evaluate<number>("document.getAnimations().filter((a) => a.playState === 'running').length")).toBe(0);
}

/** "2026-12-05 20:00", the pickers' format, `days` from now at 20:00 in UTC (the channel's default zone). */
const dayAt = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${String(hour).padStart(2, '0')}:00`;
};

async function pick(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(value);
  // The picker's OK button (Enter would also submit the form).
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').filter({ visible: true }).last().click();
  // On a busy machine the dropdown closes slowly: wait until the value is the field's and nothing
  // animates, so the next picker's OK button is the only one on the page.
  await expect.poll(() => page.getByTestId(testId).inputValue()).toBe(value);
  await still(page);
}

describe.skipIf(!browserEnabled)('browser: a fan festival set up in the console, reserved on a phone', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  it('staff create and publish a festival at laptop width; a fan at phone width sees the countdown and reserves', { timeout: 120_000 }, async () => {
    const owner = await createOwner(t.app);
    const product = await t.app.inject({
      method: 'POST',
      url: '/api/admin/store/products',
      headers: { cookie: owner.cookie },
      payload: { title: 'Festival Tee', slug: 'festival-tee', variants: [{ sku: 'TEE-RED-M', name: 'Red / M', price: { amountMinor: 9_900 }, stock: 40 }] },
    });
    expect(product.statusCode, product.body).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/admin/store/products/${product.json().id}/publish`, headers: { cookie: owner.cookie } });

    await signInAs(browser, owner.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(LAPTOP);
    const consoleErrors = watchConsoleErrors(page);
    await page.goto(`${browser.base}/console/fans`);
    await page.getByTestId('nav-festivals').click();
    await page.waitForURL(`${browser.base}/console/festivals`);
    await page.getByText('No festivals yet').waitFor();
    await page.getByTestId('new-festival').click();
    await page.getByTestId('festival-name').fill('Double Twelve');
    expect(await page.getByTestId('festival-slug').inputValue()).toBe('double-twelve');
    await pick(page, 'festival-starts', dayAt(2, 20));
    await pick(page, 'festival-ends', dayAt(3, 2));
    await page.getByTestId('festival-requires-reservation').click();
    await page.getByTestId('festival-description').fill('Our **biggest** sale of the year.');
    await still(page);
    await page.getByTestId('festival-save').click();
    await page.getByText('Draft created').waitFor();
    await page.waitForURL(/\/console\/festivals\/[0-9a-f-]{36}$/);

    // An item, its SKU picked from the store's catalogue.
    await page.getByTestId('item-add').click();
    await page.getByTestId('item-sku').click();
    await page.keyboard.type('TEE-RED');
    await page.getByText(/^TEE-RED-M · Festival Tee/).click();
    await page.getByTestId('item-price').fill('59');
    await page.getByTestId('item-quota').fill('30');
    await page.getByTestId('item-limit').fill('2');
    await page.getByTestId('item-save').click();
    await page.getByTestId('festival-items').getByText('TEE-RED-M').waitFor();
    await page.getByTestId('festival-publish').click();
    await page.getByTestId('festival-publish-confirm').click();
    await page.getByText('Festival published').waitFor();
    await expect.poll(() => page.getByTestId('festival-status').first().textContent()).toBe('Published');
    // The quota is held out of the store: 40 on hand, 10 left for store checkouts.
    await page.getByTestId('festival-items').getByText('10', { exact: true }).waitFor();
    await still(page);
    await shot(page, 'festival-console-editor-en');

    // A fan on a phone.
    const fan = await signupFan(t.app);
    await signInAs(browser, fan.cookie);
    const phone = await browser.context.newPage();
    await phone.setViewportSize(PHONE);
    const phoneErrors = watchConsoleErrors(phone);
    await phone.goto(`${browser.base}/`);
    await phone.getByTestId('festival-banner').getByText('Double Twelve').click();
    await phone.waitForURL(`${browser.base}/festivals/double-twelve`);
    await phone.getByTestId('festival-countdown').waitFor();
    expect(await phone.getByTestId('festival-countdown').textContent()).toMatch(/^\d\d\s*days\d\d\s*hours\d\d\s*min\d\d\s*sec$/);
    await phone
      .getByTestId('festival-opens-line')
      .getByText(/Sale opens at/)
      .waitFor();
    expect(await phone.getByTestId('list-price').textContent()).toBe('¥99.00');
    expect(await phone.getByTestId('festival-price').textContent()).toBe('¥59.00');
    await phone.getByText('30 of 30 left').waitFor();
    expect(await phone.getByRole('button', { name: /buy/i }).count()).toBe(0);
    await still(phone);
    await shot(phone, 'festival-fan-phone-en');
    await phone.getByTestId('reserve').click();
    await phone.getByTestId('reserved').waitFor();
    await still(phone);
    await shot(phone, 'festival-fan-reserved-phone-en');

    await phone.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await phone.reload();
    await phone.getByText('已预约').waitFor();
    await still(phone);
    await shot(phone, 'festival-fan-reserved-phone-zh');
    await phone.setViewportSize(LAPTOP);
    await still(phone);
    await shot(phone, 'festival-fan-laptop-zh');

    // The console's forecast counts the reservation.
    await signInAs(browser, owner.cookie);
    // The phone switched the shared profile to Chinese.
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await page.reload();
    await page.getByText('TEE-RED-M: 1 reserved of a quota of 30').waitFor();
    await still(page);
    await shot(page, 'festival-console-forecast-en');
    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.goto(`${browser.base}/console/festivals`);
    await page.getByTestId('festival-link').waitFor();
    await still(page);
    await shot(page, 'festival-console-list-zh');
    expect(consoleErrors).toEqual([]);
    expect(phoneErrors).toEqual([]);
  });
});
