import DataLoader from 'dataloader';
import type { Db } from '../../db/client.ts';

/**
 * Reads by key that arrive in the same tick go to the database together: one `WHERE key = ANY(…)`
 * statement for up to `maxBatch` keys instead of one statement each (DataLoader's batching; its
 * memo cache is off, so every call reads the database as of now; a batch waits at most for the
 * end of the event loop's turn). A festival's opening second
 * brings thousands of fans nobody has seen yet: their sessions and memberships are read a few
 * hundred to a statement. Each database handle (the pool, or one transaction) batches apart, so
 * a read inside a transaction sees that transaction.
 */
export function batchedReads<K, V>(
  load: (db: Db, keys: readonly K[]) => Promise<Map<K, V>>,
  options: { maxBatch?: number } = {},
): (db: Db, key: K) => Promise<V | undefined> {
  const loaders = new WeakMap<Db, DataLoader<K, V | undefined>>();
  return (db, key) => {
    let loader = loaders.get(db);
    if (!loader) {
      loader = new DataLoader<K, V | undefined>(
        async (keys) => {
          const found = await load(db, keys);
          return keys.map((k) => found.get(k));
        },
        // The batch goes at the end of this turn of the event loop (setImmediate), not at the next
        // tick: requests read from many sockets in one turn go together, not one socket's each.
        { cache: false, maxBatchSize: options.maxBatch ?? 500, batchScheduleFn: (run) => void setImmediate(run) },
      );
      loaders.set(db, loader);
    }
    return loader.load(key);
  };
}
