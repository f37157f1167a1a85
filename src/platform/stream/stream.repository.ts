import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { streamPositions } from './stream.table.ts';

/** Where a consumer stands: the last (transaction id, activity id) it applied. */
export type StreamPosition = { txId: string; activityId: bigint };
export const STREAM_START: StreamPosition = { txId: '0', activityId: 0n };

export const streamRepository = {
  /**
   * Locks this consumer's position for the transaction, or answers undefined when another
   * instance holds it (SKIP LOCKED): one active consumer per name, whatever the instances. One
   * statement when the position exists (every batch but a consumer's very first).
   */
  async lock(db: Db, consumer: string, wait = false): Promise<StreamPosition | undefined> {
    const select = async () => {
      const query = db.select().from(streamPositions).where(eq(streamPositions.consumer, consumer));
      const [row] = await (wait ? query.for('update') : query.for('update', { skipLocked: true }));
      return row ? { txId: row.txId, activityId: row.activityId } : undefined;
    };
    const position = await select();
    if (position) return position;
    // Missing, or locked by another instance: only a row created here is ours to read now.
    const created = await db.insert(streamPositions).values({ consumer }).onConflictDoNothing().returning({ consumer: streamPositions.consumer });
    return created.length > 0 || wait ? select() : undefined;
  },
  async advance(db: Db, consumer: string, to: StreamPosition, at: Date) {
    await db
      .update(streamPositions)
      .set({ txId: sql`${to.txId}::xid8`, activityId: to.activityId, updatedAt: at })
      .where(eq(streamPositions.consumer, consumer));
  },
  async all(db: Db): Promise<Map<string, StreamPosition>> {
    const rows = await db.select().from(streamPositions);
    return new Map(rows.map((r) => [r.consumer, { txId: r.txId, activityId: r.activityId }]));
  },
};
export type StreamRepository = typeof streamRepository;
