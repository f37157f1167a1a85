import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { browserEnabled, useBrowser, shot, useCookies } from './browser.ts';

/** Browser-side code, as text (this project's server code has no DOM types). */
const RECORD_VIOLATIONS = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + location.pathname);
  });`;
const INJECT_INLINE_SCRIPT = `
  const s = document.createElement('script');
  s.textContent = 'window.injectedRan = true';
  document.body.append(s);`;

/**
 * The Content-Security-Policy is strict (scripts from the site only, no inline script, no
 * framing): every page of the console and the fan site, and the API docs, must work under it
 * without a single violation.
 */
describe.skipIf(!browserEnabled)('browser: every page works under the Content-Security-Policy', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  /** A page that records every CSP violation the browser reports, as events and as console errors. */
  async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
    });
    await page.addInitScript(RECORD_VIOLATIONS);
    return { page, violations: async () => [...(await page.evaluate<string[]>('window.cspViolations ?? []')), ...consoleErrors] };
  }

  async function visit(page: Page, url: string, ready: () => Promise<unknown>) {
    await page.goto(`${browser.base}${url}`);
    await ready();
    await page.waitForLoadState('networkidle');
  }

  it('reports no violation on the console, the fan site, an article and /docs', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/articles',
      headers: h,
      payload: {
        title: 'Under a strict policy',
        summary: 'Markdown, a table, code and an image',
        coverUrl: `${browser.base}/favicon.svg`,
        bodyMarkdown: [
          '# Heading',
          '',
          'Some **bold** text and a [link](https://example.com).',
          '',
          '| a | b |',
          '|---|---|',
          '| 1 | 2 |',
          '',
          '```js',
          'console.log(1);',
          '```',
          '',
          `![icon](${browser.base}/favicon.svg)`,
          '',
          '<img src=x onerror="window.injectedRan = true"><script>window.injectedRan = true</script>',
        ].join('\n'),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const articleId = created.json().id as string;
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/articles/${articleId}/publish`, headers: h })).statusCode).toBe(200);
    const fan = await signupFan(t.app, { displayName: 'Policy Fan' });
    await useCookies(browser, `${owner.cookie}; ${fan.cookie}`);

    const { page, violations } = await watchedPage();
    const text = (s: string) => () => page.getByText(s).first().waitFor();
    const testId = (id: string) => () => page.getByTestId(id).first().waitFor();

    // Console.
    await visit(page, '/console/fans', testId('fans-table'));
    await visit(page, `/console/fans/${fan.fan.id}`, text('Policy Fan'));
    await visit(page, '/console/articles', text('Under a strict policy'));
    await visit(page, `/console/articles/${articleId}`, testId('article-body'));
    await page.getByTestId('article-preview-tab').click();
    await page.getByTestId('article-preview').waitFor();
    await visit(page, '/console/analytics', () => page.locator('canvas').first().waitFor());
    await visit(page, '/console/segments', () => page.locator('main, .ant-layout-content').first().waitFor());
    await visit(page, '/console/super-fans', testId('super-fans-table'));
    await visit(page, '/console/staff', text(owner.email));
    await visit(page, '/console/tokens', () => page.locator('.ant-table').first().waitFor());
    await visit(page, '/console/settings', () => page.locator('form').first().waitFor());
    await shot(page, 'csp-console-settings');

    // Fan site, with state changes made by the page itself (the cross-site guard lets them by).
    await visit(page, '/', testId('follow-button'));
    await visit(page, '/articles', text('Under a strict policy'));
    await visit(page, `/articles/${articleId}`, testId('article-content'));
    await page.getByTestId('article-share').click();
    await page.getByTestId('share-url').waitFor();
    await shot(page, 'csp-fan-article');
    await visit(page, '/me', text('Policy Fan'));
    await visit(page, '/signup', testId('signup-email'));

    // API docs (Swagger UI).
    await visit(page, '/docs/', () => page.locator('.swagger-ui .info .title').waitFor());
    await page.locator('.opblock').first().waitFor();

    expect(await violations()).toEqual([]);
    expect(await page.evaluate('window.injectedRan')).toBeUndefined();
  }, 180_000);

  it('does block an inline script (the watch above would see one)', async () => {
    const { page, violations } = await watchedPage();
    await visit(page, '/articles', () => page.locator('#root').waitFor());
    await page.evaluate(INJECT_INLINE_SCRIPT);
    // Seen twice: as the securitypolicyviolation event and as the console error.
    await expect
      .poll(violations)
      .toEqual([
        expect.stringMatching(/^script-src(-elem)? blocked inline on \/articles$/),
        expect.stringMatching(/^Executing inline script violates the following Content Security Policy directive/),
      ]);
    expect(await page.evaluate('window.injectedRan')).toBeUndefined();
  }, 60_000);
});
