/**
 * Group commit: work items that arrive while the database is busy wait and then go in together,
 * many to one database transaction, each caller answered when its batch commits. Under no load a
 * batch holds one item and runs at once (no timer, no added latency); under load batches grow by
 * themselves, so the number of round trips and commits per item falls as the load rises.
 *
 * Items that share a key never share a batch nor run in two batches at once (they wait for the
 * next one): a batch can read its rows once at the start and trust them. A batch that fails is
 * retried item by item, so one bad item fails alone.
 */
export type GroupCommitOptions<I, O> = {
  /** At most this many items per batch. */
  maxBatch: number;
  /** At most this many batches at once (each holds a database connection). */
  concurrency: number;
  keyOf: (item: I) => string;
  /** The batch's answers, one per item in order; throwing fails the whole batch. */
  runBatch: (items: I[]) => Promise<O[]>;
  /** One item alone: a batch of one, and each item of a failed batch. */
  runOne: (item: I) => Promise<O>;
};

export type GroupCommit<I, O> = {
  submit(item: I): Promise<O>;
  /** Items waiting or running (for metrics and tests). */
  readonly pending: number;
};

type Waiting<I, O> = { item: I; key: string; resolve: (o: O) => void; reject: (e: unknown) => void };

export function createGroupCommit<I, O>(options: GroupCommitOptions<I, O>): GroupCommit<I, O> {
  const { maxBatch, concurrency, keyOf, runBatch, runOne } = options;
  const queue: Waiting<I, O>[] = [];
  const busyKeys = new Set<string>();
  let running = 0;
  let inFlight = 0;

  /** The next batch in arrival order: items whose key is neither running nor taken already. */
  function take(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    let kept = 0;
    // One pass: taken items leave, the rest keep their order (a splice per item would be quadratic
    // in the queue's length, and under load the queue holds thousands).
    for (let i = 0; i < queue.length; i++) {
      const w = queue[i]!;
      if (batch.length < maxBatch && !busyKeys.has(w.key) && !keys.has(w.key)) {
        keys.add(w.key);
        batch.push(w);
      } else queue[kept++] = w;
    }
    queue.length = kept;
    return batch;
  }

  async function runAlone(w: Waiting<I, O>) {
    try {
      w.resolve(await runOne(w.item));
    } catch (err) {
      w.reject(err);
    }
  }

  async function run(batch: Waiting<I, O>[]) {
    try {
      if (batch.length === 1) {
        await runAlone(batch[0]!);
        return;
      }
      let answers: O[];
      try {
        answers = await runBatch(batch.map((w) => w.item));
      } catch {
        for (const w of batch) await runAlone(w);
        return;
      }
      batch.forEach((w, i) => w.resolve(answers[i]!));
    } finally {
      for (const w of batch) busyKeys.delete(w.key);
      running--;
      inFlight -= batch.length;
      pump();
    }
  }

  function pump() {
    while (running < concurrency && queue.length > 0) {
      const batch = take();
      if (batch.length === 0) return;
      for (const w of batch) busyKeys.add(w.key);
      running++;
      void run(batch);
    }
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, key: keyOf(item), resolve, reject });
        inFlight++;
        pump();
      });
    },
    get pending() {
      return inFlight;
    },
  };
}
