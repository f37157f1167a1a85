import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { browserEnabled, LAPTOP, PHONE, seriousA11yViolations, shot, signInAs, useBrowser } from './browser.ts';

const MARKER = 'The kitchen opens at six for members';

/** A members-only article on the fan site (locked and open, on a phone, in both languages) and in the console editor. */
describe.skipIf(!browserEnabled)('browser: members-only articles', () => {
  const t = useTestApp();
  // axe-core is injected into the pages (the CSP spec holds the policy itself).
  const browser = useBrowser(t, { bypassCSP: true });
  const system = () => t.container.ctx({ kind: 'system' });
  const setLanguage = (page: Page, lang: 'en' | 'zh-CN') => page.evaluate(`localStorage.setItem('fanbase.lang', '${lang}')`);
  /** Nothing wider than the phone: no sideways scrolling. */
  const fitsWidth = async (page: Page) => expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

  it('a visitor sees the summary and the lock card, a Gold member the body; staff choose who can read', async () => {
    const owner = await createOwner(t.app);
    const admin = async (method: 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url: `/api/admin${url}`, headers: { cookie: owner.cookie }, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    await admin('PUT', '/channel', { name: 'Mountain Tea House', description: 'Tea, noodles and the people who love them.' });
    const tier = (name: string, rank: number) =>
      t.container.services.tiers.create(system(), { name, rank, description: '', monthlyPriceMinor: 3_000, yearlyPriceMinor: 30_000, currency: 'CNY', perks: [] });
    await tier('Silver', 1);
    const gold = await tier('Gold', 2);
    const article = await admin('POST', '/articles', {
      title: 'A table at the chef’s counter: the winter menu, course by course',
      summary: 'Nine courses, three teas and the story behind each plate.',
      bodyMarkdown: `# The menu\n\n${MARKER}. Then the broth, then the noodles.`,
      membersTierId: gold.id,
    });
    await admin('POST', `/articles/${article.id}/publish`);
    const open = await admin('POST', '/articles', { title: 'Opening hours over the holidays', summary: 'When we are open.', bodyMarkdown: 'Every day but one.' });
    await admin('POST', `/articles/${open.id}/publish`);
    const member = await signupFan(t.app, { displayName: 'Gold Member' });
    await t.container.services.memberships.grant(system(), member.fan.id, { tierId: gold.id, months: 1 });

    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    const articleUrl = `${browser.base}/articles/${article.id}`;

    // A visitor: the summary, the lock card, no body.
    await signInAs(browser);
    await page.goto(articleUrl);
    await page.getByTestId('article-lock').waitFor();
    expect(await page.getByTestId('article-lock-title').textContent()).toBe('For Gold members');
    expect(await page.getByTestId('article-summary').textContent()).toBe('Nine courses, three teas and the story behind each plate.');
    expect(await page.getByTestId('article-content').count()).toBe(0);
    expect(await page.content()).not.toContain(MARKER);
    await fitsWidth(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'members-only-locked-phone-en');
    await setLanguage(page, 'zh-CN');
    await page.reload();
    await expect.poll(() => page.getByTestId('article-lock-title').textContent()).toBe('本文为 Gold 会员专享');
    await fitsWidth(page);
    await shot(page, 'members-only-locked-phone-zh');
    await setLanguage(page, 'en');

    // The feed's lock badge; the join button leads to the membership page.
    await page.goto(`${browser.base}/articles`);
    await page.getByTestId('locked-badge').waitFor();
    expect(await page.getByTestId('locked-badge').count()).toBe(1);
    await shot(page, 'members-only-feed-phone-en');
    await page.goto(articleUrl);
    await page.getByTestId('become-member').click();
    await page.waitForURL(`${browser.base}/membership`);

    // A Gold member: the body.
    await signInAs(browser, member.cookie);
    await page.goto(articleUrl);
    await page.getByTestId('article-content').waitFor();
    expect(await page.getByTestId('article-content').textContent()).toContain(MARKER);
    expect(await page.getByTestId('article-lock').count()).toBe(0);
    expect(await page.getByTestId('members-badge').textContent()).toBe('Gold members');
    await fitsWidth(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'members-only-open-phone-en');
    await setLanguage(page, 'zh-CN');
    await page.reload();
    await expect.poll(() => page.getByTestId('members-badge').textContent()).toBe('Gold 会员');
    await shot(page, 'members-only-open-phone-zh');
    await setLanguage(page, 'en');

    // Staff: the list's tag and the editor's "Who can read".
    await signInAs(browser, owner.cookie);
    await page.setViewportSize(LAPTOP);
    await page.goto(`${browser.base}/console/articles`);
    await page.getByTestId('members-tag').first().waitFor();
    expect(await page.getByTestId('members-tag').count()).toBe(1);
    await shot(page, 'members-only-console-list-en');
    await page.goto(`${browser.base}/console/articles/${open.id}`);
    const readers = page.getByTestId('article-readers');
    await readers.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await readers.click();
    await page.getByText('Members of Silver and above').click();
    await shot(page, 'members-only-console-editor-en');
    await page.getByTestId('article-save').click();
    const saved = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/admin/articles/${open.id}`, headers: { cookie: owner.cookie } })).json().membersTier?.name;
    await expect.poll(saved).toBe('Silver');
    await page.getByTestId('members-tag').waitFor();
  }, 180_000);
});
