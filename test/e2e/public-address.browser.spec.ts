import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, createStaff } from '../factories.ts';
import { browserEnabled, useBrowser, shot, useCookies } from './browser.ts';

// The server as `fanbase serve` runs it without PUBLIC_BASE_URL: links on the listening address.
const LINKS_ON = 'http://localhost:3000';

describe.skipIf(!browserEnabled)('browser: the console warns the owner while PUBLIC_BASE_URL is unset', () => {
  const t = useTestApp({}, { container: { publicBaseUrl: LINKS_ON, publicBaseUrlConfigured: false } });
  const browser = useBrowser(t);

  it('shows the owner where links point and where the console was opened, in both languages and on a phone; not other staff', async () => {
    const owner = await createOwner(t.app);
    const member = await createStaff(t.app, owner.cookie);
    await useCookies(browser, owner.cookie);
    const page = await browser.context.newPage();
    const warning = page.getByTestId('public-address-warning');

    await page.goto(`${browser.base}/console/fans`);
    await page.getByTestId('fans-table').waitFor();
    await expect.poll(() => warning.textContent()).toContain(`PUBLIC_BASE_URL is not set: invitation and share links point to ${LINKS_ON}`);
    expect(await warning.textContent()).toContain(`You opened the console at ${browser.base}.`);
    await shot(page, 'console-public-address-en');

    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.reload();
    await expect.poll(() => warning.textContent()).toContain(`未设置 PUBLIC_BASE_URL：邀请链接和分享链接指向 ${LINKS_ON}`);
    expect(await warning.textContent()).toContain(`你当前通过 ${browser.base} 打开管理后台。`);
    await page.getByTestId('fans-table').waitFor();
    await shot(page, 'console-public-address-zh');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await page.reload();
    await warning.waitFor();
    await page.getByTestId('fans-table').waitFor();
    await shot(page, 'console-public-address-phone-en');
    await page.close();

    // Staff other than the owner cannot change the server's configuration: no warning for them.
    await browser.context.clearCookies();
    await useCookies(browser, member.cookie);
    const staffPage = await browser.context.newPage();
    await staffPage.goto(`${browser.base}/console/fans`);
    await staffPage.getByTestId('fans-table').waitFor();
    await staffPage.getByTestId('console-channel-name').filter({ hasText: /\S/ }).waitFor();
    expect(await staffPage.getByTestId('public-address-warning').count()).toBe(0);
    await staffPage.close();
  }, 120_000);
});
