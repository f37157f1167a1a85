import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, resetDatabase, type TestDatabase } from '../../../test/engine.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { createStep, createWorkflow, type StepMeta } from './workflow-definition.ts';
import { workflowsRepository } from './workflows.repository.ts';
import { createWorkflowRunner } from './workflows.service.ts';
import { idempotencyKeys, workflowRuns, workflowSteps } from './workflows.table.ts';

const STAFF_ID = '00000000-0000-4000-8000-000000000001';

describe('workflow runner: steps in order, compensations in reverse, every run recorded', () => {
  let database: TestDatabase;
  const log = pino({ level: 'silent' });
  const runner = createWorkflowRunner({ repo: workflowsRepository });
  const staff = (): Ctx => ({ actor: { kind: 'staff', staffId: STAFF_ID, role: 'owner' }, db: database.db, now: () => new Date(), log });
  const runs = () => database.db.select().from(workflowRuns);
  const steps = (runId: string) => database.db.select().from(workflowSteps).where(eq(workflowSteps.runId, runId)).orderBy(asc(workflowSteps.position));

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  beforeEach(async () => resetDatabase(database));
  afterAll(async () => database?.close());

  /** Steps that note what they do in `journal`; `fail` names the step that throws. */
  function checkout(journal: string[], fail?: { invoke?: string; compensate?: string[] }) {
    const step = <I, O>(id: string, invoke: (input: I) => O, withUndo = true) =>
      createStep<I, O>(
        id,
        async (_ctx, input, meta: StepMeta) => {
          journal.push(`do ${id} ${meta.runId.length}`);
          if (fail?.invoke === id) throw new AppError('job.already_running', { job: id }, { message: `${id} refused\nsecond line` });
          return invoke(input);
        },
        withUndo
          ? async (_ctx, output, input) => {
              journal.push(`undo ${id} ${JSON.stringify(output)} ← ${JSON.stringify(input)}`);
              if (fail?.compensate?.includes(id)) throw new Error(`${id} undo refused`);
            }
          : undefined,
      );
    return createWorkflow<{ sku: string; qty: number }>('store.checkout')
      .then(step('reserve', (i: { sku: string; qty: number }) => ({ reservation: `r-${i.sku}`, qty: i.qty })))
      .then(step('charge', (r: { reservation: string; qty: number }) => ({ payment: 'p-1', amount: r.qty * 100, reservation: r.reservation })))
      .then(step('notify', () => ({ sent: true }), false))
      .then(step('order', (c: { sent: boolean }) => ({ order: 'o-1', sent: c.sent })));
  }

  it('runs each step on the output of the one before and records the run and its steps', async () => {
    const journal: string[] = [];
    const result = await runner.run(staff(), checkout(journal), { sku: 'tee', qty: 2 }, { key: 'k-1' });
    expect(result).toEqual({ order: 'o-1', sent: true });
    expect(journal).toEqual(['do reserve 36', 'do charge 36', 'do notify 36', 'do order 36']);
    const [run] = await runs();
    expect(run).toMatchObject({ name: 'store.checkout', status: 'succeeded', idempotencyKey: 'k-1', requestedBy: `staff:${STAFF_ID}`, error: null });
    expect(run!.finishedAt).toBeInstanceOf(Date);
    expect((await steps(run!.id)).map((s) => [s.position, s.stepId, s.status, s.output, s.compensation])).toEqual([
      [0, 'reserve', 'succeeded', { reservation: 'r-tee', qty: 2 }, null],
      [1, 'charge', 'succeeded', { payment: 'p-1', amount: 200, reservation: 'r-tee' }, null],
      [2, 'notify', 'succeeded', { sent: true }, null],
      [3, 'order', 'succeeded', { order: 'o-1', sent: true }, null],
    ]);
  });

  it('on a failing step undoes the steps done, newest first, records each undo and throws the original error', async () => {
    const journal: string[] = [];
    const error = await runner.run(staff(), checkout(journal, { invoke: 'order' }), { sku: 'tee', qty: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'job.already_running' });
    expect(journal).toEqual([
      'do reserve 36',
      'do charge 36',
      'do notify 36',
      'do order 36',
      'undo charge {"payment":"p-1","amount":100,"reservation":"r-tee"} ← {"reservation":"r-tee","qty":1}',
      'undo reserve {"reservation":"r-tee","qty":1} ← {"sku":"tee","qty":1}',
    ]);
    const [run] = await runs();
    expect(run).toMatchObject({ status: 'compensated', error: 'order: job.already_running: order refused' });
    expect((await steps(run!.id)).map((s) => [s.stepId, s.status, s.compensation, s.error])).toEqual([
      ['reserve', 'succeeded', 'compensated', null],
      ['charge', 'succeeded', 'compensated', null],
      ['notify', 'succeeded', null, null],
      ['order', 'failed', null, 'job.already_running: order refused'],
    ]);
  });

  it('records a failing undo, still runs the other undos, and marks the run for staff to finish by hand', async () => {
    const journal: string[] = [];
    const error = await runner.run(staff(), checkout(journal, { invoke: 'order', compensate: ['charge'] }), { sku: 'tee', qty: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'job.already_running' });
    expect(journal.filter((j) => j.startsWith('undo')).map((j) => j.split(' ')[1])).toEqual(['charge', 'reserve']);
    const [run] = await runs();
    expect(run!.status).toBe('compensation_failed');
    const recorded = await steps(run!.id);
    expect(recorded.map((s) => [s.stepId, s.compensation, s.compensationError])).toEqual([
      ['reserve', 'compensated', null],
      ['charge', 'compensation_failed', 'charge undo refused'],
      ['notify', null, null],
      ['order', null, null],
    ]);
    expect(recorded[1]!.compensatedAt).toBeInstanceOf(Date);
    // Staff find it among the runs that need a hand, with what the charge returned (the payment to refund).
    const needing = await runner.listRuns(staff(), { status: 'compensation_failed' }, { page: 1, pageSize: 20 });
    expect(needing.total).toBe(1);
    expect(needing.items[0]!.steps[1]).toMatchObject({ stepId: 'charge', compensation: 'compensation_failed', output: { payment: 'p-1', amount: 100 } });
    expect((await runner.listRuns(staff(), { status: 'succeeded' }, { page: 1, pageSize: 20 })).total).toBe(0);
  });

  it('marks a run failed when nothing done had an undo, e.g. its first step failed', async () => {
    const journal: string[] = [];
    await expect(runner.run(staff(), checkout(journal, { invoke: 'reserve' }), { sku: 'tee', qty: 1 })).rejects.toMatchObject({ code: 'job.already_running' });
    expect(journal).toEqual(['do reserve 36']);
    const [run] = await runs();
    expect(run).toMatchObject({ status: 'failed' });
    expect((await steps(run!.id)).map((s) => [s.stepId, s.status])).toEqual([['reserve', 'failed']]);
  });

  it('keeps what a step asks to keep of its output, and hands each step the run id', async () => {
    const seen: string[] = [];
    const flow = createWorkflow<number>('numbers').then(
      createStep(
        'square',
        async (_ctx, n: number, meta) => {
          seen.push(meta.runId, meta.stepId, String(meta.key));
          return { n: n * n, big: 'x'.repeat(10_000) };
        },
        undefined,
        { record: (o) => ({ n: o.n }) },
      ),
    );
    expect((await runner.run(staff(), flow, 3)).n).toBe(9);
    const [run] = await runs();
    expect(seen).toEqual([run!.id, 'square', 'null']);
    expect((await steps(run!.id))[0]!.output).toEqual({ n: 9 });
    expect((await runner.getRun(staff(), run!.id)).steps).toHaveLength(1);
  });

  it('rolls back a transactional step that fails, with its record, and undoes a transactional step done before it', async () => {
    const at = new Date();
    const row = (key: string) => ({
      scope: 'spec',
      caller: 'system',
      key,
      fingerprint: 'f',
      status: 'in_progress' as const,
      claimId: '00000000-0000-4000-8000-0000000000aa',
      createdAt: at,
      expiresAt: at,
    });
    const flow = createWorkflow<void>('tx')
      .then(
        createStep(
          'first',
          async (ctx) => {
            await ctx.db.insert(idempotencyKeys).values(row('first'));
            return 'first';
          },
          async (ctx, key) => {
            await ctx.db.delete(idempotencyKeys).where(eq(idempotencyKeys.key, key));
          },
          { transaction: true },
        ),
      )
      .then(
        createStep(
          'second',
          async (ctx) => {
            await ctx.db.insert(idempotencyKeys).values(row('second'));
            throw new Error('second broke');
          },
          undefined,
          { transaction: true },
        ),
      );
    await expect(runner.run(staff(), flow, undefined)).rejects.toThrow('second broke');
    expect(await database.db.select().from(idempotencyKeys)).toEqual([]);
    const [run] = await runs();
    expect(run!.status).toBe('compensated');
    expect((await steps(run!.id)).map((s) => [s.stepId, s.status, s.compensation])).toEqual([
      ['first', 'succeeded', 'compensated'],
      ['second', 'failed', null],
    ]);
  });

  it('refuses to run inside a transaction (a failed run’s records would roll back with it)', async () => {
    const flow = createWorkflow<number>('inside').then(createStep('noop', async (_ctx, n: number) => n));
    await expect(inTransaction(staff(), (tx) => runner.run(tx, flow, 1))).rejects.toThrow(/outside a transaction/);
    expect(await runs()).toEqual([]);
  });

  it('refuses two steps with one name, and shows runs to staff only', async () => {
    const noop = createStep('noop', async (_ctx, n: number) => n);
    expect(() => createWorkflow<number>('twice').then(noop).then(noop)).toThrow(/two steps named "noop"/);
    expect(() => createStep('Bad Name', async () => 1)).toThrow(/step id/);
    const fan: Ctx = { ...staff(), actor: { kind: 'fan', fanId: STAFF_ID } };
    await expect(runner.listRuns(fan, {}, { page: 1, pageSize: 20 })).rejects.toMatchObject({ status: 403 });
    await expect(runner.getRun(staff(), STAFF_ID)).rejects.toMatchObject({ status: 404, code: 'workflow.run_not_found' });
  });
});
