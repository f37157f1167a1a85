import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { browserEnabled, LAPTOP, PHONE, seriousA11yViolations, shot, signInAs, useBrowser, watchConsoleErrors } from './browser.ts';

/** Waits until nothing on the page is animating (a modal zooming in, a dropdown sliding open), the pointer off every control (a hovered button is paler). */
async function still(page: Page) {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.evaluate<number>("document.getAnimations().filter((a) => a.playState === 'running').length")).toBe(0);
}

/** Product pictures for the screenshots: coloured squares with a word on them, from a server of their own (pictures are linked by address). */
function pictureServer() {
  const colours: Record<string, string> = { tee: '#1f2937', back: '#4b5563', mug: '#b45309', cap: '#047857', tote: '#7c3aed' };
  const server = createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\/|\.svg$/g, '');
    const fill = colours[name] ?? '#9ca3af';
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
    res.end(
      `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="${fill}"/>` +
        `<text x="300" y="320" font-family="sans-serif" font-size="72" fill="#fff" text-anchor="middle">${name.toUpperCase()}</text></svg>`,
    );
  });
  const state = { server: server as Server, base: '' };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}

describe.skipIf(!browserEnabled)('browser: the store, in the console and on a phone', () => {
  const t = useTestApp();
  // Without the CSP, axe-core can be injected into the pages.
  const browser = useBrowser(t, { bypassCSP: true });
  const pictures = pictureServer();
  const system = () => t.container.ctx({ kind: 'system' });

  it('staff build a product in the console: a category, the details with pictures and a sanitised description, variants added in the table, then publish', async () => {
    const owner = await createOwner(t.app);
    await signInAs(browser, owner.cookie);
    const page = await browser.context.newPage();
    await page.setViewportSize(LAPTOP);
    const consoleErrors = watchConsoleErrors(page);
    const found: string[] = [];

    await page.goto(`${browser.base}/console/fans`);
    await page.getByTestId('nav-store').click();
    await page.waitForURL(`${browser.base}/console/store`);
    await page.getByText('No products yet. Create the first one.').waitFor();

    // A category first, on its tab.
    await page.getByRole('tab', { name: 'Categories' }).click();
    await page.waitForURL(/tab=categories/);
    await page.getByTestId('new-category').click();
    await page.getByTestId('category-name').fill('T-shirts');
    expect(await page.getByTestId('category-slug').inputValue()).toBe('t-shirts');
    await page.getByTestId('category-save').click();
    await page.getByText('Category T-shirts created').waitFor();
    await page.getByTestId('category-edit-t-shirts').waitFor();
    await still(page);
    await shot(page, 'store-console-categories-en');
    found.push(...(await seriousA11yViolations(page)));

    // The product's details.
    await page.getByRole('tab', { name: 'Products' }).click();
    await page.getByTestId('new-product').click();
    await page.waitForURL(/\/console\/store\/products\/new$/);
    await page.getByTestId('product-title').fill('Festival Tee 2026');
    expect(await page.getByTestId('product-slug').inputValue()).toBe('festival-tee-2026');
    await page
      .getByTestId('product-description')
      .fill('## Soft cotton\n\nPrinted in **Guilin** for the rice noodle festival.\n\n<script>alert(1)</script>\n\n[sizes](javascript:alert(2))');
    await page.getByTestId('product-image-add').click();
    await page.getByTestId('product-image-url').nth(0).fill(`${pictures.base}/tee.svg`);
    await page.getByTestId('product-image-add').click();
    await page.getByTestId('product-image-url').nth(1).fill(`${pictures.base}/back.svg`);
    await page.getByTestId('product-categories').click();
    await page.locator('.ant-select-item-option:visible', { hasText: 'T-shirts' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('product-save').click();
    await page.waitForURL(/\/console\/store\/products\/[0-9a-f-]{36}$/);
    await page.getByText('Product created. Add its variants below.').waitFor();
    const productId = page.url().split('/').pop()!;

    // Variants, added in the table.
    const addVariant = async (v: { sku: string; name: string; options: string; price: string; stock: string; weight: string }) => {
      await page.getByTestId('variant-add').click();
      const row = page.getByTestId('variant-row-new');
      await row.getByTestId('variant-sku').fill(v.sku);
      await row.getByTestId('variant-name').fill(v.name);
      await row.getByTestId('variant-options').fill(v.options);
      await row.getByTestId('variant-price').fill(v.price);
      await row.getByTestId('variant-stock').fill(v.stock);
      await row.getByTestId('variant-weight').fill(v.weight);
      await row.getByTestId('variant-save').click();
      await page.getByTestId(`variant-row-${v.sku}`).waitFor();
    };
    await addVariant({ sku: 'TEE-BLK-M', name: 'Black / M', options: 'Colour: Black, Size: M', price: '99', stock: '12', weight: '180' });
    await addVariant({ sku: 'TEE-BLK-L', name: 'Black / L', options: 'Colour: Black, Size: L', price: '109', stock: '2', weight: '200' });
    // A SKU already taken is refused on its field.
    await page.getByTestId('variant-add').click();
    await page.getByTestId('variant-row-new').getByTestId('variant-sku').fill('tee-blk-m');
    await page.getByTestId('variant-row-new').getByTestId('variant-name').fill('Again');
    await page.getByTestId('variant-row-new').getByTestId('variant-price').fill('1');
    await page.getByTestId('variant-row-new').getByTestId('variant-save').click();
    await page.getByText('Another variant already has the SKU "tee-blk-m".').waitFor();
    await still(page);
    await shot(page, 'store-console-variant-row-en');
    await page.getByTestId('variant-row-new').getByRole('button', { name: 'Cancel' }).click();
    // Edit inline: the L goes to 3 on hand.
    await page.getByTestId('variant-edit-TEE-BLK-L').click();
    await page.getByTestId('variant-row-TEE-BLK-L').getByTestId('variant-stock').fill('3');
    await page.getByTestId('variant-row-TEE-BLK-L').getByTestId('variant-save').click();
    await page.getByText('Variant TEE-BLK-L saved').waitFor();
    await expect.poll(() => page.getByTestId('variant-row-TEE-BLK-L').textContent()).toContain('Low stock');

    // The preview is the server's sanitised HTML: no script, no javascript: link.
    await page.getByTestId('description-preview-tab').click();
    await page.getByTestId('description-preview').waitFor();
    const previewHtml = await page.getByTestId('description-preview').innerHTML();
    expect(previewHtml).toContain('<strong>Guilin</strong>');
    expect(previewHtml).not.toMatch(/<script|href="javascript:/);

    await page.getByTestId('product-publish').click();
    await page.getByText('Published: fans can see it in the store now').waitFor();
    await expect.poll(() => page.getByTestId('product-status').first().textContent()).toBe('Published');
    await still(page);
    await shot(page, 'store-console-product-en');
    found.push(...(await seriousA11yViolations(page)));

    const saved = (await t.app.inject({ method: 'GET', url: `/api/admin/store/products/${productId}`, headers: { cookie: owner.cookie } })).json();
    expect(saved).toMatchObject({
      title: 'Festival Tee 2026',
      slug: 'festival-tee-2026',
      status: 'published',
      images: [{ url: `${pictures.base}/tee.svg` }, { url: `${pictures.base}/back.svg` }],
      categories: [{ name: 'T-shirts' }],
      priceRange: { currency: 'CNY', minMinor: 9_900, maxMinor: 10_900 },
      stockTotal: 15,
      lowStock: true,
    });
    expect(saved.variants.map((v: { sku: string; options: unknown; weightGrams: number }) => [v.sku, v.options, v.weightGrams])).toEqual([
      [
        'TEE-BLK-M',
        [
          { name: 'Colour', value: 'Black' },
          { name: 'Size', value: 'M' },
        ],
        180,
      ],
      [
        'TEE-BLK-L',
        [
          { name: 'Colour', value: 'Black' },
          { name: 'Size', value: 'L' },
        ],
        200,
      ],
    ]);

    // The list: picture, title, status, price range, stock and its low-stock tag; filtered by low stock.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.waitForURL(`${browser.base}/console/store`);
    const row = page.getByTestId('product-row').first();
    await row.waitFor();
    const text = await row.textContent();
    for (const part of ['Festival Tee 2026', 'Published', '¥99.00 – ¥109.00', '15', 'Low stock', 'T-shirts']) expect(text).toContain(part);
    await page.getByTestId('products-low-stock').click();
    await page.waitForURL(/lowStock=true/);
    await expect.poll(() => page.getByTestId('product-row').count()).toBe(1);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Low stock only' }).isChecked()).toBe(true);
    await still(page);
    await shot(page, 'store-console-products-en');
    found.push(...(await seriousA11yViolations(page)));

    // And in Chinese.
    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.goto(`${browser.base}/console/store`);
    await page.getByText('已上架').first().waitFor();
    expect(await page.getByTestId('products-table').textContent()).toContain('库存不足');
    await shot(page, 'store-console-products-zh');
    await page.goto(`${browser.base}/console/store/products/${productId}`);
    await page.getByTestId('variants-card').getByText('规格').first().waitFor();
    await still(page);
    await shot(page, 'store-console-product-zh');
    found.push(...(await seriousA11yViolations(page)));
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");

    expect(found).toEqual([]);
    // The one error logged is the refused SKU's 409.
    expect(consoleErrors).toEqual([`/console/store/products/${productId}: Failed to load resource: the server responded with a status of 409 (Conflict)`]);
  }, 180_000);

  it('a fan on a phone browses the store by category, sees what Gold members pay, picks a size, and as a member pays the member price; in English and Chinese', async () => {
    const owner = await createOwner(t.app);
    const admin = async (method: 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url: `/api/admin/store${url}`, headers: { cookie: owner.cookie }, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const shirts = await admin('POST', '/categories', { name: 'T-shirts', slug: 't-shirts' });
    const home = await admin('POST', '/categories', { name: 'Home', slug: 'home', position: 1 });
    const product = async (p: object) => {
      const created = await admin('POST', '/products', p);
      await admin('POST', `/products/${created.id}/publish`);
      return created;
    };
    const sizes = (prefix: string, price: number, stock: Record<string, number>) =>
      Object.entries(stock).map(([size, n]) => ({
        sku: `${prefix}-${size}`,
        name: size,
        options: [
          { name: 'Colour', value: 'Black' },
          { name: 'Size', value: size },
        ],
        price: { amountMinor: price },
        stock: n,
        weightGrams: 180,
      }));
    await product({
      title: 'Rice Noodle Festival Tee',
      slug: 'festival-tee',
      categoryIds: [shirts.id],
      descriptionMarkdown: '## Soft cotton\n\nPrinted in **Guilin**. Runs small: take one size up.\n\n- 100% cotton\n- Machine wash cold',
      images: [
        { url: `${pictures.base}/tee.svg`, alt: 'The tee, front' },
        { url: `${pictures.base}/back.svg`, alt: 'The tee, back' },
      ],
      variants: sizes('TEE', 9_900, { S: 5, M: 12, L: 0 }),
    });
    await product({
      title: 'Tea house mug',
      slug: 'mug',
      categoryIds: [home.id],
      images: [{ url: `${pictures.base}/mug.svg` }],
      variants: [{ sku: 'MUG', name: 'Mug', price: { amountMinor: 4_500 }, stock: 0 }],
    });
    await product({
      title: 'Festival cap',
      slug: 'cap',
      categoryIds: [shirts.id],
      images: [{ url: `${pictures.base}/cap.svg` }],
      variants: [
        { sku: 'CAP-1', name: 'One size', price: { amountMinor: 5_900 }, stock: 30 },
        { sku: 'CAP-2', name: 'Kids', price: { amountMinor: 4_900 }, stock: 4 },
      ],
    });
    // Unpublished: nowhere on the fan site.
    await admin('POST', '/products', {
      title: 'Secret collab tote',
      slug: 'secret-tote',
      images: [{ url: `${pictures.base}/tote.svg` }],
      variants: [{ sku: 'TOTE', name: 'Tote', price: { amountMinor: 1 } }],
    });
    const gold = await t.container.services.tiers.create(system(), {
      name: 'Gold',
      description: '',
      rank: 1,
      monthlyPriceMinor: 3_000,
      yearlyPriceMinor: 30_000,
      currency: 'CNY',
      perks: [{ kind: 'store_discount', percent: 15 }],
    });

    await signInAs(browser);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    const consoleErrors = watchConsoleErrors(page);
    const found: string[] = [];
    await page.goto(`${browser.base}/`);
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");
    await page.goto(`${browser.base}/`);
    // The header's Store link: an icon on a phone, named for screen readers.
    await page.getByTestId('header-store').click();
    await page.waitForURL(`${browser.base}/store`);
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(3);
    const cards = await page.getByTestId('product-card-title').allInnerTexts();
    expect(cards).toEqual(['Festival cap', 'Tea house mug', 'Rice Noodle Festival Tee']);
    expect(await page.getByText('Secret collab tote').count()).toBe(0);
    const teeCard = page.getByTestId('product-card').filter({ hasText: 'Rice Noodle Festival Tee' });
    expect(await teeCard.getByTestId('list-price').textContent()).toBe('¥99.00');
    expect(await teeCard.getByTestId('member-hint').textContent()).toContain('Gold members pay ¥84.15');
    expect(await page.getByTestId('product-card').filter({ hasText: 'Tea house mug' }).getByTestId('card-out-of-stock').count()).toBe(1);
    expect(await page.getByTestId('product-card').filter({ hasText: 'Festival cap' }).getByTestId('list-price').textContent()).toBe('From ¥49.00');
    await page.waitForLoadState('networkidle');
    await still(page);
    await shot(page, 'store-shelf-en-phone');
    found.push(...(await seriousA11yViolations(page)));
    // The phone header stays on one line: the channel name, the three links, language and account.
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(72);

    await page.getByTestId('category-chip-home').click();
    await page.waitForURL(/category=home/);
    await expect.poll(() => page.getByTestId('product-card-title').allInnerTexts()).toEqual(['Tea house mug']);
    await page.getByTestId('category-chip-all').click();
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(3);

    // The tee: pictures, prices, a size picker; the L is out of stock.
    await teeCard.getByTestId('product-card-title').click();
    await page.waitForURL(`${browser.base}/store/festival-tee`);
    await page.getByTestId('store-product').waitFor();
    expect(await page.getByTestId('list-price').textContent()).toBe('¥99.00');
    expect(await page.getByTestId('member-hint').textContent()).toContain('Gold members pay ¥84.15 (15% off).');
    expect(await page.getByTestId('stock-line').textContent()).toContain('In stock');
    expect(await page.getByTestId('product-description').innerHTML()).toContain('<strong>Guilin</strong>');
    await page.getByTestId('variant-option-Size').getByText('L', { exact: true }).click();
    await page.getByTestId('out-of-stock').waitFor();
    expect(await page.getByTestId('stock-line').textContent()).toContain('TEE-L');
    await page.getByTestId('gallery-thumb').nth(1).click();
    expect(await page.getByTestId('product-gallery').locator('img').first().getAttribute('src')).toBe(`${pictures.base}/back.svg`);
    // No fake cart: ordering comes with the orders work.
    expect(await page.getByRole('button', { name: /buy|cart/i }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await still(page);
    await shot(page, 'store-product-en-phone');
    found.push(...(await seriousA11yViolations(page)));

    // An unpublished product's address finds nothing.
    await page.goto(`${browser.base}/store/secret-tote`);
    await page.getByText("This product isn't in the store").waitFor();

    // A Gold member sees their member price, the list price struck through.
    const member = await signupFan(t.app, { displayName: 'Gold Li' });
    await t.container.services.memberships.grant(system(), member.fan.id, { tierId: gold.id, months: 1 });
    await signInAs(browser, member.cookie);
    await page.goto(`${browser.base}/store/festival-tee`);
    await page.getByTestId('member-price').waitFor();
    expect(await page.getByTestId('member-price').textContent()).toBe('¥84.15');
    expect(await page.getByTestId('list-price').textContent()).toBe('¥99.00');
    expect(await page.getByTestId('variant-price').textContent()).toContain('Your Gold member price: 15% off');
    expect(await page.getByTestId('member-hint').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await shot(page, 'store-product-member-en-phone');

    // In Chinese.
    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.goto(`${browser.base}/store`);
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(3);
    expect(await page.getByTestId('product-card').filter({ hasText: 'Tea house mug' }).textContent()).toContain('缺货');
    expect(await page.getByTestId('product-card').filter({ hasText: 'Festival cap' }).getByTestId('member-price').textContent()).toContain('¥41.65 起');
    await page.waitForLoadState('networkidle');
    await shot(page, 'store-shelf-zh-phone');
    await signInAs(browser);
    await page.goto(`${browser.base}/store/festival-tee`);
    await page.getByTestId('member-hint').waitFor();
    expect(await page.getByTestId('member-hint').textContent()).toContain('Gold会员只需 ¥84.15（优惠 15%）');
    expect(await page.getByTestId('header-store').getAttribute('aria-label')).toBe('商城');
    await page.waitForLoadState('networkidle');
    await still(page);
    await shot(page, 'store-product-zh-phone');
    found.push(...(await seriousA11yViolations(page)));
    // On a laptop: more cards across, the pictures beside the details.
    await page.setViewportSize(LAPTOP);
    await page.goto(`${browser.base}/store`);
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(3);
    await page.waitForLoadState('networkidle');
    await still(page);
    await shot(page, 'store-shelf-zh-laptop');
    await page.goto(`${browser.base}/store/festival-tee`);
    await page.getByTestId('store-product').waitFor();
    await page.waitForLoadState('networkidle');
    await still(page);
    await shot(page, 'store-product-zh-laptop');
    found.push(...(await seriousA11yViolations(page)));
    await page.evaluate("localStorage.setItem('fanbase.lang', 'en')");

    expect(found).toEqual([]);
    // The one error logged is the unpublished product's 404.
    expect(consoleErrors).toEqual(['/store/secret-tote: Failed to load resource: the server responded with a status of 404 (Not Found)']);
  }, 180_000);
});
