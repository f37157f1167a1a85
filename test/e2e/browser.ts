import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results');

/** Browser tests run once per CI run, on the embedded engine, where Debian's chromium is installed. */
export const browserEnabled = existsSync(CHROMIUM) && !process.env.TEST_DATABASE_URL;

export type Browser = { base: string; context: BrowserContext; close(): Promise<void> };

/**
 * A browser on the test app for the spec file: opened before its tests, closed after them. Read
 * its fields inside tests (`browser.base`, `browser.context`): they are set once it is open.
 */
export function useBrowser(t: { app: FastifyInstance }, options: { bypassCSP?: boolean } = {}): Browser {
  const browser = {} as Browser;
  beforeAll(async () => {
    Object.assign(browser, await openBrowser(t.app, options));
  }, 180_000);
  afterAll(async () => {
    await browser.close?.();
  });
  return browser;
}

/** Phone and laptop sizes the layout is held to. */
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 768 };

/**
 * Builds the web app if stale, serves the test app on a free port and opens a headless chromium.
 * `bypassCSP` lets a spec inject a script of its own (axe-core); the CSP spec keeps the policy.
 */
export async function openBrowser(app: FastifyInstance, options: { bypassCSP?: boolean } = {}): Promise<Browser> {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web-if-stale.mjs')], { stdio: 'inherit' });
  // The web build above may have been absent when the test app was built: serve it now.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as { port: number };
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'fanbase-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base: `http://127.0.0.1:${addr.port}`,
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs the browser out of everything, then in with these cookies (none: an anonymous visitor). */
export async function signInAs(browser: Browser, ...cookieHeaders: string[]) {
  await browser.context.clearCookies();
  for (const header of cookieHeaders) await useCookies(browser, header);
}

/** Signs the browser in with cookies an API call returned (`name=value; name=value`). */
export async function useCookies(browser: Browser, cookieHeader: string) {
  const cookies = cookieHeader.split('; ').map((pair) => {
    const i = pair.indexOf('=');
    return { name: pair.slice(0, i), value: pair.slice(i + 1), url: browser.base };
  });
  await browser.context.addCookies(cookies);
}

/** A full-page screenshot from the top (sticky header and menu where a reader sees them). */
export async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Errors the page logs in the browser console (a failed request shows there as "Failed to load resource: … 401"). */
export function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${new URL(page.url()).pathname}: ${message.text()}`);
  });
  return errors;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResults = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

/**
 * Runs axe-core on the page as it is now (needs a browser opened with `bypassCSP`) and returns
 * its serious and critical violations, one line each: "path: rule (help) at selector, …".
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate<AxeResults>('axe.run(document, { resultTypes: ["violations"] })');
  const path = new URL(page.url()).pathname;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${path}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Ladder rules the seeded fans move on: one read makes a Reader; level 2 also asks to have been active lately. */
export const SEED_RULES = {
  graceDays: 60,
  rules: [
    { level: 1, signal: 'unique_reads', op: 'gte', threshold: 1 },
    { level: 2, signal: 'unique_reads', op: 'gte', threshold: 2 },
    { level: 2, signal: 'days_since_active', op: 'lte', threshold: 30 },
    { level: 3, signal: 'shares', op: 'gte', threshold: 1 },
    { level: 4, signal: 'unique_reads', op: 'gte', threshold: 3 },
  ],
};

/**
 * A channel with something on every page: the owner, a published article (with a `#` heading in
 * its body), a reader who read and shared it (a Reader now), a friend who followed through that
 * share link, and a fan who signed up and did nothing else. Figures are settled.
 */
export async function seedChannel(t: TestApp, options: { channelName?: string } = {}) {
  const owner = await createOwner(t.app);
  const h = { cookie: owner.cookie };
  const inject = async (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, payload });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  if (options.channelName)
    await inject('PUT', '/api/admin/channel', owner.cookie, { name: options.channelName, description: 'Tea, noodles and the people who love them.' });
  await inject('PUT', '/api/admin/loyalty/rules', h.cookie, SEED_RULES);
  const article = await inject('POST', '/api/admin/articles', owner.cookie, {
    title: 'Rice noodle festival is coming',
    summary: 'Three days of noodles',
    bodyMarkdown: '# What to expect\n\nHello fans. Bring friends.\n\n## Where\n\nThe old market.',
  });
  const articleId = article.id as string;
  await inject('POST', `/api/admin/articles/${articleId}/publish`, owner.cookie);

  const reader = await signupFan(t.app, { displayName: 'Mi Reader' });
  await inject('POST', '/api/fan/follow', reader.cookie, { source: `article:${articleId}` });
  await inject('POST', `/api/articles/${articleId}/views`, reader.cookie);
  const { code: shareCode } = (await inject('POST', `/api/articles/${articleId}/shares`, reader.cookie)) as { code: string };
  const friend = await signupFan(t.app, { displayName: 'Share Friend' });
  await inject('POST', '/api/fan/follow', friend.cookie, { source: `share:${shareCode}` });
  const quiet = await signupFan(t.app, { displayName: 'Quiet Li' });
  await t.settle();
  await t.container.jobs.idle();
  return { owner, articleId, reader, friend, quiet, shareCode };
}
