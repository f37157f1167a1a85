import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { createOwner, createStaff } from '../../test/factories.ts';
import { gate } from '../../test/gate.ts';

const CSV = 'email,display_name,followed_at,tags\nann@example.com,Ann,2026-01-05,vip\nbob@example.com,Bob,,\nnot-an-email,X,,\n';

describe('CSV import with an Idempotency-Key: a retried upload answers the first report', () => {
  const t = useTestApp();
  const importCsv = (cookie: string, body: string, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/fans/import',
      headers: { cookie, 'content-type': 'text/csv', ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: body,
    });
  const runsOf = async (cookie: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/workflow-runs?name=fans.import', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      total: number;
      items: { id: string; status: string; idempotencyKey: string | null; error: string | null; steps: { stepId: string; status: string; output: unknown }[] }[];
    };
  };
  const fanCount = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/admin/fans', headers: { cookie } })).json().total as number;

  it('imports once and answers a retry with the first report, marked as replayed', async () => {
    const owner = await createOwner(t.app);
    const first = await importCsv(owner.cookie, CSV, 'upload-2026-03-01');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(first.json()).toMatchObject({ rows: 3, created: 2, existing: 0, rejected: 1 });

    const retry = await importCsv(owner.cookie, CSV, 'upload-2026-03-01');
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    // The first report (created: 2), not what a second import would say (existing: 2).
    expect(retry.json()).toEqual(first.json());
    expect(await fanCount(owner.cookie)).toBe(2);

    // One run, recorded with its key and steps.
    const runs = await runsOf(owner.cookie);
    expect(runs.total).toBe(1);
    expect(runs.items[0]).toMatchObject({ status: 'succeeded', idempotencyKey: 'upload-2026-03-01' });
    expect(runs.items[0]!.steps.map((s) => [s.stepId, s.status, s.output])).toEqual([
      ['parse', 'succeeded', { rows: 3, valid: 2, rejected: 1 }],
      ['write', 'succeeded', { rows: 3, created: 2, existing: 0, rejected: 1 }],
    ]);

    // Without a key, the same file is imported again, and changes nothing.
    const plain = await importCsv(owner.cookie, CSV);
    expect(plain.json()).toMatchObject({ rows: 3, created: 0, existing: 2, rejected: 1 });
    expect((await runsOf(owner.cookie)).total).toBe(2);
  });

  it('refuses the same key with another file (409 idempotency.key_reused); another staff member’s key is their own', async () => {
    const owner = await createOwner(t.app);
    expect((await importCsv(owner.cookie, CSV, 'k1')).statusCode).toBe(200);
    const reused = await importCsv(owner.cookie, 'email\ncarl@example.com\n', 'k1');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error).toMatchObject({ code: 'idempotency.key_reused' });
    expect(await fanCount(owner.cookie)).toBe(2);

    const colleague = await createStaff(t.app, owner.cookie);
    const theirs = await importCsv(colleague.cookie, 'email\ncarl@example.com\n', 'k1');
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(await fanCount(owner.cookie)).toBe(3);
  });

  it('of parallel uploads with one key, imports once: the others hear it is in progress, later retries get the first report', async () => {
    const owner = await createOwner(t.app);
    const rows = Array.from({ length: 1200 }, (_, i) => `fan${i}@example.com,Fan ${i},,t${i % 3}`).join('\n');
    const big = `email,display_name,followed_at,tags\n${rows}\n`;
    // Hold the first import until every other request has been answered, so they surely overlap.
    const fanImport = t.container.services.fanImport;
    const run = fanImport.run.bind(fanImport);
    const g = gate();
    vi.spyOn(fanImport, 'run').mockImplementationOnce(async (...args) => {
      g.started();
      await g.opened;
      return run(...args);
    });
    let settled = 0;
    const pending = Array.from({ length: 6 }, () => importCsv(owner.cookie, big, 'parallel-1').finally(() => (settled += 1)));
    await g.began;
    await vi.waitFor(() => expect(settled).toBe(5), { timeout: 10_000 });
    g.open();
    const answers = await Promise.all(pending);
    vi.restoreAllMocks();
    const busy = answers.filter((a) => a.statusCode === 409);
    expect(busy.map((b) => b.json().error.code)).toEqual(Array.from({ length: 5 }, () => 'idempotency.in_progress'));
    const [done] = answers.filter((a) => a.statusCode === 200);
    expect(done!.json()).toMatchObject({ rows: 1200, created: 1200, existing: 0, rejected: 0 });
    expect((await runsOf(owner.cookie)).total).toBe(1);
    const after = await importCsv(owner.cookie, big, 'parallel-1');
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(after.json()).toEqual(done!.json());

    // Unheld, however the requests interleave on this engine: one import, the rest in progress or replays of it.
    const burst = await Promise.all(Array.from({ length: 6 }, () => importCsv(owner.cookie, big, 'parallel-2')));
    const fresh = burst.filter((a) => a.statusCode === 200 && a.headers['idempotent-replayed'] === undefined);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.json()).toMatchObject({ rows: 1200, created: 0, existing: 1200 });
    for (const a of burst) {
      if (a.statusCode === 409) expect(a.json().error.code).toBe('idempotency.in_progress');
      else expect([a.statusCode, a.json()]).toEqual([200, fresh[0]!.json()]);
    }
    expect((await runsOf(owner.cookie)).total).toBe(2);
    expect(await fanCount(owner.cookie)).toBe(1200);
  });

  it('answers a retried file that was refused whole (no email column) with the same 400, and records the failed run', async () => {
    const owner = await createOwner(t.app);
    const first = await importCsv(owner.cookie, 'name,tags\nAnn,vip\n', 'bad-file');
    expect(first.statusCode).toBe(400);
    expect(first.json().error.code).toBe('import.missing_email_column');
    const retry = await importCsv(owner.cookie, 'name,tags\nAnn,vip\n', 'bad-file');
    expect(retry.statusCode).toBe(400);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const runs = await runsOf(owner.cookie);
    expect(runs.total).toBe(1);
    expect(runs.items[0]).toMatchObject({ status: 'failed', error: 'parse: import.missing_email_column: The CSV needs a header row with an "email" column' });
    expect(runs.items[0]!.steps.map((s) => [s.stepId, s.status])).toEqual([['parse', 'failed']]);
  });

  it('refuses a malformed key with a clear 400, and documents the header', async () => {
    const owner = await createOwner(t.app);
    const long = await importCsv(owner.cookie, CSV, 'x'.repeat(201));
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'idempotency-key', in: 'headers', message: 'must be at most 200 characters' }],
    });
    expect((await importCsv(owner.cookie, CSV, '')).statusCode).toBe(400);
    expect(await fanCount(owner.cookie)).toBe(0);

    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const header = spec.paths['/api/admin/fans/import'].post.parameters.find((p: { name: string }) => p.name === 'idempotency-key');
    expect(header).toMatchObject({ in: 'header', required: false, schema: { type: 'string', maxLength: 200, minLength: 1 } });
    expect(header.description).toMatch(/Idempotent-Replayed/);
  });
});
