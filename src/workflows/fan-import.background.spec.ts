import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { createOwner, signupFan } from '../../test/factories.ts';
import { newId } from '../core/ids.ts';

/** Files above the inline limit (lowered to 3 rows here; 2,000 in the product) import in the background. */
describe('a large CSV import runs in the background, with progress, and survives a restart', () => {
  const t = useTestApp({}, { container: { importInlineMaxRows: 3 } });
  const csvOf = (n: number, from = 0) =>
    `email,display_name,followed_at,tags\n${Array.from({ length: n }, (_, i) => `fan${from + i}@example.com,Fan ${from + i},2026-01-0${1 + (i % 9)},${i % 2 ? 'vip' : ''}`).join('\n')}\n`;
  const upload = (cookie: string, body: string, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/fans/import',
      headers: { cookie, 'content-type': 'text/csv', ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });
  const status = (cookie: string, id: string) => t.app.inject({ method: 'GET', url: `/api/admin/fans/imports/${id}`, headers: { cookie } });
  const fanCount = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/admin/fans', headers: { cookie } })).json().total as number;
  const fanImports = () => t.container.services.fanImports;

  it('answers 202 with the queued import at once; the import then shows its report, and its fans are there', async () => {
    const owner = await createOwner(t.app);
    const small = await upload(owner.cookie, csvOf(3));
    expect(small.statusCode).toBe(200);
    expect(small.json()).toMatchObject({ rows: 3, created: 3 });

    const res = await upload(owner.cookie, `${csvOf(40, 100)}not-an-email,X,,\n`);
    expect(res.statusCode, res.body).toBe(202);
    const queued = res.json().import;
    expect(queued).toMatchObject({ status: 'queued', rowsTotal: 41, rowsDone: 0, report: null, error: null, finishedAt: null });
    await fanImports().idle();

    const done = await status(owner.cookie, queued.id);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: queued.id, status: 'succeeded', rowsTotal: 41, rowsDone: 41, error: null });
    expect(done.json().report).toMatchObject({ rows: 41, created: 40, existing: 0, rejected: 1, errors: [{ line: 42, code: 'invalid_email' }] });
    expect(done.json().finishedAt).not.toBeNull();
    expect(await fanCount(owner.cookie)).toBe(43);
    const listed = await t.app.inject({ method: 'GET', url: '/api/admin/fans/imports', headers: { cookie: owner.cookie } });
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([queued.id]);
    // The upload is not kept once imported.
    const kept = await t.database.db.execute(sql`select csv is null as gone from fan_imports where id = ${queued.id}`);
    expect((kept as unknown as { rows: { gone: boolean }[] }).rows[0]!.gone).toBe(true);
  });

  it('with an Idempotency-Key, a retried upload answers the same import instead of queueing another', async () => {
    const owner = await createOwner(t.app);
    const first = await upload(owner.cookie, csvOf(10), 'big-upload-1');
    const retry = await upload(owner.cookie, csvOf(10), 'big-upload-1');
    expect([first.statusCode, retry.statusCode]).toEqual([202, 202]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().import.id).toBe(first.json().import.id);
    await fanImports().idle();
    const items = (await t.app.inject({ method: 'GET', url: '/api/admin/fans/imports', headers: { cookie: owner.cookie } })).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'succeeded', report: { created: 10 } });
  });

  it('a large file refused whole (no email column) ends failed with its code, and imports nothing', async () => {
    const owner = await createOwner(t.app);
    const res = await upload(owner.cookie, `name,tags\n${Array.from({ length: 10 }, (_, i) => `N${i},vip`).join('\n')}\n`);
    expect(res.statusCode).toBe(202);
    await fanImports().idle();
    expect((await status(owner.cookie, res.json().import.id)).json()).toMatchObject({
      status: 'failed',
      report: null,
      error: { code: 'import.missing_email_column', message: 'The CSV needs a header row with an "email" column' },
    });
    expect(await fanCount(owner.cookie)).toBe(0);
  });

  it('is for staff only (a fan gets 403, nobody signed in 401), and answers a bad or unknown id clearly', async () => {
    const owner = await createOwner(t.app);
    const id = (await upload(owner.cookie, csvOf(5))).json().import.id;
    await fanImports().idle();
    const fan = await signupFan(t.app);
    expect((await status(fan.cookie, id)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/fans/imports/${id}` })).statusCode).toBe(401);
    const unknown = await status(owner.cookie, newId());
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'import.not_found']);
    const bad = await status(owner.cookie, 'not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'id', in: 'params' });
  });

  it('an import interrupted by a shutdown goes back to the queue, and the next start finishes it', async () => {
    const owner = await createOwner(t.app);
    const id = (await upload(owner.cookie, csvOf(20))).json().import.id;
    await fanImports().stop();
    expect((await status(owner.cookie, id)).json()).toMatchObject({ status: 'queued', report: null });
    await fanImports().start();
    await fanImports().idle();
    expect((await status(owner.cookie, id)).json()).toMatchObject({ status: 'succeeded', report: { rows: 20, rejected: 0 } });
    expect(await fanCount(owner.cookie)).toBe(20);
    await fanImports().stop();
    await fanImports().start();
  });

  it('an import whose process died (a stale heartbeat) is taken up again from its file and finishes once', async () => {
    const owner = await createOwner(t.app);
    // What a process killed half way leaves behind: the import running, its first rows imported.
    expect((await upload(owner.cookie, csvOf(3))).statusCode).toBe(200);
    const id = newId();
    const csv = csvOf(12);
    await t.database.db
      .execute(sql`insert into fan_imports (id, status, requested_by, csv, size_bytes, rows_total, rows_done, attempts, created_at, started_at, heartbeat_at)
      values (${id}, 'running', 'system', ${csv}, ${csv.length}, 12, 3, 1, now() - interval '10 minutes', now() - interval '10 minutes', now() - interval '5 minutes')`);
    await fanImports().start();
    await fanImports().idle();
    const after = (await status(owner.cookie, id)).json();
    expect(after).toMatchObject({ status: 'succeeded', report: { rows: 12, created: 9, existing: 3, rejected: 0 } });
    expect(await fanCount(owner.cookie)).toBe(12);
    const attempts = await t.database.db.execute(sql`select attempts from fan_imports where id = ${id}`);
    expect((attempts as unknown as { rows: { attempts: number }[] }).rows[0]!.attempts).toBe(2);
  });
});
