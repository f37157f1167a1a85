import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, createStaff, signupFan } from '../../../test/factories.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const tee = (over: Record<string, unknown> = {}) => ({
  title: 'Festival tee',
  slug: 'festival-tee',
  descriptionMarkdown: '# Soft cotton\n\nPrinted in **Guilin**.',
  images: [{ url: 'https://img.example.com/tee-front.jpg', alt: 'Front' }, { url: 'http://img.example.com/tee-back.jpg' }],
  variants: [
    {
      sku: 'TEE-BLK-M',
      name: 'Black / M',
      options: [
        { name: 'Colour', value: 'Black' },
        { name: 'Size', value: 'M' },
      ],
      price: { amountMinor: 9_900 },
      stock: 12,
      weightGrams: 180,
    },
    { sku: 'TEE-BLK-L', name: 'Black / L', price: { amountMinor: 10_900 }, stock: 3, weightGrams: 200 },
  ],
  ...over,
});

describe('store catalogue: staff keep products, variants and categories', () => {
  const t = useTestApp();
  let owner: Awaited<ReturnType<typeof createOwner>>;

  const admin = (method: Method, url: string, payload?: object, cookie = owner.cookie) =>
    t.app.inject({ method, url: `/api/admin/store${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const codeOf = (res: { statusCode: number; json: () => { error?: { code: string } } }) => [res.statusCode, res.json().error?.code];
  async function create(over: Record<string, unknown> = {}) {
    const res = await admin('POST', '/products', tee(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  beforeEach(async () => {
    owner = await createOwner(t.app);
  });

  it('creates a product with variants, renders its description, lists, edits, publishes, unpublishes and deletes it', async () => {
    const product = await create();
    expect(product).toMatchObject({
      slug: 'festival-tee',
      status: 'unpublished',
      publishedAt: null,
      images: [
        { url: 'https://img.example.com/tee-front.jpg', alt: 'Front' },
        { url: 'http://img.example.com/tee-back.jpg', alt: '' },
      ],
      priceRange: { currency: 'CNY', minMinor: 9_900, maxMinor: 10_900 },
      stockTotal: 15,
      lowStock: true,
    });
    expect(product.descriptionHtml).toBe('<h1>Soft cotton</h1>\n<p>Printed in <strong>Guilin</strong>.</p>\n');
    expect(product.variants.map((v: { sku: string; available: number; reserved: number }) => [v.sku, v.available, v.reserved])).toEqual([
      ['TEE-BLK-M', 12, 0],
      ['TEE-BLK-L', 3, 0],
    ]);
    expect(product.variants[0]).toMatchObject({
      options: [
        { name: 'Colour', value: 'Black' },
        { name: 'Size', value: 'M' },
      ],
      weightGrams: 180,
      active: true,
      archivedAt: null,
    });

    const list = (await admin('GET', '/products')).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.items[0].id).toBe(product.id);

    const edited = await admin('PUT', `/products/${product.id}`, { title: 'Festival tee 2026', slug: 'tee-2026', descriptionMarkdown: 'Plain', images: [] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Festival tee 2026', slug: 'tee-2026', descriptionHtml: '<p>Plain</p>\n', images: [], categories: [] });
    expect(edited.json().variants).toHaveLength(2);

    const published = (await admin('POST', `/products/${product.id}/publish`)).json();
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expect(codeOf(await admin('DELETE', `/products/${product.id}`))).toEqual([409, 'store.product_published']);
    expect((await admin('POST', `/products/${product.id}/unpublish`)).json().status).toBe('unpublished');
    expect((await admin('DELETE', `/products/${product.id}`)).statusCode).toBe(204);
    expect(codeOf(await admin('GET', `/products/${product.id}`))).toEqual([404, 'store.product_not_found']);
    // Its variants went with it: their SKUs are free again.
    expect((await admin('POST', '/products', tee())).statusCode).toBe(201);
  });

  it('adds, edits and deletes variants; stock never goes below what checkouts hold; an ordered variant is archived, not deleted', async () => {
    const product = await create({ variants: [] });
    expect(product).toMatchObject({ priceRange: null, stockTotal: 0, lowStock: false });
    expect(codeOf(await admin('POST', `/products/${product.id}/publish`))).toEqual([409, 'store.no_active_variant']);

    const added = await admin('POST', `/products/${product.id}/variants`, { sku: 'mug-1', name: 'Mug', price: { amountMinor: 4_500 }, stock: 40 });
    expect(added.statusCode, added.body).toBe(201);
    const mug = added.json();
    expect(mug).toMatchObject({ sku: 'mug-1', price: { amountMinor: 4_500, currency: 'CNY' }, stock: 40, weightGrams: 0, active: true });
    const second = (await admin('POST', `/products/${product.id}/variants`, { sku: 'mug-2', name: 'Big mug', price: { amountMinor: 5_500 }, stock: 2 })).json();
    expect((await admin('GET', `/products/${product.id}`)).json().variants.map((v: { sku: string }) => v.sku)).toEqual(['mug-1', 'mug-2']);

    const edited = await admin('PUT', `/variants/${mug.id}`, {
      sku: 'MUG-1',
      name: 'Mug, white',
      price: { amountMinor: 4_900 },
      stock: 8,
      weightGrams: 350,
      active: false,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ sku: 'MUG-1', name: 'Mug, white', price: { amountMinor: 4_900 }, stock: 8, weightGrams: 350, active: false });
    // Inactive variants are not on sale: the price range and stock total leave them out.
    expect((await admin('GET', `/products/${product.id}`)).json()).toMatchObject({ priceRange: { minMinor: 5_500, maxMinor: 5_500 }, stockTotal: 2 });

    // Checkouts hold 5 of the 8 mugs (as the orders work will): staff cannot count fewer on hand.
    await t.database.db.execute(sql`update store_variants set reserved = 5 where id = ${mug.id}`);
    const below = await admin('PUT', `/variants/${mug.id}`, { sku: 'MUG-1', name: 'Mug', price: { amountMinor: 4_900 }, stock: 4 });
    expect(codeOf(below)).toEqual([409, 'store.stock_below_reserved']);
    expect(below.json().error.params).toEqual({ reserved: 5 });
    expect(below.json().error.details).toEqual([{ path: 'stock', issue: 'too_small', params: { minimum: 5 }, message: 'must be at least 5' }]);
    const fine = (await admin('PUT', `/variants/${mug.id}`, { sku: 'MUG-1', name: 'Mug', price: { amountMinor: 4_900 }, stock: 5 })).json();
    expect(fine).toMatchObject({ stock: 5, reserved: 5, available: 0 });
    // The database holds the line too, whoever writes.
    await expect(t.database.db.execute(sql`update store_variants set reserved = 6 where id = ${mug.id}`)).rejects.toThrow();

    expect((await admin('DELETE', `/variants/${second.id}`)).json()).toEqual({ result: 'deleted', variant: null });
    expect(codeOf(await admin('PUT', `/variants/${second.id}`, { sku: 'x', name: 'x', price: { amountMinor: 1 } }))).toEqual([404, 'store.variant_not_found']);

    // An order line (the orders work's table) refers to the mug: deleting it archives it instead.
    await t.database.db.execute(sql`create table test_order_lines (variant_id uuid references store_variants(id) on delete restrict)`);
    try {
      await t.database.db.execute(sql`insert into test_order_lines values (${mug.id})`);
      const removed = (await admin('DELETE', `/variants/${mug.id}`)).json();
      expect(removed).toMatchObject({ result: 'archived', variant: { id: mug.id, active: false } });
      expect(removed.variant.archivedAt).not.toBeNull();
      expect(codeOf(await admin('PUT', `/variants/${mug.id}`, { sku: 'MUG-1', name: 'Mug', price: { amountMinor: 1 } }))).toEqual([409, 'store.variant_archived']);
      // Its SKU stays its own.
      expect(codeOf(await admin('POST', `/products/${product.id}/variants`, { sku: 'mug-1', name: 'Mug', price: { amountMinor: 1 } }))).toEqual([
        409,
        'store.sku_taken',
      ]);
      // A product with an ordered variant is not deleted either.
      expect(codeOf(await admin('DELETE', `/products/${product.id}`))).toEqual([409, 'store.product_ordered']);
      expect((await admin('GET', `/products/${product.id}`)).statusCode).toBe(200);
    } finally {
      await t.database.db.execute(sql`drop table test_order_lines`);
    }
  });

  it('keeps SKUs unique across the store whatever their case, and slugs unique: 409 with the field named', async () => {
    const first = await create();
    const sameSku = await admin('POST', '/products', tee({ slug: 'other', variants: [{ sku: 'tee-blk-m', name: 'Again', price: { amountMinor: 100 } }] }));
    expect(codeOf(sameSku)).toEqual([409, 'store.sku_taken']);
    expect(sameSku.json().error).toMatchObject({ params: { sku: 'tee-blk-m' }, details: [{ path: 'variants.0.sku', issue: 'taken' }] });
    const sameSlug = await admin('POST', '/products', tee({ variants: [] }));
    expect(codeOf(sameSlug)).toEqual([409, 'store.slug_taken']);
    expect(sameSlug.json().error).toMatchObject({ params: { slug: 'festival-tee' }, details: [{ path: 'slug', issue: 'taken' }] });

    const other = await create({ slug: 'cap', title: 'Cap', variants: [{ sku: 'CAP-1', name: 'Cap', price: { amountMinor: 5_000 } }] });
    expect(codeOf(await admin('PUT', `/products/${other.id}`, { title: 'Cap', slug: 'festival-tee' }))).toEqual([409, 'store.slug_taken']);
    const capId = other.variants[0].id;
    expect(codeOf(await admin('PUT', `/variants/${capId}`, { sku: 'Tee-Blk-L', name: 'Cap', price: { amountMinor: 5_000 } }))).toEqual([409, 'store.sku_taken']);
    // A variant keeps its own SKU, in another case too.
    expect((await admin('PUT', `/variants/${capId}`, { sku: 'cap-1', name: 'Cap', price: { amountMinor: 5_000 } })).statusCode).toBe(200);
    // Two variants with one SKU in the same request: 400 before anything is written.
    const twice = await admin('POST', '/products', tee({ slug: 'twice', variants: [tee().variants[0], { ...tee().variants[0], sku: 'tee-blk-M' }] }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details[0]).toMatchObject({ path: 'variants.1.sku', issue: 'duplicate' });
    expect((await admin('GET', '/products')).json().total).toBe(2);
    expect(first.id).toBeTruthy();
  });

  it('answers 409, never 500, when the same slug or SKU is sent several times at once', async () => {
    const bySlug = await Promise.all(
      Array.from({ length: 5 }, (_, i) => admin('POST', '/products', tee({ variants: [{ sku: `RACE-${i}`, name: 'R', price: { amountMinor: 1 } }] }))),
    );
    expect(bySlug.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(new Set(bySlug.filter((r) => r.statusCode === 409).map((r) => r.json().error.code))).toEqual(new Set(['store.slug_taken']));
    const bySku = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        admin('POST', '/products', tee({ slug: `race-${i}`, variants: [{ sku: 'SAME', name: 'S', price: { amountMinor: 1 } }] })),
      ),
    );
    expect(bySku.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of bySku.filter((x) => x.statusCode === 409)) expect(r.json().error).toMatchObject({ code: 'store.sku_taken', params: { sku: 'SAME' } });
    expect((await admin('GET', '/products')).json().total).toBe(2);
  });

  it('sells a product in one currency', async () => {
    const mixed = await admin(
      'POST',
      '/products',
      tee({ variants: [tee().variants[0], { sku: 'USD-1', name: 'Dollar', price: { amountMinor: 1_500, currency: 'USD' } }] }),
    );
    expect(codeOf(mixed)).toEqual([409, 'store.currency_mismatch']);
    expect(mixed.json().error.params).toEqual({ currency: 'CNY' });
    const product = await create();
    const usd = await admin('POST', `/products/${product.id}/variants`, { sku: 'USD-1', name: 'Dollar', price: { amountMinor: 1_500, currency: 'USD' } });
    expect(codeOf(usd)).toEqual([409, 'store.currency_mismatch']);
    expect(usd.json().error.details[0]).toMatchObject({ path: 'price.currency' });
    // The only variant of a product may change currency.
    const solo = await create({ slug: 'solo', variants: [{ sku: 'SOLO', name: 'Solo', price: { amountMinor: 100 } }] });
    const moved = await admin('PUT', `/variants/${solo.variants[0].id}`, { sku: 'SOLO', name: 'Solo', price: { amountMinor: 100, currency: 'USD' } });
    expect(moved.json().price).toEqual({ amountMinor: 100, currency: 'USD' });
  });

  it('refuses bad input with 400 naming the field, before writing anything', async () => {
    const cases: [object, string, string][] = [
      [tee({ title: ' ' }), 'title', 'required'],
      [tee({ slug: 'Festival Tee' }), 'slug', 'invalid'],
      [tee({ slug: 'a--b' }), 'slug', 'invalid'],
      [tee({ images: [{ url: 'javascript:alert(1)' }] }), 'images.0.url', 'invalid_url'],
      [tee({ images: [{ url: 'ftp://img.example.com/a.png' }] }), 'images.0.url', 'invalid_url'],
      [tee({ images: Array.from({ length: 11 }, (_, i) => ({ url: `https://img.example.com/${i}.jpg` })) }), 'images', 'too_many'],
      [tee({ categoryIds: ['shirts'] }), 'categoryIds.0', 'invalid'],
      [tee({ variants: [{ ...tee().variants[0], price: { amountMinor: 0 } }] }), 'variants.0.price.amountMinor', 'too_small'],
      [tee({ variants: [{ ...tee().variants[0], price: { amountMinor: 12.5 } }] }), 'variants.0.price.amountMinor', 'invalid'],
      [tee({ variants: [{ ...tee().variants[0], price: { amountMinor: 2 ** 53 } }] }), 'variants.0.price.amountMinor', 'too_big'],
      [tee({ variants: [{ ...tee().variants[0], price: { amountMinor: 100, currency: 'yuan' } }] }), 'variants.0.price.currency', 'invalid'],
      [tee({ variants: [{ ...tee().variants[0], stock: -1 }] }), 'variants.0.stock', 'too_small'],
      [tee({ variants: [{ ...tee().variants[0], stock: 2_147_483_648 }] }), 'variants.0.stock', 'too_big'],
      [tee({ variants: [{ ...tee().variants[0], weightGrams: -5 }] }), 'variants.0.weightGrams', 'too_small'],
      [tee({ variants: [{ ...tee().variants[0], sku: 'has space' }] }), 'variants.0.sku', 'invalid'],
      [
        tee({
          variants: [
            {
              ...tee().variants[0],
              options: [
                { name: 'Size', value: 'M' },
                { name: 'size', value: 'L' },
              ],
            },
          ],
        }),
        'variants.0.options',
        'duplicate',
      ],
    ];
    for (const [payload, path, issue] of cases) {
      const res = await admin('POST', '/products', payload);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details[0], path).toMatchObject({ path, in: 'body', issue });
    }
    const unknownCategory = await admin('POST', '/products', tee({ categoryIds: ['00000000-0000-4000-8000-000000000001'] }));
    expect(codeOf(unknownCategory)).toEqual([404, 'store.category_not_found']);
    expect(unknownCategory.json().error.details[0]).toMatchObject({ path: 'categoryIds.0', issue: 'not_found' });
    expect((await admin('GET', '/products?status=draft')).json().error.details[0]).toMatchObject({ path: 'status', in: 'querystring' });
    expect((await admin('GET', '/products?lowStock=yes')).statusCode).toBe(400);
    expect((await admin('GET', '/products?pageSize=101')).statusCode).toBe(400);
    expect(codeOf(await admin('GET', '/products/not-an-id'))).toEqual([400, 'validation_failed']);
    expect((await admin('GET', '/products')).json().total).toBe(0);
  });

  it('sanitises the description: no script, event handler or javascript: link ever comes back', async () => {
    const evil = [
      '<script>alert("x")</script>',
      '<img src="https://img.example.com/a.png" onerror="alert(1)">',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(2)">two</a>',
      '<iframe src="https://evil.example.com"></iframe>',
      '<img src="data:image/png;base64,AAAA">',
      '<p style="background:url(javascript:alert(3))">styled</p>',
    ].join('\n\n');
    const product = await create({ descriptionMarkdown: evil, variants: [{ sku: 'EVIL', name: 'Evil', price: { amountMinor: 100 } }] });
    await admin('POST', `/products/${product.id}/publish`);
    const answers = [
      product.descriptionHtml,
      (await admin('GET', `/products/${product.id}`)).json().descriptionHtml,
      (await t.app.inject({ method: 'GET', url: '/api/store/products/festival-tee' })).json().descriptionHtml,
    ];
    for (const html of answers) {
      expect(html).not.toMatch(/<script|onerror|href="javascript:|<iframe|src="data:|style=/i);
      expect(html).toContain('<img src="https://img.example.com/a.png" />');
      // A javascript: link is text, or a link to nowhere: never one that runs.
      expect(html).toContain('<p>[click](javascript:alert(1))</p>');
      expect(html).toContain('<a target="_blank" rel="noopener noreferrer nofollow">two</a>');
    }
    // The Markdown source is kept for staff as it was written.
    expect((await admin('GET', `/products/${product.id}`)).json().descriptionMarkdown).toBe(evil);
  });

  it('filters the console list by status, category, title or SKU and low stock, a page at a time', async () => {
    const shirts = (await admin('POST', '/categories', { name: 'Shirts', slug: 'shirts' })).json();
    const gifts = (await admin('POST', '/categories', { name: 'Gifts', slug: 'gifts', position: 1 })).json();
    const teeRow = await create({ categoryIds: [shirts.id, gifts.id] });
    const mug = await create({
      title: 'Mug',
      slug: 'mug',
      categoryIds: [gifts.id],
      variants: [{ sku: 'MUG-1', name: 'Mug', price: { amountMinor: 4_500 }, stock: 50 }],
    });
    const cap = await create({ title: 'Cap', slug: 'cap', variants: [{ sku: 'CAP-1', name: 'Cap', price: { amountMinor: 5_000 }, stock: 0 }] });
    await admin('POST', `/products/${mug.id}/publish`);

    const ids = async (query: string) => (await admin('GET', `/products${query}`)).json().items.map((p: { id: string }) => p.id);
    expect(await ids('')).toEqual([mug.id, cap.id, teeRow.id]);
    expect(await ids('?status=published')).toEqual([mug.id]);
    expect(await ids('?status=unpublished')).toEqual([cap.id, teeRow.id]);
    expect(await ids(`?categoryId=${gifts.id}`)).toEqual([mug.id, teeRow.id]);
    expect(await ids(`?categoryId=${shirts.id}&status=unpublished`)).toEqual([teeRow.id]);
    expect(await ids('?q=mu')).toEqual([mug.id]);
    expect(await ids('?q=blk-l')).toEqual([teeRow.id]);
    expect(await ids('?q=%25')).toEqual([]);
    // Low stock: an active variant with at most 5 available (the tee's L has 3, the cap none).
    expect(await ids('?lowStock=true')).toEqual([cap.id, teeRow.id]);
    expect(await ids('?lowStock=true&lowStockAt=2')).toEqual([cap.id]);
    expect(await ids('?lowStock=true&lowStockAt=100')).toEqual([mug.id, cap.id, teeRow.id]);
    const page2 = (await admin('GET', '/products?pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((p: { id: string }) => p.id)).toEqual([teeRow.id]);
    expect((await admin('GET', `/products/${teeRow.id}`)).json().categories.map((c: { slug: string }) => c.slug)).toEqual(['shirts', 'gifts']);
  });

  it('keeps categories: unique slugs, counts, renames, and deleting one leaves its products', async () => {
    const shirts = await admin('POST', '/categories', { name: 'Shirts', slug: 'shirts', position: 2 });
    expect(shirts.statusCode, shirts.body).toBe(201);
    expect(shirts.json()).toMatchObject({ name: 'Shirts', slug: 'shirts', position: 2, products: 0 });
    expect(codeOf(await admin('POST', '/categories', { name: 'More shirts', slug: 'shirts' }))).toEqual([409, 'store.category_slug_taken']);
    const hats = (await admin('POST', '/categories', { name: 'Hats', slug: 'hats' })).json();
    await create({ categoryIds: [shirts.json().id] });
    expect((await admin('GET', '/categories')).json().map((c: { slug: string; products: number }) => [c.slug, c.products])).toEqual([
      ['hats', 0],
      ['shirts', 1],
    ]);
    expect(codeOf(await admin('PUT', `/categories/${hats.id}`, { name: 'Hats', slug: 'shirts' }))).toEqual([409, 'store.category_slug_taken']);
    const renamed = await admin('PUT', `/categories/${shirts.json().id}`, { name: 'Tees', slug: 'tees', position: 0 });
    expect(renamed.json()).toMatchObject({ name: 'Tees', slug: 'tees', products: 1 });
    expect((await admin('DELETE', `/categories/${shirts.json().id}`)).statusCode).toBe(204);
    const [product] = (await admin('GET', '/products')).json().items;
    expect(product.categories).toEqual([]);
    expect(codeOf(await admin('DELETE', `/categories/${shirts.json().id}`))).toEqual([404, 'store.category_not_found']);
    expect((await admin('POST', '/categories', { name: '', slug: 'x' })).statusCode).toBe(400);
  });

  it('is staff only: a fan and a visitor never reach the console routes; every staff member may edit (the roles are owner and staff)', async () => {
    const product = await create();
    const fan = await signupFan(t.app);
    for (const [method, url, payload] of [
      ['GET', '/products'],
      ['POST', '/products', tee({ slug: 'fan-made' })],
      ['PUT', `/products/${product.id}`, { title: 'Mine', slug: 'mine' }],
      ['POST', `/products/${product.id}/publish`],
      ['DELETE', `/products/${product.id}`],
      ['POST', '/categories', { name: 'Fans', slug: 'fans' }],
    ] as [Method, string, object?][]) {
      expect(codeOf(await admin(method, url, payload, fan.cookie)), `${method} ${url}`).toEqual([403, 'auth.forbidden']);
      const visitor = await t.app.inject({ method, url: `/api/admin/store${url}`, ...(payload ? { payload } : {}) });
      expect(visitor.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await admin('GET', `/products/${product.id}`)).json()).toMatchObject({ title: 'Festival tee', status: 'unpublished' });
    const staff = await createStaff(t.app, owner.cookie);
    expect(staff.staff.role).toBe('staff');
    expect((await admin('POST', `/products/${product.id}/publish`, undefined, staff.cookie)).json().status).toBe('published');
  });
});
