import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buyMembership, createOwner, createTier, deliverSandbox, signupFan } from '../../../test/factories.ts';

const CSV = [
  'Email,Display Name,Followed At,Tags',
  'ann@example.com,Ann,2026-01-05,vip;beijing',
  'BOB@example.com,Bob,2026-02-01T08:30:00Z,',
  'not-an-email,Broken,2026-01-01,',
  'cat@example.com,Cat,yesterday,',
  'dan@example.com,Dan,2999-01-01,',
  'ann@example.com,Ann again,,',
  'eve@example.com,,,shanghai|vip',
  'fay@example.com,Fay,,bad|tag;' + 'x'.repeat(41),
].join('\n');

describe('CRM: tags, segments, CSV import and export', () => {
  const t = useTestApp();

  const importCsv = (cookie: string, body: string) =>
    t.app.inject({ method: 'POST', url: '/api/admin/fans/import', headers: { cookie, 'content-type': 'text/csv' }, payload: body });

  it('imports good rows, reports every bad row with its reason, and is idempotent', async () => {
    const owner = await createOwner(t.app);
    const first = await importCsv(owner.cookie, CSV);
    expect(first.statusCode, first.body).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({ rows: 8, created: 3, existing: 0, rejected: 5 });
    expect(report.errors.map((e: { line: number; reason: string }) => `${e.line}: ${e.reason}`)).toEqual([
      '4: email must be a valid email address',
      '5: followed_at must be a date like 2026-01-31 or an ISO date-time',
      '6: followed_at is in the future',
      '7: duplicate of line 2',
      '9: tags must be at most 40 characters',
    ]);
    expect(report.errors.map((e: { line: number; code: string; params?: object }) => [e.line, e.code, e.params])).toEqual([
      [4, 'invalid_email', { field: 'email' }],
      [5, 'invalid_followed_at', { field: 'followed_at' }],
      [6, 'followed_at_in_future', { field: 'followed_at' }],
      [7, 'duplicate_row', { line: 2 }],
      [9, 'invalid_tag', { field: 'tags', max: 40 }],
    ]);
    // Nothing of a rejected row was stored.
    const all = (await t.app.inject({ method: 'GET', url: '/api/admin/fans?pageSize=100', headers: { cookie: owner.cookie } })).json();
    expect(all.items.map((f: { email: string }) => f.email).sort()).toEqual(['ann@example.com', 'bob@example.com', 'eve@example.com']);
    const ann = all.items.find((f: { email: string }) => f.email === 'ann@example.com');
    expect(ann).toMatchObject({ status: 'following', followingSince: '2026-01-05T00:00:00.000Z' });
    expect(all.items.find((f: { email: string }) => f.email === 'eve@example.com')).toMatchObject({ displayName: 'eve', status: 'never_followed' });
    const annTimeline = (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${ann.id}/activities`, headers: { cookie: owner.cookie } })).json();
    expect(annTimeline.items).toMatchObject([{ kind: 'followed', source: 'import', occurredAt: '2026-01-05T00:00:00.000Z' }]);
    await t.settle(); // the daily rollup is a consumer of the stream
    const growth = (
      await t.app.inject({ method: 'GET', url: '/api/admin/insights/growth?from=2026-01-05&to=2026-01-05', headers: { cookie: owner.cookie } })
    ).json();
    expect(growth.days[0].follows.import).toBe(1);

    const again = (await importCsv(owner.cookie, CSV)).json();
    expect(again).toMatchObject({ created: 0, existing: 3, rejected: 5 });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/fans', headers: { cookie: owner.cookie } })).json().total).toBe(3);
    const tags = (await t.app.inject({ method: 'GET', url: '/api/admin/tags', headers: { cookie: owner.cookie } })).json();
    expect(tags.items).toEqual([
      { tag: 'vip', fans: 2 },
      { tag: 'beijing', fans: 1 },
      { tag: 'shanghai', fans: 1 },
    ]);
    const timelineAgain = (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${ann.id}/activities`, headers: { cookie: owner.cookie } })).json();
    expect(timelineAgain.items).toHaveLength(1);
  });

  it('gives every kind of rejected row a stable code, with params for the translated text', async () => {
    const owner = await createOwner(t.app);
    const csv = [
      'email,display_name,followed_at,tags',
      'ok@example.com,Ok,2026-01-05,vip',
      'long@example.com,' + 'n'.repeat(81) + ',,',
      'many@example.com,Many,,' + Array.from({ length: 21 }, (_, i) => `t${i}`).join(';'),
      'newline@example.com,Newline,,"one\ntwo"',
      'ok@example.com,Ok again,,',
      '',
    ].join('\n');
    const res = await importCsv(owner.cookie, csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rows: 5, created: 1, rejected: 4 });
    expect(report.errors).toEqual([
      {
        line: 3,
        email: 'long@example.com',
        code: 'display_name_too_long',
        params: { field: 'display_name', max: 80 },
        reason: 'display_name must be at most 80 characters',
      },
      { line: 4, email: 'many@example.com', code: 'too_many_tags', params: { field: 'tags', max: 20 }, reason: 'tags must have at most 20 tags' },
      { line: 6, email: 'newline@example.com', code: 'invalid_tag', params: { field: 'tags', max: 40 }, reason: 'tags must not contain , ; | or line breaks' },
      { line: 7, email: 'ok@example.com', code: 'duplicate_row', params: { line: 2 }, reason: 'duplicate of line 2' },
    ]);

    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const rejected = spec.paths['/api/admin/fans/import'].post.responses['200'].content['application/json'].schema.properties.errors.items;
    expect(rejected.required).toEqual(expect.arrayContaining(['line', 'email', 'code', 'reason']));
    expect(rejected.properties.code.enum).toEqual([
      'invalid_email',
      'display_name_too_long',
      'invalid_followed_at',
      'followed_at_in_future',
      'followed_at_too_early',
      'invalid_tag',
      'too_many_tags',
      'duplicate_row',
      'malformed_csv',
      'not_stored',
    ]);
    expect(Object.keys(rejected.properties.params.properties)).toEqual(['field', 'max', 'line']);
  });

  it('refuses a CSV without an email column, an empty body, and non-staff', async () => {
    const owner = await createOwner(t.app);
    const noEmail = await importCsv(owner.cookie, 'name,tags\nAnn,vip\n');
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().error.code).toBe('import.missing_email_column');
    expect((await importCsv(owner.cookie, '')).statusCode).toBe(400);
    const fan = await signupFan(t.app);
    expect((await importCsv(fan.cookie, CSV)).statusCode).toBe(403);
  });

  it('reports a malformed CSV line and still imports the rest', async () => {
    const owner = await createOwner(t.app);
    const report = (await importCsv(owner.cookie, 'email,display_name\nok1@example.com,One\n"broken@example.com,Two\nok2@example.com,Three\n')).json();
    expect(report.created).toBeGreaterThanOrEqual(1);
    expect(report.rejected).toBeGreaterThanOrEqual(1);
    expect(report.errors[0].reason).toMatch(/malformed CSV/);
    expect(report.errors[0]).toMatchObject({ email: null, code: 'malformed_csv' });
    expect(report.errors[0].params).toBeUndefined();
  });

  it('tags fans by hand and saves segments with live counts', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    await importCsv(owner.cookie, CSV);
    const fans = (await t.app.inject({ method: 'GET', url: '/api/admin/fans', headers: h })).json().items as { id: string; email: string }[];
    const bob = fans.find((f) => f.email === 'bob@example.com')!;
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/fans/${bob.id}/tags`, headers: h, payload: { tag: 'vip' } })).json()).toEqual({ tags: ['vip'] });
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/fans/${bob.id}/tags`, headers: h, payload: { tag: 'a,b' } })).statusCode).toBe(400);

    const count = async (filter: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/admin/segments/preview', headers: h, payload: { filter } })).json().count;
    expect(await count({})).toBe(3);
    expect(await count({ tags: ['vip'] })).toBe(3);
    expect(await count({ tags: ['vip', 'beijing'] })).toBe(1);
    expect(await count({ status: ['following'] })).toBe(2);
    expect(await count({ followedFrom: '2026-01-06', followedTo: '2026-02-01' })).toBe(1);
    expect(await count({ levels: [0] })).toBe(3);
    expect(await count({ activeWithinDays: 7 })).toBe(0);
    expect(await count({ inactiveForDays: 7 })).toBe(3);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/segments/preview', headers: h, payload: { filter: { colour: 'red' } } })).statusCode).toBe(400);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/segments',
      headers: h,
      payload: { name: 'VIP followers', filter: { tags: ['vip'], status: ['following'] } },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'VIP followers', count: 2 });
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/segments', headers: h, payload: { name: 'vip FOLLOWERS', filter: {} } })).statusCode).toBe(409);
    await t.app.inject({ method: 'DELETE', url: `/api/admin/fans/${bob.id}/tags/vip`, headers: h });
    const listed = (await t.app.inject({ method: 'GET', url: '/api/admin/segments', headers: h })).json();
    expect(listed.items[0].count).toBe(1);
    const members = (await t.app.inject({ method: 'GET', url: `/api/admin/segments/${created.json().id}/fans`, headers: h })).json();
    expect(members.items.map((f: { email: string }) => f.email)).toEqual(['ann@example.com']);
  });

  it('filters fans by membership status and tier, refuses unknown tiers, and keeps archived ones', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const silver = await createTier(t.app, owner.cookie, { name: 'Silver', rank: 1 });
    const gold = await createTier(t.app, owner.cookie, { name: 'Gold', rank: 2 });
    const [goldMember, comped, canceling, refunded, never] = await Promise.all([1, 2, 3, 4, 5].map(() => signupFan(t.app)));
    await buyMembership(t, goldMember!, gold.id);
    await t.app.inject({ method: 'POST', url: `/api/admin/fans/${comped!.fan.id}/membership/comps`, headers: h, payload: { tierId: silver.id, months: 2 } });
    await buyMembership(t, canceling!, silver.id);
    await t.app.inject({ method: 'POST', url: '/api/fan/membership/cancel', headers: { cookie: canceling!.cookie }, payload: { reason: 'not_using' } });
    const bought = await buyMembership(t, refunded!, silver.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/membership-purchases/${bought.id}/refund`, headers: h, payload: {} })).statusCode).toBe(201);
    await deliverSandbox(t);

    const preview = (filter: object, headers = h) => t.app.inject({ method: 'POST', url: '/api/admin/segments/preview', headers, payload: { filter } });
    const count = async (filter: object) => (await preview(filter)).json().count;
    expect(await count({ membership: ['never'] })).toBe(1);
    expect(await count({ membership: ['active'] })).toBe(2);
    expect(await count({ membership: ['canceled'] })).toBe(1);
    expect(await count({ membership: ['expired'] })).toBe(1);
    expect(await count({ membership: ['past_due'] })).toBe(0);
    expect(await count({ membership: ['never', 'expired'] })).toBe(2);
    // The tier held now, or last held: with a status, current members only.
    expect(await count({ tierIds: [gold.id] })).toBe(1);
    expect(await count({ tierIds: [silver.id] })).toBe(3);
    expect(await count({ tierIds: [silver.id, gold.id], membership: ['active', 'canceled'] })).toBe(3);
    expect(await count({ tierIds: [silver.id], membership: ['never'] })).toBe(0);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/segments',
      headers: h,
      payload: { name: 'Silver members', filter: { tierIds: [silver.id], membership: ['active', 'canceled'] } },
    });
    expect(created.json()).toMatchObject({ name: 'Silver members', count: 2 });
    const listed = (await t.app.inject({ method: 'GET', url: `/api/admin/segments/${created.json().id}/fans`, headers: h })).json();
    expect(listed.items.map((f: { id: string }) => f.id).sort()).toEqual([comped!.fan.id, canceling!.fan.id].sort());
    expect(listed.total).toBe(2);
    const lapsed = (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/segments',
        headers: h,
        payload: { name: 'Lapsed or never', filter: { membership: ['never', 'expired'] } },
      })
    ).json();
    const lapsedFans = (await t.app.inject({ method: 'GET', url: `/api/admin/segments/${lapsed.id}/fans`, headers: h })).json();
    expect(lapsedFans.items.map((f: { id: string }) => f.id).sort()).toEqual([refunded!.fan.id, never!.fan.id].sort());

    // An archived tier is still a tier: its members keep it until their period ends.
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/membership-tiers/${silver.id}/archive`, headers: h })).statusCode).toBe(200);
    expect(await count({ tierIds: [silver.id], membership: ['active'] })).toBe(1);

    // A tier id that names no tier: 400 with its code and the id, on preview, create and update alike.
    const ghost = '00000000-0000-4000-8000-00000000beef';
    for (const res of [
      await preview({ tierIds: [gold.id, ghost] }),
      await t.app.inject({ method: 'POST', url: '/api/admin/segments', headers: h, payload: { name: 'Ghost', filter: { tierIds: [ghost] } } }),
      await t.app.inject({
        method: 'PUT',
        url: `/api/admin/segments/${created.json().id}`,
        headers: h,
        payload: { name: 'Silver', filter: { tierIds: [ghost] } },
      }),
    ]) {
      expect([res.statusCode, res.json().error.code, res.json().error.params]).toEqual([400, 'segment.unknown_tier', { tierIds: [ghost] }]);
      expect(res.json().error.details).toEqual([{ path: 'filter.tierIds', issue: 'not_found', message: `no tier ${ghost}` }]);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/segments/${created.json().id}`, headers: h })).json().filter.tierIds).toEqual([silver.id]);
    for (const bad of [{ tierIds: ['gold'] }, { tierIds: [] }, { membership: ['lapsed'] }, { membership: [] }]) {
      expect((await preview(bad)).json().error.code, JSON.stringify(bad)).toBe('validation_failed');
    }
    // A fan never reaches these routes.
    expect((await preview({ membership: ['active'] }, { cookie: never!.cookie })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/segments/${created.json().id}/fans`, headers: { cookie: never!.cookie } })).statusCode).toBe(403);
  });

  it('tags many fans at once, all or nothing, and only for staff', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const a = await signupFan(t.app);
    const b = await signupFan(t.app);
    const bulk = (payload: object, headers: Record<string, string> = h) => t.app.inject({ method: 'POST', url: '/api/admin/fans/tags', headers, payload });
    expect((await bulk({ tag: 'meetup-invite', fanIds: [a.fan.id] })).json()).toEqual({ tagged: 1, alreadyTagged: 0 });
    // a again (already tagged), b new, b twice in the list: counted once.
    expect((await bulk({ tag: 'meetup-invite', fanIds: [a.fan.id, b.fan.id, b.fan.id] })).json()).toEqual({ tagged: 1, alreadyTagged: 1 });
    const tagsOf = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/admin/fans/${id}/tags`, headers: h })).json().tags;
    expect([await tagsOf(a.fan.id), await tagsOf(b.fan.id)]).toEqual([['meetup-invite'], ['meetup-invite']]);

    // One unknown fan: nobody is tagged, and the answer says which id.
    const ghost = '00000000-0000-4000-8000-00000000dead';
    const refused = await bulk({ tag: 'second-wave', fanIds: [a.fan.id, ghost] });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toMatchObject({ code: 'fan.not_found', details: [{ path: 'fanIds', message: `no fan ${ghost}` }] });
    expect(await tagsOf(a.fan.id)).toEqual(['meetup-invite']);

    for (const bad of [
      { tag: 'x', fanIds: [] },
      { tag: 'a,b', fanIds: [a.fan.id] },
      { tag: 'x', fanIds: ['nope'] },
      { tag: 'x', fanIds: Array(501).fill(a.fan.id) },
    ]) {
      expect((await bulk(bad)).statusCode).toBe(400);
    }
    expect((await bulk({ tag: 'x', fanIds: [a.fan.id] }, { cookie: a.cookie })).statusCode).toBe(403);
    expect((await bulk({ tag: 'x', fanIds: [a.fan.id] }, {})).statusCode).toBe(401);
  });

  it('exports a segment as CSV, streamed, readable back', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    await importCsv(owner.cookie, CSV);
    const seg = (await t.app.inject({ method: 'POST', url: '/api/admin/segments', headers: h, payload: { name: '北京 VIP', filter: { tags: ['vip'] } } })).json();
    const res = await t.app.inject({ method: 'GET', url: `/api/admin/fans/export.csv?segment=${seg.id}`, headers: h });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('fans-北京-VIP.csv'));
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r.email} ${r.status} ${r.tags} ${r.level}`).sort()).toEqual([
      'ann@example.com following beijing;vip 0',
      'eve@example.com never_followed shanghai;vip 0',
    ]);
    const everyone = await t.app.inject({ method: 'GET', url: '/api/admin/fans/export.csv', headers: h });
    expect(parse(everyone.body, { columns: true, bom: true })).toHaveLength(3);
    const fan = await signupFan(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/fans/export.csv', headers: { cookie: fan.cookie } })).statusCode).toBe(403);
  });
});
