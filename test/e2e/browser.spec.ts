import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { browserEnabled, shot, useBrowser } from './browser.ts';

describe.skipIf(!browserEnabled)('browser: owner setup, fan sign-up and follow, fan seen in the console', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  it('works end to end in both faces', async () => {
    const { base, context } = browser;
    const consolePage = await context.newPage();
    await consolePage.goto(`${base}/console`);
    await consolePage.getByTestId('setup-email').fill('owner@example.com');
    await consolePage.getByTestId('setup-name').fill('Olivia Owner');
    await consolePage.getByTestId('setup-password').fill('owner-password-1');
    await consolePage.getByTestId('setup-confirm').fill('owner-password-1');
    await consolePage.getByTestId('setup-submit').click();
    await consolePage.getByTestId('fans-table').waitFor();

    const fanPage = await context.newPage();
    await fanPage.goto(`${base}/signup`);
    await fanPage.getByTestId('signup-email').fill('mi.fan@example.com');
    await fanPage.getByTestId('signup-password').fill('fan-password-1');
    await fanPage.getByTestId('signup-name').fill('Mi Fan');
    await fanPage.getByTestId('signup-submit').click();
    await fanPage.waitForURL(`${base}/`);
    const follow = fanPage.getByTestId('follow-button');
    await expect.poll(async () => (await follow.textContent())?.trim()).toBe('Follow');
    await follow.click();
    await expect.poll(async () => (await follow.textContent())?.trim()).toBe('Following');
    await shot(fanPage, 'fan-site-en');

    await consolePage.goto(`${base}/console/fans`);
    const table = consolePage.getByTestId('fans-table');
    await table.getByText('Mi Fan').waitFor();
    await expect.poll(async () => table.textContent()).toContain('mi.fan@example.com');
    await shot(consolePage, 'console-fans-en');

    // The same pages in Chinese, as a Chinese-speaking team would see them.
    await consolePage.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await consolePage.reload();
    await table.getByText('Mi Fan').waitFor();
    await expect.poll(async () => consolePage.locator('body').textContent()).toContain('粉丝');
    await shot(consolePage, 'console-fans-zh');
    await fanPage.reload();
    await expect.poll(async () => (await follow.textContent())?.trim()).toBe('已关注');
    await shot(fanPage, 'fan-site-zh');

    // A CSV import, in Chinese: each rejected row's reason is translated from its code.
    await consolePage.getByTestId('import-csv').click();
    await consolePage
      .getByTestId('import-dropzone')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'fans.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('email,display_name\nnew.fan@example.com,New\nnot-an-email,Bad\nnew.fan@example.com,Again\n'),
      });
    const rejected = consolePage.getByTestId('import-errors');
    await rejected.waitFor();
    await expect.poll(async () => rejected.textContent()).toContain('邮箱地址无效。');
    expect(await rejected.textContent()).toContain('邮箱与第 2 行重复');
    await shot(consolePage, 'console-import-zh');

    const stored = await t.app.inject({ method: 'GET', url: '/api/channel' });
    expect(stored.json().followerCount).toBe(1);
  }, 120_000);
});
