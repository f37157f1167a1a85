import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { signupFan } from '../factories.ts';
import { browserEnabled, useBrowser, PHONE, seedChannel, shot, signInAs } from './browser.ts';

/**
 * A visitor from a share link presses Follow, signs up (or logs in), and is back on the article
 * following, credited to the share link: the intent survives the detour through the auth pages.
 */
describe.skipIf(!browserEnabled)('browser: Follow pressed while signed out is done after sign-up or log-in', () => {
  const t = useTestApp();
  const browser = useBrowser(t);

  const me = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/fan/me', headers: { cookie } })).json();

  it('follows after signing up from a share link, credited to that link', async () => {
    const { articleId, shareCode } = await seedChannel(t, { channelName: 'Mountain Tea House' });
    await signInAs(browser);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    const articleUrl = `${browser.base}/articles/${articleId}?share=${shareCode}`;
    await page.goto(articleUrl);
    await page.getByTestId('article-follow').click();
    await page.waitForURL(/\/signup\?/);
    expect(new URL(page.url()).searchParams.get('intent')).toBe('follow');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/articles/${articleId}?share=${shareCode}`);
    await shot(page, 'follow-intent-signup-phone-en');

    await page.getByTestId('signup-email').fill('new.reader@example.com');
    await page.getByTestId('signup-password').fill('fan-password-1');
    await page.getByTestId('signup-name').fill('New Reader');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(articleUrl);
    const follow = page.getByTestId('article-follow');
    await expect.poll(async () => (await follow.textContent())?.trim()).toBe('Following');
    await shot(page, 'follow-intent-following-phone-en');

    const cookie = (await browser.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await me(cookie)).following).toBe(true);
    const activities = (await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie } })).json().items;
    expect(activities.filter((a: { kind: string }) => a.kind === 'followed')).toEqual([expect.objectContaining({ source: `share:${shareCode}` })]);

    // A reload does not follow again (nor unfollow): the intent was used once.
    await page.reload();
    await expect.poll(async () => (await follow.textContent())?.trim()).toBe('Following');
    const kinds = (await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie } })).json().items.map((a: { kind: string }) => a.kind);
    expect(kinds.filter((kind: string) => kind === 'followed')).toHaveLength(1);
  }, 120_000);

  it('follows after switching to log in, and ignores an intent it does not know', async () => {
    const { articleId } = await seedChannel(t);
    const existing = await signupFan(t.app, { email: 'back.again@example.com', displayName: 'Back Again' });
    await signInAs(browser);
    const page = await browser.context.newPage();
    await page.goto(`${browser.base}/articles/${articleId}`);
    await page.getByTestId('article-follow').click();
    await page.waitForURL(/\/signup\?/);
    expect(new URL(page.url()).searchParams.get('intent'), page.url()).toBe('follow');
    await page.getByTestId('signup-email').waitFor();
    // "Have an account? Log in" keeps where to go back to and what to do there.
    await page.getByRole('link', { name: 'Log in', exact: true }).click();
    await page.waitForURL(/\/login\?/);
    expect(new URL(page.url()).searchParams.get('intent'), page.url()).toBe('follow');
    await page.getByTestId('login-email').fill(existing.email);
    await page.getByTestId('login-password').fill(existing.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${browser.base}/articles/${articleId}`);
    await expect.poll(async () => (await me(existing.cookie)).following).toBe(true);

    // An intent that is not one we know is dropped: signing in does nothing but sign in.
    const other = await signupFan(t.app, { email: 'just.looking@example.com', displayName: 'Just Looking' });
    await signInAs(browser);
    await page.goto(`${browser.base}/login?next=${encodeURIComponent(`/articles/${articleId}`)}&intent=unfollow`);
    await page.getByTestId('login-email').fill(other.email);
    await page.getByTestId('login-password').fill(other.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${browser.base}/articles/${articleId}`);
    await expect.poll(async () => (await page.getByTestId('article-follow').textContent())?.trim()).toBe('Follow');
    expect((await me(other.cookie)).following).toBe(false);
  }, 120_000);
});
