import type { InjectOptions } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { cookieOf, createOwner, signupFan } from '../../../test/factories.ts';

const DAY = 86_400_000;
/** Only in the members-only article's body: wherever it shows up, the body went out. */
const MARKER = 'GOLD-ONLY-BODY-7f3a9c';
const SUMMARY = 'What the new tea house serves, for everyone to read';

type Actor = 'anonymous' | 'nonMember' | 'silver' | 'gold' | 'staff';
const ACTORS: Actor[] = ['anonymous', 'nonMember', 'silver', 'gold', 'staff'];

/** What one route returns of an article: its body to fans who may read it, to staff, or to nobody. */
type Entry = { route: string; to: 'readers' | 'staff' | 'nobody'; request: () => InjectOptions };

/** Routes that may return article content (and exports): each must be an entry of the matrix below. */
const ARTICLE_ROUTE = /article|feed|search|share|export|^\/s\//;

/** `METHOD /path` of every route the app serves (HEAD and OPTIONS aside), read from Fastify's route tree. */
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

describe('members-only articles: the body reaches only fans holding the tier (or a higher one) and staff, on every route', () => {
  let offset = 0;
  const t = useTestApp({ credentialLimit: { max: 1_000, timeWindow: '1 minute' } }, { container: { now: () => new Date(Date.now() + offset) } });
  const system = () => t.container.ctx({ kind: 'system' });

  let owner: Awaited<ReturnType<typeof createOwner>>;
  let fans: Record<'nonMember' | 'silver' | 'gold', Awaited<ReturnType<typeof signupFan>>>;
  let tiers: { silver: { id: string }; gold: { id: string } };
  let articleId: string;
  /** A second members-only article, for the routes that change it (unpublish, delete). */
  let spareId: string;
  let shareCode: string;
  const cookies = {} as Record<Actor, string | undefined>;

  const admin = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url: `/api/admin${url}`, headers: { cookie: owner.cookie }, ...(payload ? { payload } : {}) });
    return res;
  };
  const articleInput = (over: Record<string, unknown> = {}) => ({
    title: 'The new tea house',
    summary: SUMMARY,
    bodyMarkdown: `# Inside\n\nThe menu, for members: ${MARKER}.`,
    membersTierId: tiers.gold.id,
    ...over,
  });
  async function publish(over: Record<string, unknown> = {}) {
    const created = await admin('POST', '/articles', articleInput(over));
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin('POST', `/articles/${created.json().id}/publish`)).statusCode).toBe(200);
    return created.json().id as string;
  }
  const tierInput = (name: string, rank: number) => ({
    name,
    rank,
    description: '',
    monthlyPriceMinor: 1_000,
    yearlyPriceMinor: 10_000,
    currency: 'CNY',
    perks: [],
  });
  const grant = (fanId: string, tierId: string) => t.container.services.memberships.grant(system(), fanId, { tierId, months: 1 });
  /** Time passes (sessions last 30 days, so everyone signs in again). */
  async function later(days: number) {
    offset += days * DAY;
    for (const who of ['nonMember', 'silver', 'gold'] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: fans[who].email, password: fans[who].password } });
      cookies[who] = cookieOf(res);
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/console/login', payload: { email: owner.email, password: owner.password } });
    owner = { ...owner, cookie: cookieOf(res) };
    cookies.staff = owner.cookie;
  }

  beforeEach(async () => {
    offset = 0;
    owner = await createOwner(t.app);
    tiers = {
      silver: await t.container.services.tiers.create(system(), tierInput('Silver', 1)),
      gold: await t.container.services.tiers.create(system(), tierInput('Gold', 2)),
    };
    fans = { nonMember: await signupFan(t.app), silver: await signupFan(t.app), gold: await signupFan(t.app) };
    await grant(fans.silver.fan.id, tiers.silver.id);
    await grant(fans.gold.fan.id, tiers.gold.id);
    Object.assign(cookies, { anonymous: undefined, nonMember: fans.nonMember.cookie, silver: fans.silver.cookie, gold: fans.gold.cookie, staff: owner.cookie });
    articleId = await publish();
    spareId = await publish({ title: 'The spare' });
    // A fan without the tier may still share it: the link brings friends to its summary and the join button.
    const share = await t.app.inject({ method: 'POST', url: `/api/articles/${articleId}/shares`, headers: { cookie: fans.silver.cookie } });
    expect(share.statusCode, share.body).toBe(200);
    shareCode = share.json().code;
  });

  const MATRIX: Entry[] = [
    // The fan site
    { route: 'GET /api/articles', to: 'nobody', request: () => ({ method: 'GET', url: '/api/articles' }) },
    { route: 'GET /api/articles/:id', to: 'readers', request: () => ({ method: 'GET', url: `/api/articles/${articleId}` }) },
    { route: 'POST /api/articles/:id/views', to: 'nobody', request: () => ({ method: 'POST', url: `/api/articles/${articleId}/views` }) },
    { route: 'POST /api/articles/:id/shares', to: 'nobody', request: () => ({ method: 'POST', url: `/api/articles/${articleId}/shares` }) },
    { route: 'GET /s/:code', to: 'nobody', request: () => ({ method: 'GET', url: `/s/${shareCode}` }) },
    { route: 'GET /api/fan/activities', to: 'nobody', request: () => ({ method: 'GET', url: '/api/fan/activities' }) },
    // The console
    { route: 'GET /api/admin/articles', to: 'staff', request: () => ({ method: 'GET', url: '/api/admin/articles' }) },
    { route: 'GET /api/admin/articles/comparison', to: 'nobody', request: () => ({ method: 'GET', url: '/api/admin/articles/comparison' }) },
    {
      route: 'POST /api/admin/articles',
      to: 'staff',
      request: () => ({ method: 'POST', url: '/api/admin/articles', payload: articleInput({ title: 'Another' }) }),
    },
    { route: 'GET /api/admin/articles/:id', to: 'staff', request: () => ({ method: 'GET', url: `/api/admin/articles/${articleId}` }) },
    { route: 'PUT /api/admin/articles/:id', to: 'staff', request: () => ({ method: 'PUT', url: `/api/admin/articles/${articleId}`, payload: articleInput() }) },
    { route: 'POST /api/admin/articles/:id/publish', to: 'staff', request: () => ({ method: 'POST', url: `/api/admin/articles/${articleId}/publish` }) },
    { route: 'POST /api/admin/articles/:id/unpublish', to: 'staff', request: () => ({ method: 'POST', url: `/api/admin/articles/${spareId}/unpublish` }) },
    { route: 'DELETE /api/admin/articles/:id', to: 'nobody', request: () => ({ method: 'DELETE', url: `/api/admin/articles/${spareId}` }) },
    { route: 'GET /api/admin/fans/:id/activities', to: 'nobody', request: () => ({ method: 'GET', url: `/api/admin/fans/${fans.gold.fan.id}/activities` }) },
    { route: 'GET /api/admin/fans/export.csv', to: 'nobody', request: () => ({ method: 'GET', url: '/api/admin/fans/export.csv' }) },
    { route: 'GET /api/admin/ledger/export.csv', to: 'nobody', request: () => ({ method: 'GET', url: '/api/admin/ledger/export.csv' }) },
  ];

  /** Every route as every actor: the marker is in the answer (body or headers) exactly where expected. */
  async function walk(readers: Actor[]) {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const entry of MATRIX) {
      for (const actor of ACTORS) {
        const req = entry.request();
        const cookie = cookies[actor];
        const res = await t.app.inject({ ...req, headers: { ...req.headers, ...(cookie ? { cookie } : {}) } });
        expect(res.statusCode, `${entry.route} as ${actor}: ${res.body}`).toBeLessThan(500);
        const shows = entry.to === 'readers' ? readers.includes(actor) : entry.to === 'staff' ? actor === 'staff' : false;
        if (shows) expect(res.statusCode, `${entry.route} as ${actor}: ${res.body}`).toBeLessThan(300);
        if (`${res.body}${JSON.stringify(res.headers)}`.includes(MARKER)) seen.push(`${entry.route} as ${actor}`);
        if (shows) expected.push(`${entry.route} as ${actor}`);
      }
    }
    expect(seen).toEqual(expected);
  }

  /** What the fan site says of the article to one actor. */
  async function asReader(actor: Actor) {
    const cookie = cookies[actor];
    const headers = cookie ? { cookie } : {};
    const page = await t.app.inject({ method: 'GET', url: `/api/articles/${articleId}`, headers });
    const feed = await t.app.inject({ method: 'GET', url: '/api/articles', headers });
    const inFeed = feed.json().items.find((a: { id: string }) => a.id === articleId);
    return { page: page.json(), inFeed };
  }

  it('walks every article route as a visitor, a fan, a Silver member, a Gold member and staff; after the Gold membership expires the body is hidden again', async () => {
    await walk(['gold']);

    const locked = await asReader('silver');
    expect(locked.page).toMatchObject({ id: articleId, summary: SUMMARY, locked: true, requiredTier: { id: tiers.gold.id, name: 'Gold' }, bodyHtml: null });
    expect(locked.inFeed).toMatchObject({ summary: SUMMARY, locked: true, requiredTier: { id: tiers.gold.id, name: 'Gold' } });
    expect((await asReader('anonymous')).page).toMatchObject({ locked: true, bodyHtml: null });
    const open = await asReader('gold');
    expect(open.page).toMatchObject({ locked: false, requiredTier: { id: tiers.gold.id, name: 'Gold' } });
    expect(open.page.bodyHtml).toContain(MARKER);
    expect(open.inFeed).toMatchObject({ locked: false });
    const staffView = (await admin('GET', `/articles/${articleId}`)).json();
    expect(staffView.membersTier).toEqual({ id: tiers.gold.id, name: 'Gold', rank: 2, status: 'active' });

    // The month is over: the Gold member is one no longer.
    await later(32);
    expect(await t.container.services.memberships.expireDue(system())).toBe(2);
    await walk([]);
    expect((await asReader('gold')).page).toMatchObject({ locked: true, bodyHtml: null });
  });

  it('compares ranks when read: a tier moved above the required one opens the body to its members', async () => {
    await t.container.services.tiers.update(system(), tiers.silver.id, { rank: 3 });
    await walk(['silver', 'gold']);
    // A public article stays open to all.
    const open = await publish({ title: 'For everyone', membersTierId: null });
    const page = (await t.app.inject({ method: 'GET', url: `/api/articles/${open}` })).json();
    expect(page).toMatchObject({ locked: false, requiredTier: null });
    expect(page.bodyHtml).toContain(MARKER);
  });

  it('a locked view is not a read: no activity and no view counted; a member reading it is one', async () => {
    const view = (cookie?: string) => t.app.inject({ method: 'POST', url: `/api/articles/${articleId}/views`, headers: cookie ? { cookie } : {} });
    expect((await view(fans.silver.cookie)).json()).toEqual({ uniqueRead: false });
    expect((await view()).json()).toEqual({ uniqueRead: false });
    expect((await view(fans.gold.cookie)).json()).toEqual({ uniqueRead: true });
    await t.settle();
    const reads = async (fan: { cookie: string }) =>
      (await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie: fan.cookie } }))
        .json()
        .items.filter((a: { kind: string }) => a.kind === 'read').length;
    expect(await reads(fans.silver)).toBe(0);
    expect(await reads(fans.gold)).toBe(1);
    expect((await admin('GET', `/articles/${articleId}`)).json().stats).toMatchObject({ views: 1, uniqueReads: 1 });
  });

  it('staff choose an existing tier; an archived one only where the article already had it; a tier an article names is not deleted', async () => {
    const unknown = await admin('POST', '/articles', articleInput({ membersTierId: '00000000-0000-4000-8000-000000000001' }));
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'membership.tier_not_found']);
    expect((await admin('POST', '/articles', articleInput({ membersTierId: 'gold' }))).statusCode).toBe(400);

    await t.container.services.tiers.setArchived(system(), tiers.gold.id, true);
    const archived = await admin('POST', '/articles', articleInput());
    expect([archived.statusCode, archived.json().error.code]).toEqual([409, 'membership.tier_archived']);
    const kept = await admin('PUT', `/articles/${articleId}`, articleInput({ title: 'Renamed' }));
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().membersTier).toMatchObject({ id: tiers.gold.id, status: 'archived' });
    // Members of an archived tier keep it until their period ends, and read on.
    expect((await asReader('gold')).page.bodyHtml).toContain(MARKER);
    const moved = await admin('PUT', `/articles/${spareId}`, articleInput({ membersTierId: tiers.silver.id }));
    expect(moved.json().membersTier).toMatchObject({ id: tiers.silver.id, name: 'Silver' });
    const back = await admin('PUT', `/articles/${spareId}`, articleInput());
    expect([back.statusCode, back.json().error.code]).toEqual([409, 'membership.tier_archived']);

    const bronze = await t.container.services.tiers.create(system(), tierInput('Bronze', 5));
    await admin('PUT', `/articles/${spareId}`, articleInput({ membersTierId: bronze.id }));
    const refused = await admin('DELETE', `/membership-tiers/${bronze.id}`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'membership.tier_in_use']);
    await admin('PUT', `/articles/${spareId}`, articleInput({ membersTierId: null }));
    expect((await admin('DELETE', `/membership-tiers/${bronze.id}`)).statusCode).toBe(204);
    expect((await admin('GET', `/articles/${spareId}`)).json().membersTier).toBeNull();
  });

  it('no route that may return an article is left out of the matrix', async () => {
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }));
    expect(routes).toContain('GET /api/articles/:id');
    const covered = new Set(MATRIX.map((e) => e.route));
    expect(routes.filter((r) => ARTICLE_ROUTE.test(r.split(' ')[1]!) && !covered.has(r))).toEqual([]);
    // And the matrix names only routes that exist.
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });
});
