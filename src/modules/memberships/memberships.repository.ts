import { and, asc, count, countDistinct, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pgArray } from '../../db/pg-array.ts';
import {
  membershipGifts,
  membershipOffers,
  membershipPurchases,
  membershipReminders,
  memberships,
  membershipTiers,
  type MembershipStatus,
} from './memberships.table.ts';

export type TierRow = typeof membershipTiers.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type PurchaseRow = typeof membershipPurchases.$inferSelect;
export type OfferRow = typeof membershipOffers.$inferSelect;
export type GiftRow = typeof membershipGifts.$inferSelect;

/** After a period ends, an automatic renewal has this long to come in before the membership expires. */
export const RENEWAL_GRACE_DAYS = 3;

export const membershipsRepository = {
  // Tiers
  async insertTier(db: Db, row: typeof membershipTiers.$inferInsert): Promise<TierRow> {
    const [created] = await db.insert(membershipTiers).values(row).returning();
    return created!;
  },
  async updateTier(db: Db, id: string, patch: Partial<typeof membershipTiers.$inferInsert>): Promise<TierRow | undefined> {
    const [row] = await db.update(membershipTiers).set(patch).where(eq(membershipTiers.id, id)).returning();
    return row;
  },
  async deleteTier(db: Db, id: string) {
    await db.delete(membershipTiers).where(eq(membershipTiers.id, id));
  },
  async findTier(db: Db, id: string): Promise<TierRow | undefined> {
    const [row] = await db.select().from(membershipTiers).where(eq(membershipTiers.id, id));
    return row;
  },
  async findTierByName(db: Db, name: string): Promise<TierRow | undefined> {
    const [row] = await db
      .select()
      .from(membershipTiers)
      .where(sql`lower(${membershipTiers.name}) = lower(${name})`);
    return row;
  },
  async findTierByRank(db: Db, rank: number): Promise<TierRow | undefined> {
    const [row] = await db.select().from(membershipTiers).where(eq(membershipTiers.rank, rank));
    return row;
  },
  listTiers(db: Db, opts: { includeArchived: boolean }): Promise<TierRow[]> {
    return db
      .select()
      .from(membershipTiers)
      .where(opts.includeArchived ? undefined : eq(membershipTiers.status, 'active'))
      .orderBy(asc(membershipTiers.rank));
  },
  /** Fans who have ever held each tier (settled purchases), and members holding it now. */
  async tierCounts(db: Db): Promise<Map<string, { holders: number; members: number }>> {
    const [holders, members] = await Promise.all([
      db
        .select({ tierId: membershipPurchases.tierId, n: countDistinct(membershipPurchases.fanId) })
        .from(membershipPurchases)
        .where(eq(membershipPurchases.status, 'settled'))
        .groupBy(membershipPurchases.tierId),
      db.select({ tierId: memberships.tierId, n: count() }).from(memberships).where(ne(memberships.status, 'expired')).groupBy(memberships.tierId),
    ]);
    const counts = new Map<string, { holders: number; members: number }>();
    for (const h of holders) counts.set(h.tierId, { holders: h.n, members: 0 });
    for (const m of members) counts.set(m.tierId, { holders: counts.get(m.tierId)?.holders ?? m.n, members: m.n });
    return counts;
  },

  /** Whether any purchase or membership refers to the tier (then it cannot be deleted). */
  async tierUsed(db: Db, id: string): Promise<boolean> {
    const [p] = await db.select({ id: membershipPurchases.id }).from(membershipPurchases).where(eq(membershipPurchases.tierId, id)).limit(1);
    const [m] = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.tierId, id)).limit(1);
    return Boolean(p || m);
  },

  // Memberships
  async findByFan(db: Db, fanId: string): Promise<MembershipRow | undefined> {
    const [row] = await db.select().from(memberships).where(eq(memberships.fanId, fanId));
    return row;
  },
  /** The memberships of these fans (at most one each). */
  async findByFans(db: Db, fanIds: readonly string[]): Promise<MembershipRow[]> {
    return db
      .select()
      .from(memberships)
      .where(sql`${memberships.fanId} = any(${pgArray(fanIds)}::uuid[])`);
  },
  async findMembership(db: Db, id: string): Promise<MembershipRow | undefined> {
    const [row] = await db.select().from(memberships).where(eq(memberships.id, id));
    return row;
  },
  /** The fan's membership, locked until the transaction ends (purchases of one fan settle one at a time). */
  async lockByFan(db: Db, fanId: string): Promise<MembershipRow | undefined> {
    const [row] = await db.select().from(memberships).where(eq(memberships.fanId, fanId)).for('update');
    return row;
  },
  async insertMembership(db: Db, row: typeof memberships.$inferInsert): Promise<MembershipRow> {
    const [created] = await db.insert(memberships).values(row).returning();
    return created!;
  },
  async updateMembership(db: Db, id: string, patch: Partial<typeof memberships.$inferInsert>): Promise<MembershipRow> {
    const [row] = await db.update(memberships).set(patch).where(eq(memberships.id, id)).returning();
    return row!;
  },
  async list(db: Db, f: { status?: MembershipStatus; tierId?: string; limit: number; offset: number }): Promise<{ rows: MembershipRow[]; total: number }> {
    const where = and(f.status ? eq(memberships.status, f.status) : undefined, f.tierId ? eq(memberships.tierId, f.tierId) : undefined);
    const [rows, [total]] = await Promise.all([
      db.select().from(memberships).where(where).orderBy(desc(memberships.updatedAt), desc(memberships.id)).limit(f.limit).offset(f.offset),
      db.select({ n: count() }).from(memberships).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  /**
   * Every membership whose time is up, moved on in one statement: a period that ended while a
   * subscription should renew it goes `past_due` for the grace days, anything else `expired`.
   * Conditional on the row still being due, so running it twice (two instances, a restart, a
   * job and the sweep) moves each membership once. Answers what moved.
   */
  async expireDue(db: Db, now: Date, onlyId?: string): Promise<{ id: string; fanId: string; tierId: string; status: MembershipStatus }[]> {
    const at = now.toISOString();
    const graceOver = sql`${memberships.currentPeriodEnd} + make_interval(days => ${RENEWAL_GRACE_DAYS}) <= ${at}::timestamptz`;
    return db
      .update(memberships)
      .set({
        status: sql`case when ${memberships.status} = 'active' and ${memberships.renewingPaymentId} is not null and not (${graceOver}) then 'past_due' else 'expired' end`,
        expiredAt: sql`case when ${memberships.status} = 'active' and ${memberships.renewingPaymentId} is not null and not (${graceOver}) then null else ${at}::timestamptz end`,
        updatedAt: now,
      })
      .where(
        and(
          inArray(memberships.status, ['active', 'canceled', 'past_due']),
          sql`${memberships.currentPeriodEnd} <= ${at}::timestamptz`,
          sql`not (${memberships.status} = 'past_due' and not (${graceOver}))`,
          onlyId ? eq(memberships.id, onlyId) : undefined,
        ),
      )
      .returning({ id: memberships.id, fanId: memberships.fanId, tierId: memberships.tierId, status: memberships.status });
  },

  // Purchases
  async insertPurchase(db: Db, row: typeof membershipPurchases.$inferInsert): Promise<PurchaseRow> {
    const [created] = await db.insert(membershipPurchases).values(row).returning();
    return created!;
  },
  async updatePurchase(db: Db, id: string, patch: Partial<typeof membershipPurchases.$inferInsert>): Promise<PurchaseRow> {
    const [row] = await db.update(membershipPurchases).set(patch).where(eq(membershipPurchases.id, id)).returning();
    return row!;
  },
  async findPurchase(db: Db, id: string): Promise<PurchaseRow | undefined> {
    const [row] = await db.select().from(membershipPurchases).where(eq(membershipPurchases.id, id));
    return row;
  },
  async lockPurchase(db: Db, id: string): Promise<PurchaseRow | undefined> {
    const [row] = await db.select().from(membershipPurchases).where(eq(membershipPurchases.id, id)).for('update');
    return row;
  },
  async lockPurchaseByPayment(db: Db, paymentId: string): Promise<PurchaseRow | undefined> {
    const [row] = await db.select().from(membershipPurchases).where(eq(membershipPurchases.paymentId, paymentId)).for('update');
    return row;
  },
  purchasesOf(db: Db, fanId: string, limit = 100): Promise<PurchaseRow[]> {
    return db
      .select()
      .from(membershipPurchases)
      .where(and(eq(membershipPurchases.fanId, fanId), ne(membershipPurchases.status, 'void')))
      .orderBy(desc(membershipPurchases.createdAt), desc(membershipPurchases.id))
      .limit(limit);
  },
  /** Settled, unrefunded purchases of `tierId` whose period runs past `now`: the time an upgrade credits. */
  unusedPeriods(db: Db, fanId: string, tierId: string, now: Date): Promise<PurchaseRow[]> {
    return db
      .select()
      .from(membershipPurchases)
      .where(
        and(
          eq(membershipPurchases.fanId, fanId),
          eq(membershipPurchases.tierId, tierId),
          eq(membershipPurchases.status, 'settled'),
          isNull(membershipPurchases.refundedAt),
          gt(membershipPurchases.periodEnd, now),
        ),
      );
  },

  // Offers
  async insertOffer(db: Db, row: typeof membershipOffers.$inferInsert): Promise<OfferRow> {
    const [created] = await db.insert(membershipOffers).values(row).returning();
    return created!;
  },
  async findOffer(db: Db, id: string): Promise<OfferRow | undefined> {
    const [row] = await db.select().from(membershipOffers).where(eq(membershipOffers.id, id));
    return row;
  },
  async findOfferByCode(db: Db, code: string): Promise<OfferRow | undefined> {
    const [row] = await db.select().from(membershipOffers).where(eq(membershipOffers.code, code));
    return row;
  },
  /** The offer, locked until the transaction ends (checkouts with it count its places one at a time). */
  async lockOfferByCode(db: Db, code: string): Promise<OfferRow | undefined> {
    const [row] = await db.select().from(membershipOffers).where(eq(membershipOffers.code, code)).for('update');
    return row;
  },
  listOffers(db: Db): Promise<OfferRow[]> {
    return db.select().from(membershipOffers).orderBy(desc(membershipOffers.createdAt)).limit(500);
  },
  async updateOffer(db: Db, id: string, patch: Partial<typeof membershipOffers.$inferInsert>): Promise<OfferRow | undefined> {
    const [row] = await db.update(membershipOffers).set(patch).where(eq(membershipOffers.id, id)).returning();
    return row;
  },
  /** Checkouts with the offer still waiting for their payment since `since`: each holds a place under the cap. */
  async offerHeld(db: Db, offerId: string, since: Date): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(membershipPurchases)
      .where(and(eq(membershipPurchases.offerId, offerId), eq(membershipPurchases.status, 'pending'), gt(membershipPurchases.createdAt, since)));
    return row?.n ?? 0;
  },
  async offerUsedBy(db: Db, offerId: string, fanId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: membershipPurchases.id })
      .from(membershipPurchases)
      .where(and(eq(membershipPurchases.offerId, offerId), eq(membershipPurchases.fanId, fanId), eq(membershipPurchases.status, 'settled')))
      .limit(1);
    return row !== undefined;
  },
  async countRedemption(db: Db, offerId: string) {
    await db
      .update(membershipOffers)
      .set({ redemptions: sql`${membershipOffers.redemptions} + 1` })
      .where(eq(membershipOffers.id, offerId));
  },

  // Gifts
  async insertGift(db: Db, row: typeof membershipGifts.$inferInsert): Promise<GiftRow> {
    const [created] = await db.insert(membershipGifts).values(row).returning();
    return created!;
  },
  async findGift(db: Db, id: string): Promise<GiftRow | undefined> {
    const [row] = await db.select().from(membershipGifts).where(eq(membershipGifts.id, id));
    return row;
  },
  async lockGift(db: Db, id: string): Promise<GiftRow | undefined> {
    const [row] = await db.select().from(membershipGifts).where(eq(membershipGifts.id, id)).for('update');
    return row;
  },
  async updateGift(db: Db, id: string, patch: Partial<typeof membershipGifts.$inferInsert>): Promise<GiftRow> {
    const [row] = await db.update(membershipGifts).set(patch).where(eq(membershipGifts.id, id)).returning();
    return row!;
  },
  giftsFor(db: Db, email: string): Promise<GiftRow[]> {
    return db
      .select()
      .from(membershipGifts)
      .where(and(eq(membershipGifts.recipientEmail, email), eq(membershipGifts.status, 'paid')))
      .orderBy(desc(membershipGifts.createdAt))
      .limit(50);
  },
  giftsBy(db: Db, fanId: string): Promise<GiftRow[]> {
    return db
      .select()
      .from(membershipGifts)
      .where(and(eq(membershipGifts.purchaserFanId, fanId), ne(membershipGifts.status, 'void')))
      .orderBy(desc(membershipGifts.createdAt))
      .limit(50);
  },
  async lockPurchaseByGift(db: Db, giftId: string): Promise<PurchaseRow | undefined> {
    const [row] = await db.select().from(membershipPurchases).where(eq(membershipPurchases.giftId, giftId)).for('update');
    return row;
  },

  /**
   * Membership figures per UTC month in [from, to), from the settled, unrefunded periods (which
   * keep their history when a membership row moves on): MRR at the month's end (or now) in
   * `currency`, as each covering period's price over its months; fans whose covered time starts
   * in the month with nothing just before (new) or ends in it with nothing right after
   * (churned); fans covered at its first instant.
   */
  async monthlyFigures(db: Db, range: { from: Date; to: Date; now: Date; currency: string }) {
    const p = membershipPurchases;
    const covered = sql`${p.status} = 'settled' and ${p.refundedAt} is null and ${p.periodStart} is not null`;
    const result = await db.execute(sql`
      with periods as (
        select ${p.fanId} as fan_id, ${p.periodStart} as period_start, ${p.periodEnd} as period_end, ${p.amountMinor} as amount_minor,
               ${p.months} as months, ${p.currency} as currency
        from ${p} where ${covered}
      ),
      starts as (
        select a.period_start as at from periods a
        where not exists (select 1 from periods b where b.fan_id = a.fan_id and b.period_start < a.period_start and b.period_end >= a.period_start)
      ),
      ends as (
        select a.period_end as at from periods a
        where a.period_end <= ${range.now.toISOString()}::timestamptz
          and not exists (select 1 from periods b where b.fan_id = a.fan_id and b.period_start <= a.period_end and b.period_end > a.period_end)
      ),
      months as (
        select m as month_start, m + interval '1 month' as month_end
        from generate_series(${range.from.toISOString()}::timestamptz, ${range.to.toISOString()}::timestamptz - interval '1 second', interval '1 month') m
      )
      select to_char(month_start at time zone 'UTC', 'YYYY-MM') as month,
        coalesce((select floor(sum(amount_minor::numeric / months)) from periods
                  where currency = ${range.currency} and amount_minor > 0
                    and period_start <= least(month_end - interval '1 microsecond', ${range.now.toISOString()}::timestamptz)
                    and period_end > least(month_end - interval '1 microsecond', ${range.now.toISOString()}::timestamptz)), 0)::bigint as mrr_minor,
        (select count(*) from starts where at >= month_start and at < month_end)::int as new_members,
        (select count(*) from ends where at >= month_start and at < month_end)::int as churned_members,
        (select count(distinct fan_id) from periods where period_start <= month_start and period_end > month_start)::int as active_at_start
      from months order by month_start`);
    return (
      result as unknown as { rows: { month: string; mrr_minor: string | number; new_members: number; churned_members: number; active_at_start: number }[] }
    ).rows.map((r) => ({
      month: r.month,
      mrrMinor: Number(r.mrr_minor),
      newMembers: Number(r.new_members),
      churnedMembers: Number(r.churned_members),
      activeAtStart: Number(r.active_at_start),
    }));
  },
  /** Why members canceled, for cancellations in [from, to). */
  cancellationReasons(db: Db, range: { from: Date; to: Date }) {
    return db
      .select({ reason: memberships.cancelReason, count: count() })
      .from(memberships)
      .where(
        and(
          sql`${memberships.canceledAt} >= ${range.from.toISOString()}::timestamptz`,
          sql`${memberships.canceledAt} < ${range.to.toISOString()}::timestamptz`,
          sql`${memberships.cancelReason} is not null`,
        ),
      )
      .groupBy(memberships.cancelReason)
      .orderBy(desc(count()));
  },

  /** Records the renewal reminder for one period once; answers whether it was new. */
  async recordReminder(db: Db, row: typeof membershipReminders.$inferInsert): Promise<boolean> {
    const inserted = await db.insert(membershipReminders).values(row).onConflictDoNothing().returning({ id: membershipReminders.id });
    return inserted.length > 0;
  },
  remindersOf(db: Db, membershipId: string) {
    return db.select().from(membershipReminders).where(eq(membershipReminders.membershipId, membershipId)).orderBy(desc(membershipReminders.periodEnd));
  },
};
export type MembershipsRepository = typeof membershipsRepository;
