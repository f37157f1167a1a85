import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner } from '../factories.ts';
import { gate } from '../gate.ts';
import { browserEnabled, useBrowser, shot, useCookies } from './browser.ts';

describe.skipIf(!browserEnabled)('browser: a large CSV import runs in the background with its progress', () => {
  // Files above 20 rows go to the background here (2,000 in the product).
  const t = useTestApp({}, { container: { importInlineMaxRows: 20 } });
  const browser = useBrowser(t);

  it('shows the progress, lets the window close, says when it is done and shows the report again', async () => {
    const owner = await createOwner(t.app);
    await useCookies(browser, owner.cookie);
    // Hold the import until the progress has been seen.
    const workflow = t.container.services.fanImport;
    const run = workflow.run.bind(workflow);
    const held = gate();
    vi.spyOn(workflow, 'run').mockImplementationOnce(async (...args) => {
      await held.opened;
      return run(...args);
    });

    const page = await browser.context.newPage();
    await page.goto(`${browser.base}/console/fans`);
    await page.getByTestId('import-csv').click();
    const rows = Array.from({ length: 300 }, (_, i) => `fan${i}@example.com,Fan ${i}`).join('\n');
    await page
      .getByTestId('import-dropzone')
      .locator('input[type=file]')
      .setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`email,display_name\n${rows}\nnot-an-email,Bad\n`) });
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    await expect.poll(async () => progress.textContent()).toMatch(/301 rows|of 301 rows/);
    expect(await page.getByRole('progressbar', { name: 'Import progress' }).count()).toBe(1);
    await shot(page, 'console-import-background');

    // The window may close: the import goes on, and a message says when it is done.
    await page.getByTestId('import-close').click();
    await progress.waitFor({ state: 'hidden' });
    held.open();
    await page.getByText('big.csv is imported: 300 new fans.').waitFor({ timeout: 30_000 });
    vi.restoreAllMocks();

    // Opened again, the window shows the report; the fan list has the new fans.
    await page.getByTestId('import-csv').click();
    const rejected = page.getByTestId('import-errors');
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain('not-an-email');
    await shot(page, 'console-import-background-done');
    await page.getByTestId('import-again').click();
    await page.getByTestId('import-dropzone').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(async () => page.getByTestId('fans-table').textContent()).toContain('300 fans');
  }, 120_000);
});
