import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';

const DAY = 86_400_000;
// Levels are computed when the loyalty consumer applies the activities (now), so the story
// starts a few days ago, at 08:00 UTC.
const T0 = Math.floor(Date.now() / DAY) * DAY - 5 * DAY + 8 * 3_600_000;
const RULES = {
  graceDays: 60,
  rules: [
    { level: 1, signal: 'unique_reads', op: 'gte', threshold: 1 },
    { level: 2, signal: 'unique_reads', op: 'gte', threshold: 2 },
    { level: 2, signal: 'days_active', op: 'gte', threshold: 2 },
    { level: 3, signal: 'shares', op: 'gte', threshold: 1 },
    { level: 4, signal: 'unique_reads', op: 'gte', threshold: 3 },
    { level: 4, signal: 'days_since_active', op: 'lte', threshold: 30 },
  ],
};

describe('loyalty ladder: levels from activity, explained, with super fans and candidates', () => {
  const t = useTestApp();

  async function setup() {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const put = await t.app.inject({ method: 'PUT', url: '/api/admin/loyalty/rules', headers: h, payload: RULES });
    expect(put.statusCode, put.body).toBe(200);
    const ids: string[] = [];
    for (const title of ['A', 'B', 'C']) {
      const a = await t.app.inject({ method: 'POST', url: '/api/admin/articles', headers: h, payload: { title } });
      await t.app.inject({ method: 'POST', url: `/api/admin/articles/${a.json().id}/publish`, headers: h });
      ids.push(a.json().id);
    }
    return { h, articles: ids };
  }

  const as = (fanId: string, at: number) => t.container.ctx({ kind: 'fan', fanId }, { now: () => new Date(at) });

  it('moves a fan up level by level as they read, come back and share, and explains each step', async () => {
    const { h, articles } = await setup();
    const { fan } = await signupFan(t.app);
    const { articles: svc } = t.container.services;
    await svc.recordView(as(fan.id, T0), articles[0]!);
    await svc.recordView(as(fan.id, T0 + 1000), articles[0]!); // a repeat: not a unique read
    const explain = async () => {
      await t.settle();
      return (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${fan.id}/loyalty`, headers: h })).json();
    };
    let e = await explain();
    expect(e).toMatchObject({ level: 1, levelName: 'reader', signals: { unique_reads: 1, days_active: 1 } });
    expect(e.missingForNext.map((r: { signal: string; value: number; threshold: number }) => `${r.signal} ${r.value}/${r.threshold}`).sort()).toEqual([
      'days_active 1/2',
      'unique_reads 1/2',
    ]);

    await svc.recordView(as(fan.id, T0 + DAY), articles[1]!);
    expect((await explain()).level).toBe(2);
    await svc.share(as(fan.id, T0 + DAY), articles[1]!);
    expect((await explain()).level).toBe(3);
    await svc.recordView(as(fan.id, T0 + DAY), articles[2]!);
    e = await explain();
    expect(e).toMatchObject({ level: 4, levelName: 'super_fan', missingForNext: [] });

    const timeline = (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${fan.id}/activities?limit=100`, headers: h })).json();
    const moves = timeline.items
      .filter((a: { kind: string }) => a.kind === 'level_changed')
      .map((a: { data: { from: number; to: number } }) => `${a.data.from}→${a.data.to}`);
    expect(moves).toEqual(['3→4', '2→3', '1→2', '0→1']);
  });

  it('re-levels every fan when staff change the rules, and rejects bad rules', async () => {
    const { h, articles } = await setup();
    const a = await signupFan(t.app);
    const b = await signupFan(t.app);
    await t.container.services.articles.recordView(as(a.fan.id, Date.now()), articles[0]!);
    await t.container.services.articles.recordView(as(b.fan.id, Date.now()), articles[0]!);
    await t.container.services.articles.recordView(as(b.fan.id, Date.now()), articles[1]!);
    const level = async (id: string) => {
      await t.settle();
      return (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${id}/loyalty`, headers: h })).json().level;
    };
    expect([await level(a.fan.id), await level(b.fan.id)]).toEqual([1, 1]);

    await t.container.jobs.idle();
    const easier = {
      graceDays: 60,
      rules: [
        { level: 1, signal: 'unique_reads', op: 'gte', threshold: 1 },
        { level: 2, signal: 'unique_reads', op: 'gte', threshold: 2 },
      ],
    };
    const put = await t.app.inject({ method: 'PUT', url: '/api/admin/loyalty/rules', headers: h, payload: easier });
    // The answer comes at once; every fan is re-levelled in the background, visibly.
    expect(put.json().relevel).toMatchObject({ name: 'loyalty.relevel', status: expect.stringMatching(/^(queued|running|succeeded)$/) });
    await t.container.jobs.idle();
    expect([await level(a.fan.id), await level(b.fan.id)]).toEqual([1, 2]);
    const jobs = (await t.app.inject({ method: 'GET', url: '/api/admin/loyalty/jobs', headers: h })).json();
    expect(jobs.relevel).toMatchObject({ status: 'succeeded', done: 2, total: 2, result: { fans: 2, changed: 1 }, requestedBy: expect.stringMatching(/^staff:/) });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/loyalty/rules', headers: h })).json().relevel.status).toBe('succeeded');

    const harder = { graceDays: 60, rules: [{ level: 1, signal: 'unique_reads', op: 'gte', threshold: 5 }] };
    await t.app.inject({ method: 'PUT', url: '/api/admin/loyalty/rules', headers: h, payload: harder });
    await t.container.jobs.idle();
    expect([await level(a.fan.id), await level(b.fan.id)]).toEqual([0, 0]);

    for (const bad of [
      { graceDays: 60, rules: [{ level: 5, signal: 'shares', threshold: 1 }] },
      { graceDays: 60, rules: [{ level: 1, signal: 'karma', threshold: 1 }] },
      { graceDays: 60, rules: [{ level: 1, signal: 'shares', threshold: -1 }] },
      {
        graceDays: 60,
        rules: [
          { level: 1, signal: 'shares', threshold: 1 },
          { level: 1, signal: 'shares', threshold: 2 },
        ],
      },
      { graceDays: -1, rules: [] },
    ]) {
      expect((await t.app.inject({ method: 'PUT', url: '/api/admin/loyalty/rules', headers: h, payload: bad })).statusCode).toBe(400);
    }
  });

  it('keeps an inactive super fan through the grace period, visibly, then demotes', async () => {
    const { h, articles } = await setup();
    const { fan } = await signupFan(t.app);
    const { articles: svc, loyalty } = t.container.services;
    for (const [i, id] of articles.entries()) await svc.recordView(as(fan.id, T0 + i * DAY), id);
    await svc.share(as(fan.id, T0 + 2 * DAY), articles[0]!);
    const system = (at: number) => t.container.ctx({ kind: 'system' }, { now: () => new Date(at) });
    await t.settle();
    expect((await loyalty.explain(system(T0 + 3 * DAY), fan.id)).level).toBe(4);

    await loyalty.relevelAll(system(T0 + 40 * DAY)); // 38 days inactive: no longer qualifies
    const slipping = await loyalty.explain(system(T0 + 40 * DAY), fan.id);
    expect(slipping.level).toBe(4);
    expect(slipping.graceUntil).toBe(new Date(T0 + 100 * DAY).toISOString());
    await t.settle();
    const page = (await t.app.inject({ method: 'GET', url: '/api/admin/loyalty/super-fans', headers: h })).json();
    expect(page.items[0]).toMatchObject({ fan: { id: fan.id }, graceUntil: slipping.graceUntil });

    await loyalty.relevelAll(system(T0 + 99 * DAY));
    expect((await loyalty.explain(system(T0 + 99 * DAY), fan.id)).level).toBe(4);
    await loyalty.relevelAll(system(T0 + 100 * DAY));
    expect(await loyalty.explain(system(T0 + 100 * DAY), fan.id)).toMatchObject({ level: 3, graceUntil: null });
  });

  it('ranks candidates closest to level 4 and counts the funnel', async () => {
    const { h, articles } = await setup();
    const now = Date.now();
    const mk = async (reads: number, days: number, share: boolean) => {
      const { fan } = await signupFan(t.app);
      // Oldest first, as activities happen: read i on day max(days - 1 - i, 0) before today.
      // Each settled before the next, so every step up is its own level change.
      for (let i = 0; i < reads; i++) {
        await t.container.services.articles.recordView(as(fan.id, now - Math.max(days - 1 - i, 0) * DAY), articles[i]!);
        await t.settle();
      }
      if (share) await t.container.services.articles.share(as(fan.id, now), articles[0]!);
      return fan.id;
    };
    const close = await mk(2, 2, true); // level 3, one read short of 4
    const far = await mk(1, 1, false); // level 1
    const top = await mk(3, 2, true); // level 4
    await signupFan(t.app); // level 0
    const get = async (url: string) => {
      await t.settle();
      return (await t.app.inject({ method: 'GET', url, headers: h })).json();
    };
    const ids = (p: { items: { fan: { id: string } }[] }) => p.items.map((s) => s.fan.id);
    const supers = await get('/api/admin/loyalty/super-fans');
    expect(supers.total).toBe(1);
    expect(ids(supers)).toEqual([top]);
    const candidates = await get('/api/admin/loyalty/candidates');
    expect({ total: candidates.total, ids: ids(candidates) }).toEqual({ total: 2, ids: [close, far] });
    expect(candidates.items[0].missing.map((m: { signal: string }) => m.signal)).toEqual(['unique_reads']);
    // Paged: the second page of one holds the next candidate.
    expect(ids(await get('/api/admin/loyalty/candidates?page=2&pageSize=1'))).toEqual([far]);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/loyalty/candidates?pageSize=0', headers: h })).statusCode).toBe(400);

    await t.settle();
    const funnel = (await t.app.inject({ method: 'GET', url: '/api/admin/loyalty/funnel', headers: h })).json();
    expect(funnel.levels.map((l: { fans: number }) => l.fans)).toEqual([1, 1, 0, 1, 1]);
    expect(funnel.last30Days.down).toBe(0);
    // close: 0→1, 1→2, 2→3; far: 0→1; top: 0→1, 1→2, 2→4 (its share met levels 3 and 4 at once).
    expect(funnel.last30Days.up).toBe(7);
  });

  it('rebuilds the same signals and levels from the activities (nightly recompute)', async () => {
    const { h, articles } = await setup();
    const { fan } = await signupFan(t.app);
    for (const [i, id] of articles.entries()) await t.container.services.articles.recordView(as(fan.id, Date.now() - (2 - i) * DAY), id);
    await t.settle();
    const before = (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${fan.id}/loyalty`, headers: h })).json();
    await t.container.jobs.idle();
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/loyalty/recompute', headers: h });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ name: 'loyalty.recompute', status: 'queued' });
    await t.container.jobs.idle();
    const jobs = (await t.app.inject({ method: 'GET', url: '/api/admin/loyalty/jobs', headers: h })).json();
    expect(jobs.recompute).toMatchObject({ id: res.json().id, status: 'succeeded', result: { fans: 1, changed: 0 } });
    expect(jobs.lastRecompute.id).toBe(res.json().id);
    expect(before.signals).toMatchObject({ unique_reads: 3, days_active: 3 });
    await t.settle();
    const after = (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${fan.id}/loyalty`, headers: h })).json();
    expect(after.signals).toEqual(before.signals);
    expect(after.level).toBe(before.level);
  });

  it("counts active days in the channel's time zone, and recounts them when it changes", async () => {
    const { h, articles } = await setup();
    const settings = (timeZone: string) =>
      t.app.inject({ method: 'PUT', url: '/api/admin/channel', headers: h, payload: { name: 'Mi', description: '', timeZone } });
    expect((await settings('Asia/Shanghai')).statusCode).toBe(200);
    await t.container.jobs.idle();
    const { fan } = await signupFan(t.app);
    // 23:00 and 01:00 in Beijing: two days there, one day in UTC.
    await t.container.services.articles.recordView(as(fan.id, Date.parse('2026-06-01T15:00:00Z')), articles[0]!);
    await t.container.services.articles.recordView(as(fan.id, Date.parse('2026-06-01T17:00:00Z')), articles[1]!);
    const daysActive = async () => {
      await t.settle();
      return (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${fan.id}/loyalty`, headers: h })).json().signals.days_active;
    };
    expect(await daysActive()).toBe(2);
    await settings('UTC');
    await t.container.jobs.idle();
    expect(await daysActive()).toBe(1);
    const jobs = (await t.app.inject({ method: 'GET', url: '/api/admin/loyalty/jobs', headers: h })).json();
    expect(jobs.recompute).toMatchObject({ status: 'succeeded' });
  });
});
