import { inTransaction, type Ctx } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { STREAM_START, type StreamPosition, type StreamRepository } from './stream.repository.ts';

/**
 * Where the entries come from (the timeline's activities). Every read is bounded by the oldest
 * transaction still running, so an entry that commits late is read late, never skipped.
 */
export type StreamSource<E> = {
  /** Up to `limit` entries after `after`, in (transaction, id) order, all of them committed. */
  readAfter(db: Db, after: StreamPosition, limit: number): Promise<{ entries: E[]; last: StreamPosition | null }>;
  /** How many entries are after `after` (counted up to `cap`). */
  countAfter(db: Db, after: StreamPosition, cap: number): Promise<number>;
  /** The settled end: transactions below `below` have all ended; `last` is the last entry under it. */
  settledEnd(db: Db): Promise<{ below: string; last: StreamPosition; olderEnded: boolean }>;
};

/** A derived state kept from the stream: a rollup, counters, a read model. */
export type Consumer<E> = {
  name: string;
  /** Applies entries in stream order, inside the transaction that moves the position. */
  apply(tx: Ctx, entries: E[]): Promise<void>;
  /**
   * Replaces the whole state with one recomputed from every entry written by a transaction
   * below `end.below` (the settled end; `end.last` is the last such entry); runs in the
   * transaction that then sets the position there.
   */
  rebuild(tx: Ctx, end: { below: string; last: StreamPosition }): Promise<void>;
  /** Entries per transaction (default 1,000). */
  batchSize?: number;
};

export type ConsumerStatus = { consumer: string; pending: number; lagSeconds: number };

/** `applied`: applied entries and caught up; `idle`: there was nothing to apply. */
type Outcome = 'idle' | 'applied' | 'more' | 'busy' | 'failed';

const PENDING_CAP = 100_000;
/**
 * A commit wakes the consumers this long after it, not at once: under load the commits of that
 * moment share one batch (one transaction per consumer for many activities, not one each), and a
 * quiet channel sees its figures move within a blink.
 */
const WAKE_MS = 50;
/**
 * Under a steady stream of commits, batches start at least this far apart: each consumer's
 * transaction (its position, its reads, its writes) then serves a quarter second of activities,
 * not 50 ms of them, which leaves the requests the database time a batch would have taken.
 */
const BUSY_GAP_MS = 250;

/**
 * Runs every consumer after commit, in batches, exactly once: a batch's writes and the new
 * position commit together. In one process consumers run one batch at a time, between which
 * requests get their turn (PGlite shares the main thread). Activities recorded here wake the
 * runner at once (`notify`); the poll picks up those of other instances.
 */
