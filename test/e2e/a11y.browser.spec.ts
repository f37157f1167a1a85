import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { browserEnabled, LAPTOP, useBrowser, PHONE, seedChannel, seriousA11yViolations, shot, signInAs, watchConsoleErrors } from './browser.ts';

/**
 * Every page, as the owner, as a fan and as a visitor, passes axe-core with no serious or
 * critical violation; controls are named by their words (never by their icons' names); the
 * fan site's logo is a link; a visitor's page load logs nothing in the browser console.
 */
describe.skipIf(!browserEnabled)('browser: accessibility of the console and the fan site', () => {
  const t = useTestApp();
  const browser = useBrowser(t, { bypassCSP: true });

  async function check(page: Page, path: string, ready: (page: Page) => Promise<unknown>, found: string[]) {
    await page.goto(`${browser.base}${path}`);
    await ready(page);
    found.push(...(await seriousA11yViolations(page)));
  }
  /** The glyph names antd gives its icons (role="img" aria-label="heart"), as a screen reader would read them in a control's name. */
  const GLYPHS = new Set(
    'heart team send plus crown down up user logout read global export file-text bar-chart filter star solution api setting edit tag tags search arrow-left arrow-right arrow-up arrow-down check share-alt history save delete copy download upload eye eye-invisible mail lock sync stop key trophy inbox info-circle rise fall right left user-add user-delete idcard shop gift comment calendar loading clock-circle close-circle check-circle close'.split(
      ' ',
    ),
  );
  /** "heart Follow", "plus New tag", "crown Owner": a glyph before a word; "Ada down": an arrow's glyph at the end. */
  function leaksGlyph(name: string): boolean {
    const words = name.split(/\s+/);
    return words.some((word, i) => GLYPHS.has(word) && (/^[A-Z\p{Script=Han}]/u.test(words[i + 1] ?? '') || (i === words.length - 1 && ARROWS.has(word))));
  }
  const ARROWS = new Set(['down', 'up', 'left', 'right']);
  async function iconNamedControls(page: Page): Promise<string[]> {
    const tree = await page.locator('body').ariaSnapshot();
    const path = new URL(page.url()).pathname;
    return [...tree.matchAll(/- (button|link|menuitem|tab|combobox|checkbox|switch) "([^"]*)"/g)]
      .filter(([, , name]) => leaksGlyph(name!))
      .map(([, role, name]) => `${path}: ${role} "${name}"`);
  }
  const testId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor();
  const text = (s: string) => (page: Page) => page.getByText(s).first().waitFor();

  it('finds no serious or critical violation on any page, signed in or not, at laptop and phone size', async () => {
    const found: string[] = [];
    const page = await browser.context.newPage();
    const errors = watchConsoleErrors(page);
    await page.setViewportSize(LAPTOP);

    // A fresh install: the owner setup page.
    await check(page, '/console/setup', testId('setup-email'), found);

    const { owner, articleId, reader, quiet } = await seedChannel(t, { channelName: 'Mountain Tea House' });

    // A visitor: the fan site and the console's sign-in page; not one error in the console.
    await signInAs(browser);
    for (const [path, ready] of [
      ['/', testId('follow-button')],
      ['/articles', testId('article-card')],
      [`/articles/${articleId}`, testId('article-content')],
      ['/signup', testId('signup-email')],
      ['/login', testId('login-email')],
      ['/me', text('Log in')],
      ['/console/login', testId('console-login-email')],
    ] as const) {
      await check(page, path, ready, found);
    }
    // A visitor opening a console page is sent to its sign-in page, with no failed request either.
    await page.goto(`${browser.base}/console/fans`);
    await page.getByTestId('console-login-email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
    expect(errors).toEqual([]);

    // The owner: every console page.
    await signInAs(browser, owner.cookie);
    for (const [path, ready] of [
      ['/console/fans', testId('fans-table')],
      [`/console/fans/${quiet.fan.id}`, testId('loyalty-card')],
      [`/console/fans/${reader.fan.id}`, testId('activity-item')],
      ['/console/articles', testId('articles-table')],
      [`/console/articles/${articleId}`, testId('article-body')],
      ['/console/articles/new', testId('article-body')],
      ['/console/analytics', testId('quality-card')],
      ['/console/segments', (p: Page) => p.locator('.ant-table').first().waitFor()],
      ['/console/super-fans', testId('candidates-table')],
      ['/console/staff', text(owner.email)],
      ['/console/tokens', (p: Page) => p.locator('.ant-table').first().waitFor()],
      ['/console/settings', testId('settings-name')],
    ] as const) {
      await check(page, path, ready, found);
    }

    // A fan: the fan site signed in, at laptop size and on a phone.
    await signInAs(browser, reader.cookie);
    for (const size of [LAPTOP, PHONE]) {
      await page.setViewportSize(size);
      for (const [path, ready] of [
        ['/', testId('follow-button')],
        ['/articles', testId('article-card')],
        [`/articles/${articleId}`, testId('article-content')],
        ['/me', testId('activity-item')],
      ] as const) {
        await check(page, path, ready, found);
      }
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('names controls by their words, not their icons, and the fan-site logo is a link', async () => {
    const { owner, quiet } = await seedChannel(t, { channelName: 'Mountain Tea House' });
    const page = await browser.context.newPage();
    await page.setViewportSize(LAPTOP);

    // A visitor finds the button "Follow" by role and name; the logo is a link home named by the channel.
    await signInAs(browser);
    await page.goto(`${browser.base}/`);
    await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
    const home = page.getByRole('link', { name: 'Mountain Tea House', exact: true });
    expect(await home.getAttribute('href')).toBe('/');
    expect(await page.locator('[role=link]:not(a)').count()).toBe(0);
    await page.goto(`${browser.base}/articles`);
    await home.click();
    await page.waitForURL(`${browser.base}/`);

    // The console: menu entries, buttons and the account menu read as their words.
    await signInAs(browser, owner.cookie);
    await page.goto(`${browser.base}/console/articles`);
    await page.getByRole('menuitem', { name: 'Fans', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New article', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Olivia Owner', exact: true }).waitFor();
    // No icon's glyph name ("heart", "team", "send", "crown", "down"…) in the name of any control, on any page.
    const leaks: string[] = [];
    const pages = ['/console/fans', `/console/fans/${quiet.fan.id}`, '/console/articles', '/console/articles/new', '/console/staff', '/console/super-fans'];
    for (const path of pages) {
      await page.goto(`${browser.base}${path}`);
      await page.waitForLoadState('networkidle');
      leaks.push(...(await iconNamedControls(page)));
    }
    await signInAs(browser, quiet.cookie);
    for (const path of ['/', '/articles', '/me']) {
      await page.goto(`${browser.base}${path}`);
      await page.waitForLoadState('networkidle');
      leaks.push(...(await iconNamedControls(page)));
    }
    expect(leaks).toEqual([]);
    await signInAs(browser, owner.cookie);

    // "+ New tag" on a fan's page is reached with the keyboard and opens the tag field.
    await page.goto(`${browser.base}/console/fans/${quiet.fan.id}`);
    const newTag = page.getByRole('button', { name: 'New tag', exact: true });
    await newTag.waitFor();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(`document.activeElement?.getAttribute('data-testid') === 'fan-tag-new'`);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('fan-tag-input').waitFor();
    await page.keyboard.type('tea-lover');
    await page.keyboard.press('Enter');
    await page.getByTestId('fan-tag').getByText('tea-lover').waitFor();
    await shot(page, 'a11y-console-fan-tags-en');
  }, 120_000);
});
