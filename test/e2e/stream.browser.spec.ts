import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { browserEnabled, useBrowser, shot, useCookies } from './browser.ts';

describe.skipIf(!browserEnabled)('browser: the console says when figures are catching up', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  it('shows the notice while the stream is behind, then drops it and shows the new figures', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const a = await t.app.inject({
      method: 'POST',
      url: '/api/admin/articles',
      headers: h,
      payload: { title: 'Rice noodle festival is coming', body: 'Hello fans.' },
    });
    const articleId = a.json().id as string;
    await t.app.inject({ method: 'POST', url: `/api/admin/articles/${articleId}/publish`, headers: h });
    const follow = (cookie: string) => t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: { source: `article:${articleId}` } });
    const first = await signupFan(t.app, { displayName: 'First Fan' });
    expect((await follow(first.cookie)).statusCode).toBe(200);
    await t.settle();

    await useCookies(browser, owner.cookie);
    const page = await browser.context.newPage();
    const notice = page.getByTestId('figures-catching-up');
    await page.goto(`${browser.base}/console/analytics`);
    await expect.poll(() => page.getByTestId('growth-net').textContent()).toContain('1');
    await page.getByTestId('quality-card').waitFor();
    expect(await notice.count()).toBe(0);

    // Nothing is counted until drained: two more fans follow, the figures stay where they were.
    await t.container.stream.stop();
    for (const name of ['Second Fan', 'Third Fan']) expect((await follow((await signupFan(t.app, { displayName: name })).cookie)).statusCode).toBe(200);
    const status = (await t.app.inject({ method: 'GET', url: '/api/admin/stream', headers: h })).json();
    expect(status.behind).toBe(true);
    const pending = status.consumers.find((c: { consumer: string }) => c.consumer === 'insights.daily').pending as number;
    expect(pending).toBeGreaterThanOrEqual(2);

    // Every page showing figures of a consumer that is behind says so.
    const pages = {
      articles: '/console/articles',
      article: `/console/articles/${articleId}`,
      'super-fans': '/console/super-fans',
      segments: '/console/segments',
      fan: `/console/fans/${first.fan.id}`,
    };
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(`${browser.base}${path}`);
      await expect.poll(() => notice.textContent(), { message: path }).toContain(`${pending} recent activities are not counted yet`);
      await shot(page, `console-${name}-behind-en`);
    }
    expect(await page.getByTestId('loyalty-card').getByTestId('figures-catching-up').count()).toBe(1);

    await page.goto(`${browser.base}/console/analytics`);
    await expect.poll(() => notice.textContent()).toBe(`Figures are catching up: ${pending} recent activities are not counted yet.`);
    await page.getByTestId('quality-card').waitFor();
    expect(await page.getByTestId('growth-net').textContent()).toContain('1');
    await shot(page, 'console-analytics-behind-en');

    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.reload();
    await expect.poll(() => notice.textContent()).toBe(`数据正在更新：还有 ${pending} 条最新动态尚未计入。`);
    await page.getByTestId('quality-card').waitFor();
    await shot(page, 'console-analytics-behind-zh');
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await page.reload();
    await notice.waitFor();

    // Caught up: the notice goes at the next look (every 2 s while behind) and the figures refresh by themselves.
    await t.container.stream.drain();
    await notice.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByTestId('growth-net').textContent()).toContain('3');
    await shot(page, 'console-analytics-caught-up-en');
  }, 120_000);
});