export function createStreamRunner<E>(deps: {
  source: StreamSource<E>;
  repo: StreamRepository;
  systemCtx: () => Ctx;
  pollMs?: number;
  wakeMs?: number;
  busyGapMs?: number;
}) {
  const { source, repo, systemCtx } = deps;
  const pollMs = deps.pollMs ?? 1_000;
  const wakeMs = deps.wakeMs ?? WAKE_MS;
  const busyGapMs = deps.busyGapMs ?? BUSY_GAP_MS;
  const consumers: Consumer<E>[] = [];
  /** When each consumer last had nothing left to read (per instance), for the lag figure. */
  const caughtUpAt = new Map<string, number>();
  const failures = new Map<string, number>();
  const createdAt = Date.now();
  let loop: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: NodeJS.Timeout | undefined;
  /** Bulk producers still writing, who asked the consumers here to wait until they are done. */
  let holds = 0;
  /** A commit arrived while held: wake once the last hold ends. */
  let wokenWhileHeld = false;
  let started = false;
  let stopped = false;
  /** When the last run that found entries to apply began (for BUSY_GAP_MS). */
  let busySince = -Infinity;
  /** Commits arrived during a busy run: wake (with the gap) once it ends. */
  let wakeAfterRun = false;

  function byName(name: string): Consumer<E> {
    const consumer = consumers.find((c) => c.name === name);
    if (!consumer) throw new Error(`no stream consumer named ${name}`);
    return consumer;
  }

  /**
   * One batch of one consumer. `strict` (drain): committed entries held back behind a
   * transaction still running count as not done yet, rather than as nothing to do.
   */
  async function batch(consumer: Consumer<E>, strict = false): Promise<Outcome> {
    const ctx = systemCtx();
    try {
      const outcome = await inTransaction(ctx, async (tx) => {
        const position = await repo.lock(tx.db, consumer.name);
        if (!position) return 'busy' as const;
        const limit = consumer.batchSize ?? 1_000;
        const { entries, last } = await source.readAfter(tx.db, position, limit);
        if (!last) return strict && (await source.countAfter(tx.db, position, 1)) > 0 ? ('busy' as const) : ('idle' as const);
        await consumer.apply(tx, entries);
        await repo.advance(tx.db, consumer.name, last, tx.now());
        if (entries.length === limit) return 'more' as const;
        // A part of what was committed may still be held back behind a running transaction.
        return strict && (await source.countAfter(tx.db, last, 1)) > 0 ? ('busy' as const) : ('applied' as const);
      });
      failures.delete(consumer.name);
      if (outcome === 'idle' || outcome === 'applied') caughtUpAt.set(consumer.name, Date.now());
      return outcome;
    } catch (err) {
      // The batch rolled back whole: its entries are read again on the next pass.
      failures.set(consumer.name, (failures.get(consumer.name) ?? 0) + 1);
      ctx.log.error({ err, consumer: consumer.name }, 'stream consumer failed; it retries on the next poll');
      return 'failed';
    }
  }

  /**
   * One batch of each consumer; repeats while any has more. Commits that arrive meanwhile
   * (`again`) are run next: at once if this run found nothing, else a BUSY_GAP_MS after it began.
   */
  async function run(): Promise<void> {
    for (;;) {
      again = false;
      let more = true;
      let worked = false;
      const began = Date.now();
      while (more && !stopped) {
        more = false;
        for (const consumer of consumers) {
          const outcome = await batch(consumer);
          if (outcome === 'more') more = true;
          if (outcome === 'more' || outcome === 'applied') worked = true;
          // Let waiting requests in between batches.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (worked) busySince = began;
      if (!again || stopped) return;
      if (worked) {
        wakeAfterRun = true;
        return;
      }
    }
  }

  function kick(): Promise<void> {
    if (loop) {
      again = true;
      return loop;
    }
    loop = run().finally(() => {
      loop = undefined;
      if (wakeAfterRun) {
        wakeAfterRun = false;
        notify();
      }
    });
    return loop;
  }

  function schedulePoll() {
    if (stopped || !started) return;
    timer = setTimeout(() => {
      if (holds > 0) return schedulePoll();
      void kick().finally(schedulePoll);
    }, pollMs);
    timer.unref();
  }

  /**
   * Entries were committed here: run the consumers shortly (WAKE_MS) rather than at the next
   * poll, and while commits keep coming, no sooner than BUSY_GAP_MS after the last busy run began.
   */
  function notify() {
    if (holds > 0) {
      wokenWhileHeld = true;
      return;
    }
    if (stopped || wake) return;
    if (loop) {
      // The run in flight sees it: it runs again, or wakes once it ends.
      again = true;
      return;
    }
    wake = setTimeout(
      () => {
        wake = undefined;
        void kick();
      },
      Math.max(wakeMs, busySince + busyGapMs - Date.now()),
    );
    wake.unref();
  }

  return {
    /** Registers a consumer (the wiring in subscriptions.ts calls this, in order). */
    register(consumer: Consumer<E>) {
      if (consumers.some((c) => c.name === consumer.name)) throw new Error(`stream consumer ${consumer.name} registered twice`);
      consumers.push(consumer);
    },
    names: () => consumers.map((c) => c.name),

    /** Polls for entries of every instance (serve). Without it consumers run on `notify` and `drain` only. */
    start() {
      if (started) return;
      started = true;
      stopped = false;
      void kick().finally(schedulePoll);
    },
    async stop() {
      stopped = true;
      started = false;
      if (timer) clearTimeout(timer);
      if (wake) clearTimeout(wake);
      wake = undefined;
      await loop;
    },

    notify,

    /**
     * A bulk producer (a large import, a batch of orders) asks this instance's consumers to wait
     * until it has written everything: they then read its activities in full batches after it,
     * rather than taking turns with each of its commits on the one embedded database. Meanwhile
     * the console says the figures are catching up. The returned function ends the hold.
     */
    hold(): () => void {
      holds += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        if (holds === 0 && wokenWhileHeld) {
          wokenWhileHeld = false;
          notify();
        }
      };
    },

    /**
     * Until every consumer has applied everything committed so far (tests, benchmarks, the CLI
     * before it exits). A consumer held by another instance is waited for.
     */
    async drain(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        await loop;
        const outcomes: Outcome[] = [];
        for (const consumer of consumers) outcomes.push(await batch(consumer, true));
        if (outcomes.every((o) => o === 'idle')) return;
        if (outcomes.includes('failed')) throw new Error('a stream consumer failed while draining (see the log)');
        if (Date.now() > until) throw new Error(`stream consumers did not catch up in time (${consumers.map((c, i) => `${c.name}: ${outcomes[i]}`).join(', ')})`);
        if (outcomes.includes('busy')) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },

    /**
     * Waits for the batch in flight, if any, and one a commit has just asked for (its wake timer
     * is cut short): afterwards nothing runs until the next commit (tests empty tables between cases).
     */
    async idle() {
      for (;;) {
        if (wake) {
          clearTimeout(wake);
          wake = undefined;
          void kick();
        }
        if (!loop) return;
        await loop;
      }
    },

    /**
     * Recomputes one consumer's state from the whole stream, in one transaction that also sets
     * its position to the settled end, so the incremental batches that follow neither miss nor
     * repeat an entry. The consumer's own batches wait meanwhile (its position is locked).
     */
    async rebuild(ctx: Ctx, name: string): Promise<StreamPosition> {
      const consumer = byName(name);
      return inTransaction(ctx, async (tx) => {
        await repo.lock(tx.db, name, true);
        // Transactions older than this one that are still running (on PostgreSQL, in any database
        // of the cluster) hold the settled end back; what they wrote is left to the incremental
        // batches after the rebuild. Waiting a little (never for newer ones) lets short ones end.
        let end = await source.settledEnd(tx.db);
        for (let i = 0; i < 100 && !end.olderEnded; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          end = await source.settledEnd(tx.db);
        }
        await consumer.rebuild(tx, end);
        await repo.advance(tx.db, name, end.last, tx.now());
        return end.last;
      });
    },

    /** Per consumer: entries not applied yet, and for how long it has been behind (this instance's view). */
    async status(ctx: Ctx): Promise<ConsumerStatus[]> {
      const positions = await repo.all(ctx.db);
      const now = Date.now();
      return Promise.all(
        consumers.map(async (c) => {
          const pending = await source.countAfter(ctx.db, positions.get(c.name) ?? STREAM_START, PENDING_CAP);
          const since = caughtUpAt.get(c.name) ?? createdAt;
          return { consumer: c.name, pending, lagSeconds: pending === 0 ? 0 : Math.round((now - since) / 100) / 10 };
        }),
      );
    },
  };
}
export type StreamRunner<E> = ReturnType<typeof createStreamRunner<E>>;
