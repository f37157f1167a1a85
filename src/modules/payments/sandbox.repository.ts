import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sandboxDeliveries } from './payments.table.ts';

export type SandboxDeliveryRow = typeof sandboxDeliveries.$inferSelect;

export const sandboxRepository = {
  async enqueue(db: Db, row: typeof sandboxDeliveries.$inferInsert) {
    await db.insert(sandboxDeliveries).values(row);
  },
  /**
   * Takes up to `limit` due deliveries for `leaseMs` (one statement, SKIP LOCKED): another
   * instance, or the next pass, leaves them alone until the lease ends, with no transaction held
   * open while they are sent.
   */
  async claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<SandboxDeliveryRow[]> {
    const due = db
      .select({ id: sandboxDeliveries.id })
      .from(sandboxDeliveries)
      .where(and(isNull(sandboxDeliveries.deliveredAt), sql`${sandboxDeliveries.nextAttemptAt} <= ${now.toISOString()}::timestamptz`))
      .orderBy(sandboxDeliveries.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    return db
      .update(sandboxDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(sql`${sandboxDeliveries.id} in (${due})`)
      .returning();
  },
  async delivered(db: Db, id: string, attempts: number, at: Date) {
    await db.update(sandboxDeliveries).set({ deliveredAt: at, attempts, lastError: null }).where(eq(sandboxDeliveries.id, id));
  },
  async failed(db: Db, id: string, attempts: number, nextAttemptAt: Date, error: string) {
    await db
      .update(sandboxDeliveries)
      .set({ attempts, nextAttemptAt, lastError: error.slice(0, 500) })
      .where(eq(sandboxDeliveries.id, id));
  },
  /** Drops a subscription's renewals still to come. */
  async dropRenewals(db: Db, subscriptionId: string) {
    await db.delete(sandboxDeliveries).where(and(eq(sandboxDeliveries.subscriptionId, subscriptionId), isNull(sandboxDeliveries.deliveredAt)));
  },
  async pendingFor(db: Db, paymentId: string): Promise<SandboxDeliveryRow[]> {
    return db
      .select()
      .from(sandboxDeliveries)
      .where(and(eq(sandboxDeliveries.paymentId, paymentId), isNull(sandboxDeliveries.deliveredAt)));
  },
};
export type SandboxRepository = typeof sandboxRepository;
