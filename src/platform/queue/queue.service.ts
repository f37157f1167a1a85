import PgBoss from 'pg-boss';
import { afterCommit, inOpenTransaction, type Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Engine } from '../../db/client.ts';
import { QUEUE_SCHEMA } from '../../db/queue-schema.ts';
import { rawSqlOf, type RawSql } from '../../db/raw-sql.ts';

/** What a handler learns about the job it runs. */
export type QueueJob = {
  id: string;
  /** 0 on the first attempt; 1, 2… on the retries (after a failure, a stop or an expiry). */
  retryCount: number;
  /** Aborted when this process stops and hands the job back before the handler finished. */
  signal: AbortSignal;
};

export type QueueHandler<T> = (ctx: Ctx, data: T, job: QueueJob) => Promise<void>;

export type QueueDefinition = {
  /** Retries after a failed first attempt (default 3); then the job stays failed. */
  retryLimit?: number;
  /** Wait before a retry (default 10 s); with `retryBackoff` (default true) about twice as long each time. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** An attempt still running after this long is taken for dead and tried again (default 15 min; under 24 h). */
  expireInSeconds?: number;
  /**
   * One job of this queue runs at a time, across every instance, and at most one waits: a send
   * while one waits returns null (pg-boss's `stately` policy, the queue's name as the key).
   */
  oneAtATime?: boolean;
};

export type SendOptions = {
  /** Not before then (a due job runs at once in this process, else within the poll interval). */
  startAfter?: Date;
  /** While a job with this key waits (not yet tried), a send with the same key returns null. */
  singletonKey?: string;
  retryLimit?: number;
};

export type QueueSettings = {
  /** How often a started queue looks for due jobs: other instances', retries, delayed ones. */
  pollSeconds?: number;
  /** How long `stop` lets running handlers finish before it hands their jobs back. */
  stopGraceMs?: number;
  /** How often pg-boss's maintenance runs (expires dead attempts, archives finished jobs). */
  maintenanceSeconds?: number;
  /** How often pg-boss moves the jobs its schedules sent into their queues. */
  cronSeconds?: number;
};

/**
 * Polling on the embedded database shares its one connection with every request: there a job
 * sent by this process (the only one) runs at once anyway, and the poll only finds retries and
 * delayed jobs. Each poll is one indexed read per queue.
 */
const POLL_SECONDS: Record<Engine, number> = { pglite: 5, postgres: 2 };
const STOP_GRACE_MS = 5_000;
const MAINTENANCE_SECONDS = 120;
/** Cron is per minute; what a schedule sends waits up to this long more. */
const CRON_SECONDS = 15;

type Policy = 'stately' | 'short' | 'standard';
type Definition = Required<Omit<QueueDefinition, 'oneAtATime'>> & { handler: QueueHandler<unknown>; policy: Policy };

/**
 * pg-boss's schema lock (the one its migrations and maintenance take), to the end of the
 * transaction: creating a queue alters pg-boss's tables, and two creations at once (two queues,
 * or two instances) deadlock on PostgreSQL.
 */
const SCHEMA_LOCK = `SELECT pg_advisory_xact_lock(('x' || encode(sha224((current_database() || '.pgboss.${QUEUE_SCHEMA}')::bytea), 'hex'))::bit(64)::bigint)`;
/** pg-boss's create_queue() (what `boss.createQueue` runs), on a connection of our choosing. */
const CREATE_QUEUE = `SELECT ${QUEUE_SCHEMA}.create_queue($1, $2)`;
const QUEUE_EXISTS = `SELECT 1 FROM ${QUEUE_SCHEMA}.queue WHERE name = $1`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const createQueueLocked = (name: string, policy: Policy) => `
  BEGIN;
  ${SCHEMA_LOCK};
  SELECT ${QUEUE_SCHEMA}.create_queue(${literal(name)}, ${literal(JSON.stringify({ policy }))});
  COMMIT;`;
/** pg-boss's own queue for what its schedules send (created here, under the lock, before `boss.start` would). */
const SCHEDULE_QUEUE = '__pgboss__send-it';

/**
 * Background jobs over pg-boss, on PGlite and PostgreSQL alike: pg-boss keeps the jobs in the
 * database (schema `pgboss`), hands each due one to a single instance, retries failures with
 * backoff, takes an attempt whose process died for failed once it expires, and sends what a cron
 * schedule says, once for the whole cluster.
 *
 * A job sent inside a transaction is written on that transaction's connection: it commits or
 * rolls back with it (and on PGlite no second connection is waited for). A job this process sent
 * runs here as soon as it is due and committed; `start` adds polling for the rest. Handlers run
 * as the system, one job at a time per queue in each instance.
 */
