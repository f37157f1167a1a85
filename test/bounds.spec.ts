import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crmRepository } from '../src/modules/segments/segments.repository.ts';
import { useTestApp } from './app.ts';
import { createOwner, signupFan } from './factories.ts';

type Detail = { path: string; in?: string; message: string };

/** A 400 whose details name these field paths. */
function expectRefused(res: LightMyRequestResponse, ...paths: string[]) {
  expect(res.statusCode, res.body).toBe(400);
  const error = res.json().error as { code: string; message: string; details: Detail[] };
  expect(error.code).toBe('validation_failed');
  expect(error.details.map((d) => d.path)).toEqual(expect.arrayContaining(paths));
  return error;
}

/**
 * Every date, number, time zone and cursor the API accepts fits what the database holds: a value
 * out of range is a 400 naming the field, nothing is saved, and the lists keep working.
 */
describe('bounds: dates, numbers, time zones and cursors the database cannot hold', () => {
  const t = useTestApp();
  afterEach(() => vi.restoreAllMocks());

  const as = (cookie: string) => ({
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    send: (method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, headers: { cookie }, payload }),
    delete: (url: string) => t.app.inject({ method: 'DELETE', url, headers: { cookie } }),
  });

  it('refuses a segment dated year 0000 or before 1900 with the field path, saves nothing, and the list still answers', async () => {
    const owner = as((await createOwner(t.app)).cookie);

    const y0 = expectRefused(await owner.send('POST', '/api/admin/segments', { name: 'y0', filter: { followedFrom: '0000-01-01' } }), 'filter.followedFrom');
    expect(y0.message).toBe('body.filter.followedFrom: must be between 1900-01-01 and 9999-12-31');
    expectRefused(await owner.send('POST', '/api/admin/segments', { name: 'old', filter: { followedTo: '1899-12-31' } }), 'filter.followedTo');
    expectRefused(await owner.send('POST', '/api/admin/segments/preview', { filter: { followedFrom: '0000-01-01' } }), 'filter.followedFrom');

    const list = await owner.get('/api/admin/segments');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([]);

    // The edges are days the database holds.
    const edges = await owner.send('POST', '/api/admin/segments', { name: 'edges', filter: { followedFrom: '1900-01-01', followedTo: '9999-12-31' } });
    expect(edges.statusCode, edges.body).toBe(201);
    expect(edges.json()).toMatchObject({ count: 0, invalidFilter: null });
    const id = edges.json().id as string;

    // An edit to an out-of-range day is refused and the saved segment stays as it was.
    expectRefused(await owner.send('PUT', `/api/admin/segments/${id}`, { name: 'edges', filter: { followedTo: '0000-12-31' } }), 'filter.followedTo');
    expect((await owner.get(`/api/admin/segments/${id}`)).json().filter).toEqual({ followedFrom: '1900-01-01', followedTo: '9999-12-31' });
  });

  it('refuses growth analytics for year 0000 with the field paths', async () => {
    const owner = as((await createOwner(t.app)).cookie);
    expectRefused(await owner.get('/api/admin/insights/growth?from=0000-01-01&to=0000-12-31'), 'from', 'to');
    expectRefused(await owner.get('/api/admin/insights/growth?from=1899-12-01&to=1900-01-10'), 'from');
    const ok = await owner.get('/api/admin/insights/growth?from=1900-01-01&to=1900-01-03');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().days).toHaveLength(3);
  });

  it('refuses numbers past int4 with the field path and changes nothing', async () => {
    const owner = as((await createOwner(t.app)).cookie);
    const past = 2_147_483_648;
    for (const url of ['/api/admin/fans', '/api/admin/articles', '/api/admin/loyalty/candidates', '/api/admin/workflow-runs', '/api/articles']) {
      expectRefused(await owner.get(`${url}?page=${past}`), 'page');
    }
    expectRefused(await owner.get('/api/admin/fans?page=99999999999999999999'), 'page');
    expectRefused(await owner.send('POST', '/api/admin/segments/preview', { filter: { activeWithinDays: past } }), 'filter.activeWithinDays');
    expectRefused(await owner.send('POST', '/api/admin/segments/preview', { filter: { levels: [past] } }), 'filter.levels.0');

    const rules = (await owner.get('/api/admin/loyalty/rules')).json();
    expectRefused(
      await owner.send('PUT', '/api/admin/loyalty/rules', { rules: [{ level: 1, signal: 'unique_reads', threshold: past }], graceDays: past }),
      'rules.0.threshold',
      'graceDays',
    );
    expect((await owner.get('/api/admin/loyalty/rules')).json()).toMatchObject({ rules: rules.rules, graceDays: rules.graceDays });

    expectRefused(await owner.send('PUT', '/api/admin/channel', { name: 'Big', description: '', unfollowWindowHours: past }), 'unfollowWindowHours');
    expectRefused(
      await owner.send('POST', '/api/admin/articles', { title: 'Ad', kind: 'sponsored', advertiser: 'Acme', adFee: { amountMinor: 2 ** 53 } }),
      'adFee.amountMinor',
    );
    expect((await owner.get('/api/admin/articles')).json().total).toBe(0);
    expect((await owner.get('/api/admin/channel')).json()).toMatchObject({ name: 'Fanbase', unfollowWindowHours: 24 });
  });

  it('refuses a time zone Intl does not know and keeps the current one', async () => {
    const owner = as((await createOwner(t.app)).cookie);
    for (const timeZone of ['Mars/Olympus', 'Asia/Shang hai', 'UTC+8', '']) {
      expectRefused(await owner.send('PUT', '/api/admin/channel', { name: 'Moon', description: '', timeZone }), 'timeZone');
    }
    expect((await owner.get('/api/admin/channel')).json()).toMatchObject({ name: 'Fanbase', timeZone: 'UTC' });
  });

  it('refuses a malformed or out-of-range cursor with 400, for staff and fans', async () => {
    const owner = as((await createOwner(t.app)).cookie);
    const fan = await signupFan(t.app);
    for (const cursor of ['abc', '-1', '1.5', '9223372036854775808', '99999999999999999999']) {
      expectRefused(await owner.get(`/api/admin/fans/${fan.fan.id}/activities?cursor=${cursor}`), 'cursor');
      expectRefused(await as(fan.cookie).get(`/api/fan/activities?cursor=${cursor}`), 'cursor');
    }
    expectRefused(await owner.get(`/api/admin/fans/${fan.fan.id}/activities?limit=${2 ** 31}`), 'limit');
    const last = await owner.get(`/api/admin/fans/${fan.fan.id}/activities?cursor=9223372036854775807`);
    expect(last.statusCode, last.body).toBe(200);
  });

  it('lists a stored segment whose filter no longer parses, flagged, so staff can fix or delete it', async () => {
    const owner = as((await createOwner(t.app)).cookie);
    const good = (await owner.send('POST', '/api/admin/segments', { name: 'Followers', filter: { status: ['following'] } })).json();
    const badId = randomUUID();
    const unknownId = randomUUID();
    await t.database.db.execute(
      sql`insert into segments (id, name, filter) values (${badId}, 'Year zero', ${JSON.stringify({ followedFrom: '0000-01-01' })}::jsonb)`,
    );
    await t.database.db.execute(sql`insert into segments (id, name, filter) values (${unknownId}, 'Unknown field', ${JSON.stringify({ minAge: 3 })}::jsonb)`);

    const list = await owner.get('/api/admin/segments');
    expect(list.statusCode, list.body).toBe(200);
    const byName = Object.fromEntries((list.json().items as { name: string }[]).map((s) => [s.name, s]));
    expect(byName.Followers).toMatchObject({ id: good.id, count: 0, invalidFilter: null });
    expect(byName['Year zero']).toMatchObject({
      id: badId,
      filter: null,
      count: null,
      invalidFilter: { details: [{ path: 'filter.followedFrom', message: 'must be between 1900-01-01 and 9999-12-31' }] },
    });
    expect(byName['Unknown field']).toMatchObject({ id: unknownId, filter: null, invalidFilter: { details: [{ path: 'filter' }] } });

    const one = await owner.get(`/api/admin/segments/${badId}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().invalidFilter.message).toContain('filter.followedFrom');

    // Its fans and its export are refused: exporting every fan instead would be wrong.
    for (const url of [`/api/admin/segments/${badId}/fans`, `/api/admin/fans/export.csv?segment=${badId}`]) {
      const res = await owner.get(url);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'segment.invalid_filter', details: [{ path: 'filter.followedFrom' }] });
    }

    const fixed = await owner.send('PUT', `/api/admin/segments/${badId}`, { name: 'Year zero', filter: { followedFrom: '2026-01-01' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ filter: { followedFrom: '2026-01-01' }, count: 0, invalidFilter: null });
    expect((await owner.delete(`/api/admin/segments/${unknownId}`)).statusCode).toBe(204);
    expect((await owner.get('/api/admin/segments')).json().items.map((s: { name: string }) => s.name)).toEqual(['Followers', 'Year zero']);
  });

  it('leaves no segment behind when its answer cannot be computed', async () => {
    const owner = as((await createOwner(t.app)).cookie);
    vi.spyOn(crmRepository, 'count').mockRejectedValueOnce(new Error('count failed'));
    const failed = await owner.send('POST', '/api/admin/segments', { name: 'Ghost', filter: { status: ['following'] } });
    expect(failed.statusCode).toBe(500);
    expect((await owner.get('/api/admin/segments')).json().items).toEqual([]);

    const saved = (await owner.send('POST', '/api/admin/segments', { name: 'Ghost', filter: { status: ['following'] } })).json();
    vi.spyOn(crmRepository, 'count').mockRejectedValueOnce(new Error('count failed'));
    expect((await owner.send('PUT', `/api/admin/segments/${saved.id}`, { name: 'Renamed', filter: { status: ['unfollowed'] } })).statusCode).toBe(500);
    expect((await owner.get(`/api/admin/segments/${saved.id}`)).json()).toMatchObject({ name: 'Ghost', filter: { status: ['following'] } });
  });

  it('rejects CSV rows followed before 1900 with their own code instead of failing the INSERT', async () => {
    const { cookie } = await createOwner(t.app);
    const csv = ['email,followed_at', 'zero@example.com,0000-01-01', 'early@example.com,1899-12-31T23:59:59Z', 'edge@example.com,1900-01-01'].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/fans/import', headers: { cookie, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, created: 1, rejected: 2 });
    expect(res.json().errors).toEqual([
      { line: 2, email: 'zero@example.com', code: 'followed_at_too_early', params: { field: 'followed_at' }, reason: 'followed_at is before 1900-01-01' },
      { line: 3, email: 'early@example.com', code: 'followed_at_too_early', params: { field: 'followed_at' }, reason: 'followed_at is before 1900-01-01' },
    ]);
  });
});
