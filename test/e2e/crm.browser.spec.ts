import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { buyMembership, createOwner, createTier, signupFan } from '../factories.ts';
import { browserEnabled, useBrowser, shot, useCookies } from './browser.ts';

const DAY = 86_400_000;
const RULES = {
  graceDays: 60,
  rules: [
    { level: 1, signal: 'unique_reads', op: 'gte', threshold: 1 },
    { level: 2, signal: 'unique_reads', op: 'gte', threshold: 2 },
    { level: 3, signal: 'shares', op: 'gte', threshold: 1 },
    { level: 4, signal: 'unique_reads', op: 'gte', threshold: 3 },
  ],
};

describe.skipIf(!browserEnabled)('browser: the console CRM pages a community manager works in', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  it('shows super fans, ranked candidates, background recompute progress, analytics and a fan page', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/loyalty/rules', headers: h, payload: RULES })).statusCode).toBe(200);
    const articles: string[] = [];
    for (const title of ['Rice noodle festival is coming', 'How we built the phone', 'Sponsored: earbuds']) {
      const a = await t.app.inject({ method: 'POST', url: '/api/admin/articles', headers: h, payload: { title, body: `# ${title}\n\nHello fans.` } });
      await t.app.inject({ method: 'POST', url: `/api/admin/articles/${a.json().id}/publish`, headers: h });
      articles.push(a.json().id);
    }
    const { articles: svc } = t.container.services;
    const as = (fanId: string, at: number) => t.container.ctx({ kind: 'fan', fanId }, { now: () => new Date(at) });
    const now = Date.now();
    const star = await signupFan(t.app, { displayName: 'Super Xiao' });
    const close = await signupFan(t.app, { displayName: 'Almost Wang' });
    const quiet = await signupFan(t.app, { displayName: 'Quiet Li' });
    const follow = (cookie: string, source?: string) =>
      t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: source ? { source } : {} });
    await follow(star.cookie, `article:${articles[0]}`);
    await follow(close.cookie);
    await follow(quiet.cookie);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/fan/follow', headers: { cookie: quiet.cookie } })).statusCode).toBe(200);
    for (const [i, id] of articles.entries()) await svc.recordView(as(star.fan.id, now - (2 - i) * DAY), id);
    await svc.share(as(star.fan.id, now), articles[0]!);
    for (const id of articles.slice(0, 2)) await svc.recordView(as(close.fan.id, now), id);
    await svc.share(as(close.fan.id, now), articles[1]!);
    await t.container.jobs.idle();

    await useCookies(browser, owner.cookie);
    const page = await browser.context.newPage();
    await page.goto(`${browser.base}/console/super-fans`);
    await page.getByTestId('super-fans-table').getByText('Super Xiao').waitFor();
    await page.getByTestId('candidates-table').getByText('Almost Wang').waitFor();
    const jobs = page.getByTestId('loyalty-jobs');
    await expect.poll(() => jobs.textContent()).toContain('No full recompute yet');
    await page.getByTestId('recompute').click();
    // The recompute runs in the background; the card reports it when done.
    await expect.poll(() => jobs.textContent(), { timeout: 20_000 }).toContain('Last full recompute');
    await expect.poll(() => jobs.textContent()).toContain('3 fans');
    // Super Xiao followed before the reads were recorded (out of order: counted 1 active day);
    // the recompute settles it to 3, and the table shows it without a reload.
    await expect.poll(() => page.getByTestId('super-fans-table').textContent()).toContain('Days active 3');
    // Act on the list: select candidates (and the super fan) and tag them together.
    await page.getByTestId('candidates-table').locator('tbody .ant-table-selection-column .ant-checkbox').first().click();
    await page.getByTestId('super-fans-table').locator('tbody .ant-table-selection-column .ant-checkbox').first().click();
    await page.getByTestId('candidates-table').getByTestId('selection-bar').waitFor();
    await page.getByTestId('candidates-table').getByTestId('bulk-tag').click();
    await page.getByTestId('bulk-tag-input').fill('meetup-invite');
    await page.getByTestId('bulk-tag-input-add').click();
    const tagsOf = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${id}/tags`, headers: h })).json().tags;
    await expect.poll(() => tagsOf(close.fan.id)).toEqual(['meetup-invite']);
    expect(await tagsOf(star.fan.id)).toEqual([]);
    await page.getByTestId('candidates-table').getByTestId('selection-bar').waitFor({ state: 'detached' });
    await shot(page, 'console-super-fans-en');

    await page.goto(`${browser.base}/console/fans/${close.fan.id}`);
    await page.getByTestId('loyalty-card').waitFor();
    await expect.poll(() => page.getByTestId('loyalty-card').textContent()).toContain('Unique reads');
    await shot(page, 'console-fan-loyalty-en');

    await page.goto(`${browser.base}/console/analytics`);
    await page.getByTestId('quality-card').waitFor();
    await expect.poll(() => page.getByTestId('growth-net').textContent()).toContain('2');
    await shot(page, 'console-analytics-en');

    // The channel's days: Beijing time, and the analytics say so.
    await page.goto(`${browser.base}/console/settings`);
    await page.getByTestId('settings-time-zone').click();
    await page.keyboard.type('Asia/Shanghai');
    await page.keyboard.press('Enter');
    await page.getByTestId('settings-submit').click();
    await expect.poll(async () => (await t.app.inject({ method: 'GET', url: '/api/admin/channel', headers: h })).json().timeZone).toBe('Asia/Shanghai');
    await shot(page, 'console-settings-en');
    await page.goto(`${browser.base}/console/analytics`);
    await page.getByText('Days in Asia/Shanghai').waitFor();

    await page.goto(`${browser.base}/console/articles`);
    await page.getByTestId('articles-table').getByText('Rice noodle festival is coming').waitFor();
    await shot(page, 'console-articles-en');

    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.goto(`${browser.base}/console/super-fans`);
    await page.getByTestId('super-fans-table').getByText('Super Xiao').waitFor();
    await expect.poll(() => page.getByTestId('loyalty-jobs').textContent()).toContain('上次全量重算');
    await shot(page, 'console-super-fans-zh');
  }, 120_000);

  it('filters a segment by membership and tier, names tiers in loyalty rules, and shows conversion to member per source', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const silver = await createTier(t.app, owner.cookie, { name: 'Silver', rank: 1 });
    const gold = await createTier(t.app, owner.cookie, { name: 'Gold', rank: 2 });
    const rules = [
      { level: 1, signal: 'membership_months', op: 'gte', threshold: 1 },
      { level: 2, signal: 'membership_rank', op: 'gte', threshold: 2 },
    ];
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/loyalty/rules', headers: h, payload: { graceDays: 60, rules } })).statusCode).toBe(200);
    const fan = async (displayName: string, source?: string) => {
      const signedUp = await signupFan(t.app, { displayName });
      await t.container.services.fans.follow(t.container.ctx({ kind: 'fan', fanId: signedUp.fan.id }), source);
      return signedUp;
    };
    const goldBuyer = await fan('Gold Zhang');
    const comped = await fan('Comped Chen');
    const silverBuyer = await fan('Silver Sun', 'share:abcd1234');
    await fan('Reader Ren', 'share:abcd1234');
    await buyMembership(t, goldBuyer, gold.id);
    await buyMembership(t, silverBuyer, silver.id, 'year');
    await t.app.inject({ method: 'POST', url: `/api/admin/fans/${comped.fan.id}/membership/comps`, headers: h, payload: { tierId: gold.id, months: 3 } });
    // No longer sold; its members keep it, and segments still offer it.
    await t.app.inject({ method: 'POST', url: `/api/admin/membership-tiers/${silver.id}/archive`, headers: h });
    await t.settle();
    await t.container.jobs.idle();

    await useCookies(browser, owner.cookie);
    const page = await browser.context.newPage();
    // (The test before leaves the browser in Chinese.)
    await page.goto(`${browser.base}/console/segments`);
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await page.reload();
    await page.getByTestId('new-segment').click();
    await page.getByTestId('segment-name').fill('Gold members');
    const choose = async (testId: string, option: string) => {
      await page.getByTestId(testId).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
      await page.keyboard.press('Escape');
    };
    await choose('segment-membership', 'Active');
    await page.getByTestId('segment-tiers').click();
    await page.locator('.ant-select-dropdown:visible').getByText('Silver (archived)').waitFor();
    await page.keyboard.press('Escape');
    await choose('segment-tiers', 'Gold');
    await expect.poll(() => page.getByTestId('segment-count').getAttribute('data-count')).toBe('2');
    await shot(page, 'console-segment-membership-en');
    await page.getByTestId('segment-save').click();
    // Saving opens the new segment's page (the list shows it for a moment first, or not at all).
    await expect.poll(() => page.getByTestId('segment-detail-count').textContent()).toContain('2');
    await page.getByText('Gold Zhang').waitFor();
    await page.getByText('Comped Chen').waitFor();
    await shot(page, 'console-segment-members-en');
    // The list names the segment with its conditions.
    await page.goto(`${browser.base}/console/segments`);
    const table = page.getByTestId('segments-table');
    await table.getByText('Gold members').waitFor();
    await expect.poll(() => table.textContent()).toContain('Membership: Active');
    expect(await table.textContent()).toContain('Tier: Gold');

    // The ladder names the tier: "Gold or above", and a fan's tier by its name.
    await page.goto(`${browser.base}/console/super-fans`);
    await expect.poll(() => page.getByTestId('ladder-rules').textContent()).toContain('Membership tier: Gold or above');
    await page.getByTestId('edit-rules').click();
    await page.getByTestId('rule-tier').waitFor();
    await expect.poll(() => page.getByTestId('rule-tier').textContent()).toContain('Gold (rank 2)');
    await shot(page, 'console-loyalty-tier-rule-en');
    await page.keyboard.press('Escape');
    await page.goto(`${browser.base}/console/fans/${silverBuyer.fan.id}`);
    await expect.poll(() => page.getByTestId('loyalty-card').textContent()).toContain('Silver');

    // Conversion to member per source: direct 1 of 2 (a comp is not paying), share link 1 of 2.
    await page.goto(`${browser.base}/console/analytics`);
    const quality = page.getByTestId('quality-table');
    await expect.poll(() => quality.textContent()).toContain('Conversion to member');
    const rates = page.getByTestId('quality-member-rate');
    await expect.poll(() => rates.allTextContents()).toEqual(['50%', '50%']);
    await shot(page, 'console-analytics-members-en');

    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.goto(`${browser.base}/console/segments`);
    await expect.poll(() => table.textContent()).toContain('会员：有效');
    await shot(page, 'console-segments-membership-zh');
    await page.goto(`${browser.base}/console/analytics`);
    await expect.poll(() => quality.textContent()).toContain('会员转化率');
    await shot(page, 'console-analytics-members-zh');
    await page.goto(`${browser.base}/console/segments`);
    await page.getByTestId('new-segment').click();
    await page.getByTestId('segment-membership').click();
    await page.locator('.ant-select-dropdown:visible').getByText('从未成为会员').waitFor();
    await page.keyboard.press('Escape');
    await shot(page, 'console-segment-membership-zh');
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
  }, 120_000);
});
