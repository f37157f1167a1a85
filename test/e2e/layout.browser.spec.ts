import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { signupFan } from '../factories.ts';
import { browserEnabled, LAPTOP, useBrowser, PHONE, seedChannel, shot, signInAs } from './browser.ts';

const LONG_NAME = 'Maximilian Alexander Theodore Montgomery-Fitzgerald of the Old Tea Market Road';

/** Layout at 1366 px and on a phone, and the words fans and owners read. */
describe.skipIf(!browserEnabled)('browser: layout and words of the console and the fan site', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  const setLanguage = (page: Page, lang: 'en' | 'zh-CN') => page.evaluate(`localStorage.setItem('fanbase.lang', '${lang}')`);
  const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

  it('on a fresh install: no doubled name in the footer, the owner is asked to name the channel, time zones show their offset', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${browser.base}/`);
    const footer = page.locator('footer');
    await expect.poll(async () => (await footer.textContent())?.trim()).toBe('Powered by Fanbase');

    // The sign-up and log-in pages' header offers neither (their card links to the other).
    await page.goto(`${browser.base}/signup`);
    await page.getByTestId('signup-email').waitFor();
    expect(await page.getByTestId('header-signup').count()).toBe(0);
    expect(await page.getByTestId('header-login').count()).toBe(0);
    await shot(page, 'layout-signup-phone-en');

    await page.setViewportSize(LAPTOP);
    await page.goto(`${browser.base}/console`);
    await page.getByTestId('setup-email').fill('owner@example.com');
    await page.getByTestId('setup-name').fill('Olivia Owner');
    await page.getByTestId('setup-password').fill('owner-password-1');
    await page.getByTestId('setup-confirm').fill('owner-password-1');
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('fans-table').waitFor();
    const notice = page.getByTestId('name-channel-notice');
    await expect.poll(() => notice.textContent()).toContain('Give your channel a name');
    await shot(page, 'layout-name-channel-en');
    await setLanguage(page, 'zh-CN');
    await page.reload();
    await expect.poll(() => notice.textContent()).toContain('给你的频道起个名字');
    await shot(page, 'layout-name-channel-zh');
    await setLanguage(page, 'en');
    await page.reload();

    await page.getByTestId('name-channel').click();
    await page.waitForURL(`${browser.base}/console/settings`);
    await notice.waitFor({ state: 'detached' });
    await page.getByTestId('settings-time-zone').click();
    await page.keyboard.type('Asia/Shang');
    await page.getByText('Asia/Shanghai (UTC+08:00)').waitFor();
    await shot(page, 'layout-time-zones-en');
    await page.keyboard.press('Enter');
    await page.getByTestId('settings-name').fill('Mountain Tea House');
    await page.getByTestId('settings-submit').click();
    await page.getByText('Saved. Daily analytics are being re-counted in Asia/Shanghai (UTC+08:00) days').waitFor();
    await page.goto(`${browser.base}/console/analytics`);
    await page.getByText('Days in Asia/Shanghai (UTC+08:00)').waitFor();
    await page.getByTestId('growth-chart').waitFor();
    expect(await notice.count()).toBe(0);

    await page.goto(`${browser.base}/`);
    await expect.poll(async () => (await footer.textContent())?.trim()).toBe('Mountain Tea House · Powered by Fanbase');
  }, 120_000);

  it('fits at 1366 px and on a phone, whatever the length of a name', async () => {
    const { owner, articleId } = await seedChannel(t, { channelName: 'Mountain Tea House' });
    const long = await signupFan(t.app, { displayName: LONG_NAME });
    const page = await browser.context.newPage();

    // 1366 px: every column of the articles table in view, none under the pinned "Net fans".
    await signInAs(browser, owner.cookie);
    await page.setViewportSize(LAPTOP);
    await page.goto(`${browser.base}/console/articles`);
    await page.getByTestId('articles-table').getByText('Rice noodle festival is coming').waitFor();
    const content = page.getByTestId('articles-table').locator('.ant-table-content');
    expect(await content.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const net = await box(page, 'th:has-text("Net fans")');
    for (const column of ['Follows', 'Unfollows']) {
      const th = await box(page, `th:text-is("${column}")`);
      expect(th.x + th.width, column).toBeLessThanOrEqual(net.x + 1);
    }
    await shot(page, 'layout-console-articles-1366-en');

    // An 80-character name: the avatar keeps its size in the fans list, the name is cut instead.
    await page.goto(`${browser.base}/console/fans`);
    const row = page.getByTestId('fans-table').locator('tr', { hasText: LONG_NAME.slice(0, 20) });
    await row.waitFor();
    const avatar = await row.locator('.ant-avatar').boundingBox();
    expect(avatar?.width).toBe(24);
    await shot(page, 'layout-console-fans-long-name-en');

    // A phone: the channel name stays whole in the fan-site header beside a long-named fan's menu.
    await signInAs(browser, long.cookie);
    await page.setViewportSize(PHONE);
    for (const lang of ['en', 'zh-CN'] as const) {
      await setLanguage(page, lang);
      await page.goto(`${browser.base}/`);
      const name = page.getByTestId('header-channel-name');
      await expect.poll(() => name.textContent()).toBe('Mountain Tea House');
      await page.getByTestId('account-menu').waitFor();
      expect(await name.evaluate((el) => el.scrollWidth - el.clientWidth), lang).toBeLessThanOrEqual(0);
      const menu = await box(page, '[data-testid=account-menu]');
      expect(menu.x + menu.width).toBeLessThanOrEqual(PHONE.width);
      await shot(page, `layout-fan-home-long-name-phone-${lang}`);
    }
    await setLanguage(page, 'en');

    // A "#" heading in the body is smaller than the article's own title on a phone.
    await page.goto(`${browser.base}/articles/${articleId}`);
    await page.getByTestId('article-content').locator('h1').waitFor();
    // Browser-side code as text: the spec's types have no DOM.
    const size = async (selector: string) => Number.parseFloat(await page.evaluate<string>(`getComputedStyle(document.querySelector('${selector}')).fontSize`));
    expect(await size('[data-testid=article-content] h1')).toBeLessThan(await size('[data-testid=article-heading]'));
    await shot(page, 'layout-fan-article-phone-en');
  }, 120_000);

  it("shows fans their own timeline in fan words, and the owner a fan's loyalty, charts and levels in plain figures", async () => {
    const { owner, reader, friend, quiet, shareCode } = await seedChannel(t, { channelName: 'Mountain Tea House' });
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);

    await signInAs(browser, reader.cookie);
    await page.goto(`${browser.base}/me`);
    const timeline = page.locator('.ant-timeline');
    await expect.poll(() => timeline.textContent()).toContain('Your fan level rose to Reader');
    const words = (await timeline.textContent()) ?? '';
    expect(words).toContain('You shared an article');
    expect(words).toContain('You followed the channel');
    expect(words).not.toContain('Moved from');
    expect(words).not.toContain(shareCode);
    await shot(page, 'layout-fan-me-phone-en');
    await setLanguage(page, 'zh-CN');
    await page.reload();
    await expect.poll(() => timeline.textContent()).toContain('你的粉丝等级升至');
    await shot(page, 'layout-fan-me-phone-zh');
    await setLanguage(page, 'en');

    await signInAs(browser, friend.cookie);
    await page.goto(`${browser.base}/me`);
    await expect.poll(() => timeline.textContent()).toContain('From a shared link');
    expect(await timeline.textContent()).not.toContain(shareCode);

    // The owner still sees the CRM's words and codes.
    await signInAs(browser, owner.cookie);
    await page.setViewportSize(LAPTOP);
    await page.goto(`${browser.base}/console/fans/${friend.fan.id}`);
    await expect.poll(() => page.getByTestId('activity-item').first().textContent()).toContain(`Share link · ${shareCode}`);
    await page.goto(`${browser.base}/console/fans/${quiet.fan.id}`);
    const loyalty = page.getByTestId('loyalty-card');
    await expect.poll(() => loyalty.textContent()).toContain('has never been active');
    expect(await loyalty.textContent()).not.toContain('has never active');

    // Charts: an empty range and a range with activity, levels with and without fans; both languages.
    for (const lang of ['en', 'zh-CN'] as const) {
      await setLanguage(page, lang);
      await page.goto(`${browser.base}/console/analytics`);
      await page.getByTestId('growth-chart').locator('canvas').waitFor();
      await page.waitForTimeout(600);
      await shot(page, `layout-analytics-${lang}`);
      await page.goto(`${browser.base}/console/analytics?from=2020-01-01&to=2020-01-31`);
      await page.getByTestId('growth-chart').locator('canvas').waitFor();
      await page.waitForTimeout(600);
      await shot(page, `layout-analytics-empty-${lang}`);
      await page.goto(`${browser.base}/console/super-fans`);
      await page.getByTestId('funnel-chart').locator('canvas').waitFor();
      await page.waitForTimeout(600);
      await shot(page, `layout-levels-${lang}`);
    }
  }, 120_000);
});
