import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results');

/** Browser tests run once per CI run, on the embedded engine, where Debian's chromium is installed. */
export const browserEnabled = existsSync(CHROMIUM) && !process.env.TEST_DATABASE_URL;

export type Browser = { base: string; context: BrowserContext; close(): Promise<void> };

/** Builds the web app if stale, serves the test app on a free port and opens a headless chromium. */
export async function openBrowser(app: FastifyInstance): Promise<Browser> {
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
