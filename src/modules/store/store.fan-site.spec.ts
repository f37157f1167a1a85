import type { InjectOptions } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import type { Perk } from '../memberships/memberships.schemas.ts';

/** Only in the unpublished product (title, slug, SKU, description): wherever it shows up, the product went out. */
const MARKER = 'secret-drop-7c1e';

type Actor = 'visitor' | 'fan' | 'member' | 'staff';
const ACTORS: Actor[] = ['visitor', 'fan', 'member', 'staff'];
/** What one route may return of the unpublished product: to staff only, or to nobody. */
type Entry = { route: string; to: 'staff' | 'nobody'; request: () => InjectOptions };

function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD' && x !== 'OPTIONS')) out.push(`${method} ${path}`);
  }
  return out;
}

const tierInput = (name: string, rank: number, perks: Perk[]) => ({
  name,
  rank,
  description: '',
  monthlyPriceMinor: 1_000,
  yearlyPriceMinor: 10_000,
  currency: 'CNY',
  perks,
});

describe('the fan store: published products only, on every route, priced for the reader', () => {
  const t = useTestApp();
  const system = () => t.container.ctx({ kind: 'system' });
  let owner: Awaited<ReturnType<typeof createOwner>>;
  const cookies = {} as Record<Actor, string | undefined>;
  let ids: { hidden: string; hiddenVariant: string; shown: string; category: string; lonely: string };

  const admin = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url: `/api/admin/store${url}`, headers: { cookie: owner.cookie }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const as = async (actor: Actor, url: string) => {
    const cookie = cookies[actor];
    return t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  };

  beforeEach(async () => {
    owner = await createOwner(t.app);
    const category = await admin('POST', '/categories', { name: 'Drops', slug: 'drops' });
    const lonely = await admin('POST', '/categories', { name: 'Only hidden things', slug: 'only-hidden' });
    const shown = await admin('POST', '/products', {
      title: 'Festival tee',
      slug: 'festival-tee',
      categoryIds: [category.id],
      variants: [
        { sku: 'TEE-M', name: 'M', price: { amountMinor: 999 }, stock: 4 },
        { sku: 'TEE-L', name: 'L', price: { amountMinor: 10_900 }, stock: 0 },
        { sku: 'TEE-XL', name: 'XL', price: { amountMinor: 12_900 }, stock: 9, active: false },
      ],
    });
    await admin('POST', `/products/${shown.id}/publish`);
    const hidden = await admin('POST', '/products', {
      title: `Unreleased ${MARKER}`,
      slug: MARKER,
      descriptionMarkdown: `Not yet: ${MARKER}`,
      categoryIds: [category.id, lonely.id],
      variants: [{ sku: `SKU-${MARKER}`, name: 'One', price: { amountMinor: 5_000 }, stock: 10 }],
    });
    // Published once, then taken back off the store.
    await admin('POST', `/products/${hidden.id}/publish`);
    await admin('POST', `/products/${hidden.id}/unpublish`);
    ids = { hidden: hidden.id, hiddenVariant: hidden.variants[0].id, shown: shown.id, category: category.id, lonely: lonely.id };

    const gold = await t.container.services.tiers.create(system(), tierInput('Gold', 2, [{ kind: 'store_discount', percent: 15 }]));
    const fan = await signupFan(t.app);
    const member = await signupFan(t.app);
    await t.container.services.memberships.grant(system(), member.fan.id, { tierId: gold.id, months: 1 });
    Object.assign(cookies, { visitor: undefined, fan: fan.cookie, member: member.cookie, staff: owner.cookie });
  });

  const MATRIX: Entry[] = [
    { route: 'GET /api/store/products', to: 'nobody', request: () => ({ method: 'GET', url: '/api/store/products' }) },
    { route: 'GET /api/store/products/:slug', to: 'nobody', request: () => ({ method: 'GET', url: `/api/store/products/${MARKER}` }) },
    { route: 'GET /api/store/categories', to: 'nobody', request: () => ({ method: 'GET', url: '/api/store/categories' }) },
    { route: 'GET /api/admin/store/products', to: 'staff', request: () => ({ method: 'GET', url: '/api/admin/store/products' }) },
    { route: 'GET /api/admin/store/products/:id', to: 'staff', request: () => ({ method: 'GET', url: `/api/admin/store/products/${ids.hidden}` }) },
    {
      route: 'POST /api/admin/store/products',
      to: 'nobody',
      request: () => ({ method: 'POST', url: '/api/admin/store/products', payload: { title: 'New', slug: 'new' } }),
    },
    {
      route: 'PUT /api/admin/store/products/:id',
      to: 'staff',
      request: () => ({ method: 'PUT', url: `/api/admin/store/products/${ids.hidden}`, payload: { title: `Unreleased ${MARKER}`, slug: MARKER } }),
    },
    {
      route: 'POST /api/admin/store/products/:id/publish',
      to: 'nobody',
      request: () => ({ method: 'POST', url: `/api/admin/store/products/${ids.shown}/publish` }),
    },
    {
      route: 'POST /api/admin/store/products/:id/unpublish',
      to: 'staff',
      request: () => ({ method: 'POST', url: `/api/admin/store/products/${ids.hidden}/unpublish` }),
    },
    { route: 'DELETE /api/admin/store/products/:id', to: 'nobody', request: () => ({ method: 'DELETE', url: `/api/admin/store/products/${ids.shown}` }) },
    {
      route: 'POST /api/admin/store/products/:id/variants',
      to: 'staff',
      request: () => ({
        method: 'POST',
        url: `/api/admin/store/products/${ids.hidden}/variants`,
        payload: { sku: `two-${MARKER}`, name: 'Two', price: { amountMinor: 1 } },
      }),
    },
    {
      route: 'PUT /api/admin/store/variants/:id',
      to: 'staff',
      request: () => ({
        method: 'PUT',
        url: `/api/admin/store/variants/${ids.hiddenVariant}`,
        payload: { sku: `SKU-${MARKER}`, name: 'One', price: { amountMinor: 5_000 }, stock: 10 },
      }),
    },
    {
      route: 'DELETE /api/admin/store/variants/:id',
      to: 'nobody',
      request: () => ({ method: 'DELETE', url: `/api/admin/store/variants/00000000-0000-4000-8000-000000000000` }),
    },
    { route: 'GET /api/admin/store/categories', to: 'nobody', request: () => ({ method: 'GET', url: '/api/admin/store/categories' }) },
    {
      route: 'POST /api/admin/store/categories',
      to: 'nobody',
      request: () => ({ method: 'POST', url: '/api/admin/store/categories', payload: { name: 'X', slug: 'x' } }),
    },
    {
      route: 'PUT /api/admin/store/categories/:id',
      to: 'nobody',
      request: () => ({ method: 'PUT', url: `/api/admin/store/categories/${ids.category}`, payload: { name: 'Drops', slug: 'drops' } }),
    },
    { route: 'DELETE /api/admin/store/categories/:id', to: 'nobody', request: () => ({ method: 'DELETE', url: `/api/admin/store/categories/${ids.lonely}` }) },
  ];

  it('walks every store route as a visitor, a fan, a member and staff: the unpublished product reaches staff alone', async () => {
    // Not through a search, a category, or a category's count either.
    for (const actor of ACTORS) {
      for (const [url, slugs] of [
        ['/api/store/products?q=unreleased', []],
        ['/api/store/products?category=drops', ['festival-tee']],
        ['/api/store/products?category=only-hidden', []],
      ] as const) {
        const page = (await as(actor, url)).json();
        expect(
          page.items.map((p: { slug: string }) => p.slug),
          `${url} as ${actor}`,
        ).toEqual(slugs);
        expect(page.total).toBe(slugs.length);
      }
      expect((await as(actor, `/api/store/products/${MARKER}`)).json().error.code).toBe('store.product_not_found');
    }
    expect((await as('fan', '/api/store/categories')).json()).toEqual([{ id: ids.category, slug: 'drops', name: 'Drops', products: 1 }]);

    const seen: string[] = [];
    const expected: string[] = [];
    for (const entry of MATRIX) {
      for (const actor of ACTORS) {
        const req = entry.request();
        const cookie = cookies[actor];
        const res = await t.app.inject({ ...req, headers: { ...req.headers, ...(cookie ? { cookie } : {}) } });
        expect(res.statusCode, `${entry.route} as ${actor}: ${res.body}`).toBeLessThan(500);
        const shows = entry.to === 'staff' && actor === 'staff';
        if (shows) expect(res.statusCode, `${entry.route} as ${actor}: ${res.body}`).toBeLessThan(300);
        if (`${res.body}${JSON.stringify(res.headers)}`.includes(MARKER)) seen.push(`${entry.route} as ${actor}`);
        if (shows) expected.push(`${entry.route} as ${actor}`);
      }
    }
    expect(seen).toEqual(expected);
  });

  it('no store route is left out of the matrix', async () => {
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }));
    expect(routes).toContain('GET /api/store/products/:slug');
    const covered = new Set(MATRIX.map((e) => e.route));
    expect(routes.filter((r) => /\/store\//.test(r) && !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('shows the variants on sale with stock, by category and search; an unknown category is 404', async () => {
    const list = (await as('visitor', '/api/store/products')).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.items[0]).toMatchObject({
      slug: 'festival-tee',
      image: null,
      categories: [{ slug: 'drops', name: 'Drops' }],
      // The inactive XL is not on sale: not in the range.
      price: { currency: 'CNY', minMinor: 999, maxMinor: 10_900 },
      inStock: true,
    });
    const product = (await as('visitor', '/api/store/products/festival-tee')).json();
    expect(product.variants.map((v: { sku: string; inStock: boolean }) => [v.sku, v.inStock])).toEqual([
      ['TEE-M', true],
      ['TEE-L', false],
    ]);
    // Fans are never told how many are on hand or held.
    expect(JSON.stringify(product)).not.toMatch(/"stock"|"reserved"|"available"/);
    expect((await as('visitor', '/api/store/products?category=drops&q=TEE')).json().total).toBe(1);
    expect((await as('visitor', '/api/store/products?q=mug')).json().total).toBe(0);
    const unknown = await as('visitor', '/api/store/products?category=nope');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'store.category_not_found']);
    expect((await as('visitor', '/api/store/products?category=Not%20A%20Slug')).statusCode).toBe(400);
    expect((await as('visitor', '/api/store/products/UPPER')).statusCode).toBe(400);

    // Sold out everywhere: still listed, out of stock.
    const [m] = (await admin('GET', `/products/${ids.shown}`)).variants;
    await admin('PUT', `/variants/${m.id}`, { sku: 'TEE-M', name: 'M', price: { amountMinor: 999 }, stock: 0 });
    expect((await as('visitor', '/api/store/products')).json().items[0].inStock).toBe(false);
  });

  it('prices for the reader: a member with the store discount pays the member price (rounded down to the fen); everyone else sees what members pay', async () => {
    const silver = await t.container.services.tiers.create(system(), tierInput('Silver', 1, [{ kind: 'store_discount', percent: 5 }]));
    const platinum = await t.container.services.tiers.create(system(), tierInput('Platinum', 3, [{ kind: 'members_only_articles' }]));
    const silverFan = await signupFan(t.app);
    const platinumFan = await signupFan(t.app);
    await t.container.services.memberships.grant(system(), silverFan.fan.id, { tierId: silver.id, months: 1 });
    await t.container.services.memberships.grant(system(), platinumFan.fan.id, { tierId: platinum.id, months: 1 });

    const prices = async (cookie: string | undefined) => {
      const headers = cookie ? { cookie } : {};
      const product = (await t.app.inject({ method: 'GET', url: '/api/store/products/festival-tee', headers })).json();
      const card = (await t.app.inject({ method: 'GET', url: '/api/store/products', headers })).json().items[0];
      return { m: product.variants[0], card };
    };
    const gold = { tier: { name: 'Gold' }, percent: 15 };

    // ¥9.99 at 15 % off is ¥8.4915: members pay ¥8.49. ¥109.00 → ¥92.65.
    for (const cookie of [undefined, cookies.fan, cookies.staff, platinumFan.cookie]) {
      const { m, card } = await prices(cookie);
      expect(m).toMatchObject({ price: { amountMinor: 999, currency: 'CNY' }, memberPrice: null, memberHint: { ...gold, amountMinor: 849 } });
      expect(card).toMatchObject({ memberPrice: null, memberHint: { ...gold, minMinor: 849, maxMinor: 9_265 } });
    }
    const goldView = await prices(cookies.member);
    expect(goldView.m).toMatchObject({ price: { amountMinor: 999 }, memberPrice: { ...gold, amountMinor: 849 }, memberHint: null });
    expect(goldView.card).toMatchObject({
      price: { minMinor: 999, maxMinor: 10_900 },
      memberPrice: { ...gold, minMinor: 849, maxMinor: 9_265 },
      memberHint: null,
    });
    // A Silver member pays their 5 % (¥9.4905 → ¥9.49) and is shown what Gold pays.
    const silverView = await prices(silverFan.cookie);
    expect(silverView.m).toMatchObject({ memberPrice: { tier: { name: 'Silver' }, percent: 5, amountMinor: 949 }, memberHint: { ...gold, amountMinor: 849 } });

    // Gold is no longer sold: its members keep their discount; the hint moves to Silver.
    const goldTier = (await t.container.services.tiers.offered(system())).find((x) => x.name === 'Gold')!;
    await t.container.services.tiers.setArchived(system(), goldTier.id, true);
    expect((await prices(cookies.member)).m).toMatchObject({ memberPrice: { ...gold, amountMinor: 849 }, memberHint: null });
    expect((await prices(undefined)).m).toMatchObject({ memberPrice: null, memberHint: { tier: { name: 'Silver' }, percent: 5, amountMinor: 949 } });
    // A perk changed applies at the next request.
    await t.container.services.tiers.update(system(), silver.id, { perks: [{ kind: 'store_discount', percent: 50 }] });
    expect((await prices(silverFan.cookie)).m).toMatchObject({ memberPrice: { percent: 50, amountMinor: 499 }, memberHint: null });
    expect((await prices(cookies.member)).m).toMatchObject({ memberPrice: { ...gold, amountMinor: 849 }, memberHint: { percent: 50, amountMinor: 499 } });
  });
});