export function createQueue(deps: { db: Db; engine: Engine; systemCtx: () => Ctx; settings?: QueueSettings }) {
  const { db, systemCtx } = deps;
  const pollSeconds = deps.settings?.pollSeconds ?? POLL_SECONDS[deps.engine];
  const stopGraceMs = deps.settings?.stopGraceMs ?? STOP_GRACE_MS;
  const main = rawSqlOf(db, false);
  const boss = new PgBoss({
    db: main,
    schema: QUEUE_SCHEMA,
    migrate: true,
    maintenanceIntervalSeconds: deps.settings?.maintenanceSeconds ?? MAINTENANCE_SECONDS,
    cronWorkerIntervalSeconds: deps.settings?.cronSeconds ?? CRON_SECONDS,
  });
  // pg-boss's own background work: maintenance, schedules, its clock check.
  boss.on('error', (err) => systemCtx().log.warn({ err }, 'job queue background work failed'));

  const queues = new Map<string, Definition>();
  const schedules = new Map<string, { cron: string; data: object | null }>();
  /** Queues being made to exist with their policy, and those that do. */
  const ensuring = new Map<string, Promise<void>>();
  const ready = new Set<string>();
  const loops = new Map<string, Promise<void>>();
  /** Queues kicked while their loop was winding down: it goes round once more. */
  const again = new Set<string>();
  /** Jobs whose handler runs in this process, by id. */
  const running = new Map<string, { name: string; abort: AbortController }>();
  let executed = 0;
  let started = false;
  let stopped = false;
  let poller: NodeJS.Timeout | undefined;

  function definition(name: string): Definition {
    const found = queues.get(name);
    if (!found) throw new Error(`no queue named ${name}`);
    return found;
  }

  /** pg-boss's options for a job of this queue (also stored with its schedule). */
  const jobOptions = (name: string, d: Definition) => ({
    retryLimit: d.retryLimit,
    retryDelay: d.retryDelaySeconds,
    retryBackoff: d.retryBackoff,
    expireInSeconds: d.expireInSeconds,
    ...(d.policy === 'stately' ? { singletonKey: name } : {}),
  });

  /** The queues in the database and their policies, read once per instance (again after a failure). */
  let existing: Promise<Map<string, string | undefined>> | undefined;
  function existingQueues() {
    if (!existing) {
      existing = boss.getQueues().then((rows) => new Map(rows.map((q) => [q.name, q.policy])));
      existing.catch(() => (existing = undefined));
    }
    return existing;
  }

  /** Creates the queue if it is not there, or sets its policy if it changed (once per instance). */
  function ensure(name: string, policy: Policy = definition(name).policy): Promise<void> {
    let done = ensuring.get(name);
    if (!done) {
      done = (async () => {
        if ((await existingQueues()).get(name) !== policy) {
          await main.executeSql(createQueueLocked(name, policy));
          await boss.updateQueue(name, { name, policy });
        }
        ready.add(name);
      })();
      done.catch(() => ensuring.delete(name));
      ensuring.set(name, done);
    }
    return done;
  }

  async function execute(name: string, job: PgBoss.JobWithMetadata<unknown>) {
    const { handler } = definition(name);
    const ctx = systemCtx();
    const abort = new AbortController();
    running.set(job.id, { name, abort });
    executed += 1;
    let failure: unknown;
    let succeeded = false;
    try {
      await handler(ctx, job.data, { id: job.id, retryCount: job.retryCount, signal: abort.signal });
      succeeded = true;
    } catch (err) {
      failure = err;
    } finally {
      running.delete(job.id);
    }
    // Handed back by `stop`: the next attempt reports.
    if (abort.signal.aborted) return;
    if (succeeded) {
      await boss.complete(name, job.id);
      return;
    }
    const retries = job.retryCount < job.retryLimit;
    ctx.log.error(
      { err: failure, queue: name, job: job.id, attempt: job.retryCount + 1, retryLimit: job.retryLimit },
      retries ? 'job failed; it will be retried' : 'job failed; no retries left',
    );
    await boss.fail(name, job.id, failure instanceof Error ? failure : { message: String(failure) });
  }

  /** Runs the due jobs of one queue in this process, one after another, until none is due. */
  async function work(name: string) {
    await ensure(name);
    while (!stopped) {
      const [job] = await boss.fetch<unknown>(name, { batchSize: 1, includeMetadata: true });
      if (!job) return;
      await execute(name, job);
    }
  }

  function kick(name: string) {
    if (stopped) return;
    if (loops.has(name)) {
      again.add(name);
      return;
    }
    const loop = work(name)
      .catch((err: unknown) => systemCtx().log.error({ err, queue: name }, 'job queue failed'))
      .finally(() => {
        loops.delete(name);
        if (again.delete(name)) kick(name);
      });
    loops.set(name, loop);
  }

  async function idle() {
    while (loops.size) await Promise.all([...loops.values()]);
  }

  async function applySchedules() {
    for (const [name, { cron, data }] of schedules) {
      await ensure(name);
      await boss.schedule(name, cron, data ?? undefined, { tz: 'UTC', ...jobOptions(name, definition(name)) });
    }
    // A schedule this code no longer declares stops.
    for (const stored of await boss.getSchedules()) if (!schedules.has(stored.name)) await boss.unschedule(stored.name);
  }

  return {
    /** Declares a queue and the handler of its jobs (before `start`; at wiring time). */
    define<T>(name: string, handler: QueueHandler<T>, opts: QueueDefinition = {}) {
      queues.set(name, {
        handler: handler as QueueHandler<unknown>,
        retryLimit: opts.retryLimit ?? 3,
        retryDelaySeconds: opts.retryDelaySeconds ?? 10,
        retryBackoff: opts.retryBackoff ?? true,
        expireInSeconds: opts.expireInSeconds ?? 15 * 60,
        policy: opts.oneAtATime ? 'stately' : 'short',
      });
    },

    /**
     * Sends a job; its id, or null when `singletonKey` (or a one-at-a-time queue) found one
     * waiting. When `ctx.db` is a transaction (`inTransaction`), the job commits with it.
     */
    async send<T>(ctx: Ctx, name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
      const d = definition(name);
      const via: RawSql = inOpenTransaction(ctx) ? rawSqlOf(ctx.db, true) : main;
      if (via === main) await ensure(name);
      else if (!ready.has(name)) {
        // On this transaction's connection: `ensure` would wait for another one, which on PGlite
        // is this very one, and on PostgreSQL may be the pool's last.
        if ((await via.executeSql(QUEUE_EXISTS, [name])).rows.length === 0) {
          await via.executeSql(SCHEMA_LOCK);
          await via.executeSql(CREATE_QUEUE, [name, { policy: d.policy }]);
        }
      }
      const id = newId();
      const sent = await boss.send(name, (data ?? null) as object, {
        ...jobOptions(name, d),
        ...(opts.retryLimit === undefined ? {} : { retryLimit: opts.retryLimit }),
        id,
        // Every job has a key (its own id unless given): a keyless job never stands in for another.
        ...(d.policy === 'short' ? { singletonKey: opts.singletonKey ?? id } : {}),
        ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
        db: via,
      });
      if (sent && !(opts.startAfter && opts.startAfter.getTime() > Date.now())) afterCommit(ctx, () => kick(name));
      return sent;
    },

    /** Sends a job on this cron (UTC; per minute at most), once for all instances; from `start` on. */
    schedule(name: string, cron: string, data?: object) {
      definition(name);
      schedules.set(name, { cron, data: data ?? null });
      if (started) applySchedules().catch((err: unknown) => systemCtx().log.error({ err, queue: name }, 'job schedule failed'));
    },

    /** Serve: pg-boss's maintenance and schedules, and a poll for due jobs of every queue. */
    async start() {
      if (started) return;
      started = true;
      stopped = false;
      await ensure(SCHEDULE_QUEUE, 'standard');
      // Before pg-boss's first look at the schedules, which `boss.start` sets off.
      await applySchedules();
      await boss.start();
      // Stopped while starting (a signal at boot): undo pg-boss's start.
      if (stopped) return boss.stop({ graceful: false, close: false });
      poller = setInterval(() => {
        for (const name of queues.keys()) kick(name);
      }, pollSeconds * 1000);
      poller.unref();
      for (const name of queues.keys()) kick(name);
    },

    /**
     * No job starts here any more; running handlers get `stopGraceMs` to finish, and the jobs of
     * those still running are handed back (failed now: another instance or the next start tries
     * them again once their retry delay is over; the job runs' queues have none).
     */
    async stop() {
      if (stopped) return;
      stopped = true;
      started = false;
      if (poller) clearInterval(poller);
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 1_000 });
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([idle().then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), stopGraceMs)))]);
      clearTimeout(timer);
      if (!late) return;
      for (const [id, { name, abort }] of running) {
        abort.abort(new Error('the process is stopping'));
        await boss
          .fail(name, id, { message: 'handed back: the process stopped before the job finished' })
          .catch((err: unknown) => systemCtx().log.error({ err, queue: name, job: id }, 'could not hand a job back'));
      }
    },

    /**
     * Tests and CLI: runs every job that is due now in this process, including the ones their
     * handlers send, until none is due and none runs here (a job running elsewhere is not waited
     * for). `names`: only those queues' jobs are looked for.
     */
    async drain(names: string[] = [...queues.keys()]) {
      for (;;) {
        const before = executed;
        for (const name of names) kick(name);
        await idle();
        if (executed === before) return;
      }
    },
  };
}
export type Queue = ReturnType<typeof createQueue>;
