import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';

const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1)">',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="https://evil.example/x.swf"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>body{display:none}</style>',
  '<body onload=alert(1)>',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<details open ontoggle=alert(1)>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '"><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '![x](javascript:alert(1))',
  '<video><source onerror="alert(1)"></video>',
];

describe('channel: articles, reads, shares and what they do to fans', () => {
  const t = useTestApp();

  async function publishedArticle(cookie: string, over: Record<string, unknown> = {}) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/articles',
      headers: { cookie },
      payload: { title: 'Why we build phones', summary: 'A story', bodyMarkdown: '# Hello\n\nFans are **king**.', ...over },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/articles/${id}/publish`, headers: { cookie } })).statusCode).toBe(200);
    return id;
  }

  it('renders Markdown and strips every script vector from the corpus', async () => {
    const owner = await createOwner(t.app);
    for (const payload of XSS_CORPUS) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/articles',
        headers: { cookie: owner.cookie },
        payload: { title: 'x', bodyMarkdown: `Intro\n\n${payload}\n\n**end**` },
      });
      const html: string = res.json().bodyHtml;
      expect(html, payload).not.toMatch(/<script|<iframe|<object|<embed|<style|<svg|<math|<meta|<base|<form/i);
      expect(html, payload).not.toMatch(/\son\w+\s*=/i);
      // Plain text may mention "javascript:"; no attribute may carry it.
      expect(html, payload).not.toMatch(/(href|src|action|xlink:href)\s*=\s*["']?\s*(javascript|data|vbscript):/i);
      expect(html, payload).not.toMatch(/<a [^>]*href="(?!https?:|mailto:)/i);
      expect(html, payload).toContain('<strong>end</strong>');
    }
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/admin/articles',
      headers: { cookie: owner.cookie },
      payload: { title: 'x', bodyMarkdown: '[site](https://mi.example) ![p](https://img.example/a.png)' },
    });
    expect(ok.json().bodyHtml).toContain('<a href="https://mi.example" target="_blank" rel="noopener noreferrer nofollow">site</a>');
    expect(ok.json().bodyHtml).toContain('<img src="https://img.example/a.png" alt="p" />');
  });

  it('requires advertiser and fee exactly for sponsored articles', async () => {
    const owner = await createOwner(t.app);
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/admin/articles', headers: { cookie: owner.cookie }, payload });
    const missing = await post({ title: 'Ad', kind: 'sponsored' });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['adFee', 'advertiser']);
    expect((await post({ title: 'x', advertiser: 'Acme' })).statusCode).toBe(400);
    expect((await post({ title: 'Ad', kind: 'sponsored', advertiser: 'Acme', adFee: { amountMinor: 10.5 } })).statusCode).toBe(400);
    const ad = await post({ title: 'Ad', kind: 'sponsored', advertiser: 'Acme', adFee: { amountMinor: 500000 } });
    expect(ad.statusCode).toBe(201);
    expect(ad.json()).toMatchObject({ kind: 'sponsored', advertiser: 'Acme', adFee: { amountMinor: 500000, currency: 'CNY' } });
  });

  it('shows fans only published articles, newest first, and labels ads', async () => {
    const owner = await createOwner(t.app);
    const first = await publishedArticle(owner.cookie, { title: 'First' });
    const ad = await publishedArticle(owner.cookie, { title: 'Sponsored', kind: 'sponsored', advertiser: 'Acme', adFee: { amountMinor: 100 } });
    const draft = await t.app.inject({ method: 'POST', url: '/api/admin/articles', headers: { cookie: owner.cookie }, payload: { title: 'Draft' } });

    const feed = (await t.app.inject({ method: 'GET', url: '/api/articles' })).json();
    expect(feed.items.map((a: { title: string }) => a.title)).toEqual(['Sponsored', 'First']);
    expect(feed.items[0]).toMatchObject({ kind: 'sponsored', advertiser: 'Acme' });
    expect(feed.items[0].adFee).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: `/api/articles/${draft.json().id}` })).statusCode).toBe(404);
    const page = (await t.app.inject({ method: 'GET', url: `/api/articles/${first}` })).json();
    expect(page.bodyHtml).toContain('<h1>Hello</h1>');
    expect(page.bodyMarkdown).toBeUndefined();

    await t.app.inject({ method: 'POST', url: `/api/admin/articles/${ad}/unpublish`, headers: { cookie: owner.cookie } });
    expect((await t.app.inject({ method: 'GET', url: '/api/articles' })).json().total).toBe(1);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/articles/${ad}`, headers: { cookie: owner.cookie } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/articles/${draft.json().id}`, headers: { cookie: owner.cookie } })).statusCode).toBe(204);
  });

  it('counts views, unique reads, shares and follows per article', async () => {
    const owner = await createOwner(t.app);
    const id = await publishedArticle(owner.cookie);
    const a = await signupFan(t.app);
    const b = await signupFan(t.app);
    const view = (cookie?: string) => t.app.inject({ method: 'POST', url: `/api/articles/${id}/views`, headers: cookie ? { cookie } : {} });
    expect((await view(a.cookie)).json()).toEqual({ uniqueRead: true });
    expect((await view(a.cookie)).json()).toEqual({ uniqueRead: false });
    await view(b.cookie);
    await view(); // a visitor

    const s1 = await t.app.inject({ method: 'POST', url: `/api/articles/${id}/shares`, headers: { cookie: a.cookie } });
    const s2 = await t.app.inject({ method: 'POST', url: `/api/articles/${id}/shares`, headers: { cookie: a.cookie } });
    expect(s1.json().code).toBe(s2.json().code);
    expect(s1.json().url).toBe(`http://fanbase.test/s/${s1.json().code}`);
    expect((await t.app.inject({ method: 'POST', url: `/api/articles/${id}/shares` })).statusCode).toBe(401);
    const visit = await t.app.inject({ method: 'GET', url: `/s/${s1.json().code}` });
    expect(visit.statusCode).toBe(302);
    expect(visit.headers.location).toBe(`/articles/${id}?share=${s1.json().code}`);
    expect((await t.app.inject({ method: 'GET', url: '/s/nope1234' })).statusCode).toBe(404);

    await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie: b.cookie }, payload: { source: `article:${id}` } });
    // A friend who arrives through a's share link and follows counts for the article too.
    const friend = await signupFan(t.app);
    await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie: friend.cookie }, payload: { source: `share:${s1.json().code}` } });
    await t.settle();
    const stats = (await t.app.inject({ method: 'GET', url: `/api/admin/articles/${id}`, headers: { cookie: owner.cookie } })).json().stats;
    expect(stats).toEqual({ views: 4, uniqueReads: 2, shares: 2, follows: 2, unfollows: 0, netFans: 2 });

    const timeline = (await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie: a.cookie } })).json();
    expect(timeline.items.map((x: { kind: string; articleId: string }) => `${x.kind}:${x.articleId === id}`)).toEqual([
      'shared:true',
      'shared:true',
      'read:true',
      'read:true',
    ]);
  });

  it('stops counting a reload storm: 20 views a minute per fan and article, then 429', async () => {
    const owner = await createOwner(t.app);
    const id = await publishedArticle(owner.cookie);
    const other = await publishedArticle(owner.cookie, { title: 'Another' });
    const a = await signupFan(t.app);
    const view = (article: string) => t.app.inject({ method: 'POST', url: `/api/articles/${article}/views`, headers: { cookie: a.cookie } });
    for (let i = 0; i < 20; i++) expect((await view(id)).statusCode).toBe(200);
    const limited = await view(id);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // Other articles are not affected, and nothing past the limit was counted.
    expect((await view(other)).statusCode).toBe(200);
    await t.settle();
    const stats = (await t.app.inject({ method: 'GET', url: `/api/admin/articles/${id}`, headers: { cookie: owner.cookie } })).json().stats;
    expect(stats).toMatchObject({ views: 20, uniqueReads: 1 });
    const reads = (await t.app.inject({ method: 'GET', url: '/api/fan/activities?limit=100', headers: { cookie: a.cookie } })).json().items;
    expect(reads.filter((x: { articleId: string }) => x.articleId === id)).toHaveLength(20);
  });

  it('attributes an unfollow to the last article read within the window, at its edges', async () => {
    const owner = await createOwner(t.app);
    const older = await publishedArticle(owner.cookie, { title: 'Older' });
    const last = await publishedArticle(owner.cookie, { title: 'Last' });
    const { articles, fans } = t.container.services;
    const base = Date.parse('2026-03-01T00:00:00.000Z');
    const H = 3600_000;

    async function scenario(unfollowAfterMs: number) {
      const { fan } = await signupFan(t.app);
      const at = (ms: number) => t.container.ctx({ kind: 'fan', fanId: fan.id }, { now: () => new Date(base + ms) });
      await fans.follow(at(-2 * H));
      await articles.recordView(at(-H), older);
      await articles.recordView(at(0), last);
      const res = await fans.unfollow(at(unfollowAfterMs));
      expect(res.following).toBe(false);
      const items = (await fans.myActivities(at(unfollowAfterMs), { limit: 1 })).items;
      return items[0]!;
    }
    expect((await scenario(24 * H)).articleId).toBe(last); // exactly at the window's edge
    const past = await scenario(24 * H + 1); // 1 ms past it
    expect(past.articleId).toBeNull();
    expect(past.data).not.toHaveProperty('attributedBy');
    expect((await scenario(5 * H)).data).toMatchObject({ attributedBy: 'last_read', windowHours: 24 });

    // A shorter window set by staff applies to later unfollows.
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/channel',
      headers: { cookie: owner.cookie },
      payload: { name: 'Mi', description: '', unfollowWindowHours: 2 },
    });
    expect((await scenario(2 * H)).articleId).toBe(last);
    expect((await scenario(3 * H)).articleId).toBeNull();
    // Saving settings without the window keeps it.
    await t.app.inject({ method: 'PUT', url: '/api/admin/channel', headers: { cookie: owner.cookie }, payload: { name: 'Mi', description: 'x' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/channel', headers: { cookie: owner.cookie } })).json().unfollowWindowHours).toBe(2);

    await t.settle();
    const stats = (await t.app.inject({ method: 'GET', url: `/api/admin/articles/${last}`, headers: { cookie: owner.cookie } })).json().stats;
    expect(stats.unfollows).toBe(3);
    expect(stats.netFans).toBe(-3);
  });

  it('compares ads with original content per 1,000 reads, with ad revenue', async () => {
    const owner = await createOwner(t.app);
    const original = await publishedArticle(owner.cookie, { title: 'Original' });
    const ad = await publishedArticle(owner.cookie, { title: 'Ad', kind: 'sponsored', advertiser: 'Acme', adFee: { amountMinor: 880000 } });
    const readers = await Promise.all([signupFan(t.app), signupFan(t.app), signupFan(t.app), signupFan(t.app)]);
    for (const r of readers) {
      await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie: r.cookie }, payload: {} });
      await t.app.inject({ method: 'POST', url: `/api/articles/${original}/views`, headers: { cookie: r.cookie } });
      await t.app.inject({ method: 'POST', url: `/api/articles/${ad}/views`, headers: { cookie: r.cookie } });
    }
    // Two readers leave right after the ad; one new fan follows from the original article.
    await t.app.inject({ method: 'DELETE', url: '/api/fan/follow', headers: { cookie: readers[0]!.cookie } });
    await t.app.inject({ method: 'DELETE', url: `/api/fan/follow?source=article:${ad}`, headers: { cookie: readers[1]!.cookie } });
    await t.app.inject({
      method: 'POST',
      url: '/api/fan/follow',
      headers: { cookie: (await signupFan(t.app)).cookie },
      payload: { source: `article:${original}` },
    });

    await t.settle();
    const cmp = (await t.app.inject({ method: 'GET', url: '/api/admin/articles/comparison', headers: { cookie: owner.cookie } })).json();
    const byKind = Object.fromEntries(cmp.kinds.map((k: { kind: string }) => [k.kind, k]));
    expect(byKind.sponsored).toMatchObject({
      articles: 1,
      uniqueReads: 4,
      unfollows: 2,
      unfollowsPer1000Reads: 500,
      revenue: [{ currency: 'CNY', amountMinor: 880000 }],
    });
    expect(byKind.original).toMatchObject({ articles: 1, uniqueReads: 4, unfollows: 0, follows: 1, followsPer1000Reads: 250, revenue: [] });
    expect(byKind.repost).toMatchObject({ articles: 0, unfollowsPer1000Reads: 0 });

    await t.settle();
    const ranked = (await t.app.inject({ method: 'GET', url: '/api/admin/articles?sort=net_fans', headers: { cookie: owner.cookie } })).json();
    expect(ranked.items.map((a: { title: string }) => a.title)).toEqual(['Original', 'Ad']);
  });
});
