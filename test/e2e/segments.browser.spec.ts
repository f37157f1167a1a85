import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner } from '../factories.ts';
import { browserEnabled, useBrowser, shot, useCookies } from './browser.ts';

describe.skipIf(!browserEnabled)('browser: a segment whose saved filter no longer parses', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  it('is listed flagged among the good ones, and its page says to edit or delete it, in both languages', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const good = await t.app.inject({ method: 'POST', url: '/api/admin/segments', headers: h, payload: { name: 'Followers', filter: { status: ['following'] } } });
    expect(good.statusCode, good.body).toBe(201);
    const badId = randomUUID();
    await t.database.db.execute(
      sql`insert into segments (id, name, filter) values (${badId}, 'Year zero', ${JSON.stringify({ followedFrom: '0000-01-01' })}::jsonb)`,
    );

    await useCookies(browser, owner.cookie);
    const page = await browser.context.newPage();
    await page.goto(`${browser.base}/console/segments`);
    const table = page.getByTestId('segments-table');
    await table.getByText('Followers').waitFor();
    await table.getByTestId('segment-invalid-filter').waitFor();
    expect(await table.getByTestId('segment-invalid-filter').textContent()).toContain('Invalid filter');
    await table.getByTestId('segment-invalid-filter').hover();
    await page.getByText('filter.followedFrom: must be between 1900-01-01 and 9999-12-31').waitFor();
    await shot(page, 'console-segments-invalid-en');

    await page.goto(`${browser.base}/console/segments/${badId}`);
    await page.getByTestId('segment-invalid-filter').waitFor();
    // A link button: disabled means no address to follow.
    expect(await page.getByTestId('segment-export').getAttribute('href')).toBeNull();
    await page.waitForTimeout(400);
    await shot(page, 'console-segment-invalid-en');

    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.goto(`${browser.base}/console/segments`);
    await expect.poll(() => table.getByTestId('segment-invalid-filter').textContent()).toContain('筛选条件无效');
    await shot(page, 'console-segments-invalid-zh');
    await page.goto(`${browser.base}/console/segments/${badId}`);
    await expect.poll(() => page.getByTestId('segment-invalid-filter').textContent()).toContain('该分组的筛选条件已失效');
    await expect.poll(() => page.getByTestId('segment-export').getAttribute('href')).toBeNull();
    // Let the buttons finish their colour transition before the picture.
    await page.waitForTimeout(400);
    await shot(page, 'console-segment-invalid-zh');

    // Deleting it from the list works like any other segment.
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await page.goto(`${browser.base}/console/segments`);
    await table.getByTestId('segment-invalid-filter').waitFor();
    await table.locator('tr', { hasText: 'Year zero' }).getByTestId('segment-delete').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await t.app.inject({ method: 'GET', url: '/api/admin/segments', headers: h })).json().items.length).toBe(1);
  }, 120_000);
});
