import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { browserEnabled, useBrowser, shot, useCookies, type Browser } from './browser.ts';

/** What the server says in English for the errors provoked below: none of it may reach a Chinese reader. */
const SERVER_ENGLISH = [
  'Email or password is incorrect',
  'An account with this email already exists',
  'Rate limit exceeded',
  'Too many',
  'A segment',
  'I am a teapot',
];

/** The text of the toasts on the page (antd `message`). */
const toasts = (page: Page) => page.locator('.ant-message').innerText();

/** Waits for a toast holding `text`, and checks no toast has a word of English in it. */
async function expectToast(page: Page, text: string) {
  await page.locator('.ant-message-notice', { hasText: text }).waitFor();
  const all = await toasts(page);
  expect(all).not.toMatch(/[A-Za-z]{2,}/);
  for (const english of SERVER_ENGLISH) expect(all).not.toContain(english);
}

/** A page whose interface is in Chinese, as a Chinese-speaking user set it. */
async function chinesePage(browser: Browser, viewport?: { width: number; height: number }) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`${browser.base}/healthz`);
  await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
  return page;
}

describe.skipIf(!browserEnabled)('browser: server errors in the Chinese console and fan site', () => {
  // Three attempts a minute per address and email, so the rate limit is quick to reach.
  const t = useTestApp({ credentialLimit: { max: 3, timeWindow: '1 minute' } });
  const browser = useBrowser(t);

  it('shows each error in Chinese, never the server English', async () => {
    const owner = await createOwner(t.app);
    const fan = await signupFan(t.app);

    // Console: a wrong password.
    const consolePage = await chinesePage(browser);
    await consolePage.goto(`${browser.base}/console/login`);
    await consolePage.getByTestId('console-login-email').fill(owner.email);
    await consolePage.getByTestId('console-login-password').fill('not-the-password');
    await consolePage.getByTestId('console-login-submit').click();
    await expectToast(consolePage, '邮箱或密码不正确。');
    await shot(consolePage, 'errors-console-login-zh');

    // Console: a segment name already taken, on the form field.
    await useCookies(browser, owner.cookie);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/admin/segments', headers: { cookie: owner.cookie }, payload: { name: 'VIP', filter: {} } })).statusCode,
    ).toBe(201);
    await consolePage.goto(`${browser.base}/console/segments`);
    await consolePage.getByTestId('new-segment').click();
    await consolePage.getByTestId('segment-name').fill('VIP');
    await consolePage.getByTestId('segment-save').click();
    const fieldError = consolePage.locator('.ant-drawer .ant-form-item-explain-error');
    await fieldError.first().waitFor();
    expect(await fieldError.allInnerTexts()).toEqual(['已有同名的分组']);
    await shot(consolePage, 'errors-console-segment-zh');

    // Fan site, at phone size: a duplicate sign-up email, a wrong password, then too many tries.
    const site = await chinesePage(browser, { width: 390, height: 844 });
    await site.goto(`${browser.base}/signup`);
    await site.getByTestId('signup-email').fill(fan.email);
    await site.getByTestId('signup-password').fill('fan-password-2');
    await site.getByTestId('signup-name').fill('又一个');
    await site.getByTestId('signup-submit').click();
    await expectToast(site, '该邮箱已注册，请直接登录。');
    await shot(site, 'errors-fan-signup-zh');

    await site.goto(`${browser.base}/login`);
    await site.getByTestId('login-email').fill(fan.email);
    await site.getByTestId('login-password').fill('not-the-password');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await site.getByTestId('login-submit').click();
      await expectToast(site, '邮箱或密码不正确。');
      await site.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    }
    await site.getByTestId('login-submit').click();
    await expectToast(site, '操作过于频繁');
    expect(await toasts(site)).toMatch(/请在 \d+秒钟后重试。/);
    await shot(site, 'errors-fan-rate-limit-zh');

    // A code this build does not know (a newer server, a proxy): a Chinese fallback, not its English.
    await site.route('**/api/fan/login', (route) =>
      route.fulfill({
        status: 418,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'teapot.brewing', message: 'I am a teapot', params: {} } }),
      }),
    );
    await site.getByTestId('login-submit').click();
    await expectToast(site, '出了点问题，请重试。');
  }, 120_000);
});
