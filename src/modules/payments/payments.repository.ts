import { and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { paymentNotifications, paymentRefunds, payments, type PaymentStatus } from './payments.table.ts';

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof paymentRefunds.$inferSelect;
export type NotificationRow = typeof paymentNotifications.$inferSelect;
/** What a notification changes on its payment: only these fields, never back to empty. */
export type PaymentPatch = {
  id: string;
  status?: PaymentStatus;
  paidAt?: Date;
  subscriptionId?: string;
  mismatchAt?: Date;
  refundedMinor?: number;
  updatedAt: Date;
};

export const paymentsRepository = {
  async insert(db: Db, row: typeof payments.$inferInsert): Promise<PaymentRow> {
    const [created] = await db.insert(payments).values(row).returning();
    return created!;
  },
  async findById(db: Db, id: string): Promise<PaymentRow | undefined> {
    const [row] = await db.select().from(payments).where(eq(payments.id, id));
    return row;
  },
  /** A payment locked until the transaction ends (a refund request, against notifications applying meanwhile). */
  async lockById(db: Db, id: string): Promise<PaymentRow | undefined> {
    const [row] = await db.select().from(payments).where(eq(payments.id, id)).for('update');
    return row;
  },
  /** The payment a notification is about, locked until the transaction ends (notifications of one payment apply one at a time). */
  async lockByProviderId(db: Db, provider: string, providerPaymentId: string): Promise<PaymentRow | undefined> {
    const [row] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.provider, provider), eq(payments.providerPaymentId, providerPaymentId)))
      .for('update');
    return row;
  },
  /**
   * The payments a batch of notifications is about, locked in id order (so two batches never
   * wait on each other in a circle), by provider and provider payment id.
   */
  async lockManyByProviderId(db: Db, keys: { provider: string; providerPaymentId: string }[]): Promise<PaymentRow[]> {
    if (keys.length === 0) return [];
    const json = JSON.stringify(keys.map((k) => ({ provider: k.provider, id: k.providerPaymentId })));
    return db
      .select()
      .from(payments)
      .where(
        sql`(${payments.provider}, ${payments.providerPaymentId}) in (select provider, id from jsonb_to_recordset(${json}::jsonb) as k(provider text, id text))`,
      )
      .orderBy(payments.id)
      .for('update');
  },
  /** The first payment of a provider's subscription, locked (its renewals apply one at a time). */
  async lockBySubscription(db: Db, provider: string, subscriptionId: string): Promise<PaymentRow | undefined> {
    const [row] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.provider, provider), eq(payments.subscriptionId, subscriptionId), isNull(payments.renewalOf)))
      .for('update');
    return row;
  },
  async findByProviderId(db: Db, provider: string, providerPaymentId: string): Promise<PaymentRow | undefined> {
    const [row] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.provider, provider), eq(payments.providerPaymentId, providerPaymentId)));
    return row;
  },
  async update(db: Db, id: string, patch: Partial<typeof payments.$inferInsert>) {
    await db.update(payments).set(patch).where(eq(payments.id, id));
  },
  /**
   * Many payments' changes in one statement (a batch of notifications, each payment once): a
   * field left out keeps its value.
   */
  async updateMany(db: Db, patches: PaymentPatch[]) {
    if (patches.length === 0) return;
    const json = JSON.stringify(
      patches.map((p) => ({
        id: p.id,
        status: p.status ?? null,
        paid_at: p.paidAt?.toISOString() ?? null,
        subscription_id: p.subscriptionId ?? null,
        mismatch_at: p.mismatchAt?.toISOString() ?? null,
        refunded_minor: p.refundedMinor ?? null,
        updated_at: p.updatedAt.toISOString(),
      })),
    );
    await db.execute(sql`
      update payments p set
        status = coalesce(v.status, p.status),
        paid_at = coalesce(v.paid_at, p.paid_at),
        subscription_id = coalesce(v.subscription_id, p.subscription_id),
        mismatch_at = coalesce(v.mismatch_at, p.mismatch_at),
        refunded_minor = coalesce(v.refunded_minor, p.refunded_minor),
        updated_at = v.updated_at
      from jsonb_to_recordset(${json}::jsonb)
        as v(id uuid, status text, paid_at timestamptz, subscription_id text, mismatch_at timestamptz, refunded_minor bigint, updated_at timestamptz)
      where p.id = v.id`);
  },
  async list(db: Db, f: { status?: PaymentStatus; fanId?: string; limit: number; offset: number }): Promise<{ rows: PaymentRow[]; total: number }> {
    const where = and(f.status ? eq(payments.status, f.status) : undefined, f.fanId ? eq(payments.fanId, f.fanId) : undefined);
    const [rows, [total]] = await Promise.all([
      db.select().from(payments).where(where).orderBy(desc(payments.createdAt), desc(payments.id)).limit(f.limit).offset(f.offset),
      db.select({ n: count() }).from(payments).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  async insertNotification(db: Db, row: typeof paymentNotifications.$inferInsert) {
    await db.insert(paymentNotifications).values(row);
  },
  /** Stores it unless this provider's notification id is already stored as taken into account (payment_notifications_applied_key); answers whether it did. */
  async insertNotificationOnce(db: Db, row: typeof paymentNotifications.$inferInsert): Promise<boolean> {
    const inserted = await db.insert(paymentNotifications).values(row).onConflictDoNothing().returning({ id: paymentNotifications.id });
    return inserted.length > 0;
  },
  async insertNotifications(db: Db, rows: (typeof paymentNotifications.$inferInsert)[]) {
    if (rows.length) await db.insert(paymentNotifications).values(rows);
  },
  /** Which of these notification ids were already taken into account (applied, stale or mismatched), as `provider id` keys. */
  async seenMany(db: Db, keys: { provider: string; notificationId: string }[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const json = JSON.stringify(keys.map((k) => ({ provider: k.provider, id: k.notificationId })));
    const rows = await db
      .selectDistinct({ provider: paymentNotifications.provider, notificationId: paymentNotifications.notificationId })
      .from(paymentNotifications)
      .where(
        and(
          sql`(${paymentNotifications.provider}, ${paymentNotifications.notificationId}) in (select provider, id from jsonb_to_recordset(${json}::jsonb) as k(provider text, id text))`,
          ne(paymentNotifications.outcome, 'duplicate'),
          ne(paymentNotifications.outcome, 'rejected'),
        ),
      );
    return new Set(rows.map((r) => `${r.provider} ${r.notificationId}`));
  },
  /** Whether this notification id was already taken into account (applied, stale or mismatched). */
  async seen(db: Db, provider: string, notificationId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: paymentNotifications.id })
      .from(paymentNotifications)
      .where(
        and(
          eq(paymentNotifications.provider, provider),
          eq(paymentNotifications.notificationId, notificationId),
          ne(paymentNotifications.outcome, 'duplicate'),
          ne(paymentNotifications.outcome, 'rejected'),
        ),
      )
      .limit(1);
    return row !== undefined;
  },
  notificationsFor(db: Db, paymentId: string): Promise<NotificationRow[]> {
    return db
      .select()
      .from(paymentNotifications)
      .where(eq(paymentNotifications.paymentId, paymentId))
      .orderBy(paymentNotifications.receivedAt, paymentNotifications.id);
  },

  async insertRefund(db: Db, row: typeof paymentRefunds.$inferInsert): Promise<RefundRow> {
    const [created] = await db.insert(paymentRefunds).values(row).returning();
    return created!;
  },
  async lockRefund(db: Db, id: string): Promise<RefundRow | undefined> {
    const [row] = await db.select().from(paymentRefunds).where(eq(paymentRefunds.id, id)).for('update');
    return row;
  },
  async settleRefund(db: Db, id: string, at: Date) {
    await db.update(paymentRefunds).set({ status: 'succeeded', settledAt: at }).where(eq(paymentRefunds.id, id));
  },
  async findRefund(db: Db, id: string): Promise<RefundRow | undefined> {
    const [row] = await db.select().from(paymentRefunds).where(eq(paymentRefunds.id, id));
    return row;
  },
  /** A refund the provider refused at once: never sent anywhere, so nothing of it is kept. */
  async deleteRequestedRefund(db: Db, id: string) {
    await db.delete(paymentRefunds).where(and(eq(paymentRefunds.id, id), eq(paymentRefunds.status, 'requested')));
  },
  /** One more try of a requested refund; `error`: why the provider did not take it (null: it did). */
  async refundTried(db: Db, id: string, error: string | null): Promise<RefundRow | undefined> {
    const [row] = await db
      .update(paymentRefunds)
      .set({ attempts: sql`${paymentRefunds.attempts} + 1`, lastError: error })
      .where(eq(paymentRefunds.id, id))
      .returning();
    return row;
  },
  /** A requested refund the provider never took: it no longer holds any of the payment's refundable amount. */
  async failRefund(db: Db, id: string, at: Date, error: string) {
    await db
      .update(paymentRefunds)
      .set({ status: 'failed', settledAt: at, lastError: error })
      .where(and(eq(paymentRefunds.id, id), eq(paymentRefunds.status, 'requested')));
  },
  refundsFor(db: Db, paymentId: string): Promise<RefundRow[]> {
    return db.select().from(paymentRefunds).where(eq(paymentRefunds.paymentId, paymentId)).orderBy(paymentRefunds.createdAt);
  },
  /** Refunds asked for and not failed (the amount still refundable excludes them). */
  async refundsOutstanding(db: Db, paymentId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(sum(${paymentRefunds.amountMinor}), 0)`.mapWith(Number) })
      .from(paymentRefunds)
      .where(and(eq(paymentRefunds.paymentId, paymentId), inArray(paymentRefunds.status, ['requested', 'succeeded'])));
    return row?.n ?? 0;
  },
};
export type PaymentsRepository = typeof paymentsRepository;
