import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, membershipSignals, signupFan } from '../../../test/factories.ts';

const SECRET = 'test-sandbox-secret-memberships-0123456789';
const DAY = 86_400_000;
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('memberships: tiers, buying a period through the sandbox, renewals, upgrades, cancellation, expiry, comps and refunds', () => {
  let offset = 0;
  const t = useTestApp({}, { container: { sandboxSecret: SECRET, sandboxChaos: { duplicate: true }, now: () => new Date(Date.now() + offset) } });
  const system = () => t.container.ctx({ kind: 'system' });
  /** The sandbox gateway's deliveries go to the app in-process, as they would over HTTP. */
  const send = async (headers: Record<string, string>, body: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/payments/notifications/sandbox', headers, payload: body })).statusCode;
  const deliver = () => t.container.services.sandbox.deliverDue(system(), send);
  const later = (days: number) => {
    offset += days * DAY;
  };
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let silver: { id: string };
  let gold: { id: string };

  const admin = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: { cookie: owner.cookie }, ...(payload ? { payload } : {}) });
  const asFan = (fan: { cookie: string }, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/fan/membership${url}`, headers: { cookie: fan.cookie }, ...(payload ? { payload } : {}) });

  /** Checkout, the sandbox page's pay button, then the gateway's (duplicated) notification. */
  async function buy(fan: { cookie: string }, tierId: string, interval: 'month' | 'year' = 'month', autoRenew = false) {
    const checkout = await asFan(fan, 'POST', '/checkout', { tierId, interval, autoRenew });
    expect(checkout.statusCode, checkout.body).toBe(201);
    const { purchase, action } = checkout.json();
    const paymentId = String(action.url).split('/').pop();
    expect((await t.app.inject({ method: 'POST', url: `/sandbox/pay/${paymentId}/pay`, headers: { cookie: fan.cookie } })).statusCode).toBe(303);
    return { purchase, paymentId: paymentId as string };
  }
  const mine = async (fan: { cookie: string }) => (await asFan(fan, 'GET', '')).json();
  const kinds = async (fanId: string) =>
    rows<{ kind: string }>(await t.database.db.execute(sql`select kind from fan_activities where fan_id = ${fanId} and kind like 'membership_%' order by id`)).map(
      (r) => r.kind,
    );
  /** The fan's membership as loyalty rules and segments read it (fan_signals, kept by the memberships tables' triggers). */
  const signals = (fanId: string) => membershipSignals(t, fanId);
  const revenue = async () =>
    Number(
      rows<{ total: string }>(
        await t.database.db.execute(sql`select coalesce(sum(amount_minor), 0)::text as total from ledger_entries where account = 'membership_revenue'`),
      )[0]!.total,
    );

  beforeEach(async () => {
    offset = 0;
    owner = await createOwner(t.app);
    const perks = [{ kind: 'members_only_articles' }, { kind: 'store_discount', percent: 10 }, { kind: 'text', text: 'A badge by your name' }];
    silver = (await admin('POST', '/membership-tiers', { name: 'Silver', rank: 1, monthlyPriceMinor: 1_000, yearlyPriceMinor: 10_000 })).json();
    gold = (
      await admin('POST', '/membership-tiers', {
        name: 'Gold',
        description: 'Everything',
        rank: 2,
        monthlyPriceMinor: 3_000,
        yearlyPriceMinor: 30_000,
        perks: [...perks, { kind: 'early_access', minutes: 30 }, { kind: 'event_priority' }],
      })
    ).json();
  });

  it('staff define tiers with typed perks; bad input and clashes are refused with a code; fans see the offered tiers', async () => {
    expect(gold).toMatchObject({ name: 'Gold', rank: 2, currency: 'CNY', status: 'active' });
    const clash = await admin('POST', '/membership-tiers', { name: 'gold', rank: 3, monthlyPriceMinor: 1, yearlyPriceMinor: 1 });
    expect([clash.statusCode, clash.json().error.code]).toEqual([409, 'membership.tier_name_taken']);
    const rank = await admin('POST', '/membership-tiers', { name: 'Bronze', rank: 1, monthlyPriceMinor: 1, yearlyPriceMinor: 1 });
    expect([rank.statusCode, rank.json().error.code]).toEqual([409, 'membership.tier_rank_taken']);
    for (const bad of [
      { name: 'Free', rank: 5, monthlyPriceMinor: 0, yearlyPriceMinor: 1 },
      { name: 'Huge', rank: 5, monthlyPriceMinor: 1e12, yearlyPriceMinor: 1 },
      { name: 'Twice', rank: 5, monthlyPriceMinor: 1, yearlyPriceMinor: 1, perks: [{ kind: 'event_priority' }, { kind: 'event_priority' }] },
      { name: 'Odd', rank: 5, monthlyPriceMinor: 1, yearlyPriceMinor: 1, perks: [{ kind: 'store_discount', percent: 100 }] },
      { name: 'Cur', rank: 5, monthlyPriceMinor: 1, yearlyPriceMinor: 1, currency: 'yuan' },
    ]) {
      const res = await admin('POST', '/membership-tiers', bad);
      expect([res.statusCode, res.json().error.code], JSON.stringify(bad)).toEqual([400, 'validation_failed']);
    }
    const offer = (await t.app.inject({ method: 'GET', url: '/api/memberships/offer' })).json();
    expect(offer).toMatchObject({ provider: 'sandbox', testMode: true, recurring: true });
    const offered = offer.tiers;
    expect(offered.map((x: { name: string }) => x.name)).toEqual(['Silver', 'Gold']);
    expect(offered[1].perks).toContainEqual({ kind: 'early_access', minutes: 30 });
    // Archived: no longer offered, and no longer for sale.
    expect((await admin('POST', `/membership-tiers/${silver.id}/archive`)).json().status).toBe('archived');
    expect((await t.app.inject({ method: 'GET', url: '/api/memberships/offer' })).json().tiers.map((x: { name: string }) => x.name)).toEqual(['Gold']);
    const fan = await signupFan(t.app);
    const refused = await asFan(fan, 'POST', '/checkout', { tierId: silver.id, interval: 'month' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'membership.tier_archived']);
    // A tier nobody held can be deleted.
    expect((await admin('DELETE', `/membership-tiers/${silver.id}`)).statusCode).toBe(204);
  });

  it('a fan joins by paying: a member only once the verified notification arrives, once however often it comes', async () => {
    const fan = await signupFan(t.app);
    const { purchase, paymentId } = await buy(fan, gold.id);
    expect(purchase).toMatchObject({ kind: 'join', status: 'pending', amountMinor: 3_000, currency: 'CNY' });
    let status = (await asFan(fan, 'GET', `/purchases/${purchase.id}`)).json();
    expect(status).toMatchObject({ purchase: { status: 'pending' }, paymentStatus: 'pending', membership: null });
    expect(await signals(fan.fan.id)).toEqual({ status: 'never', tierId: null, rank: 0, months: 0, paid: false });
    expect(await deliver()).toBe(1);
    expect(await signals(fan.fan.id)).toEqual({ status: 'active', tierId: gold.id, rank: 2, months: 1, paid: true });
    status = (await asFan(fan, 'GET', `/purchases/${purchase.id}`)).json();
    expect(status).toMatchObject({ purchase: { status: 'settled' }, paymentStatus: 'paid', membership: { status: 'active', tier: { name: 'Gold' } } });
    const { membership, purchases } = await mine(fan);
    const days = (Date.parse(membership.currentPeriodEnd) - Date.parse(membership.currentPeriodStart)) / DAY;
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(31);
    expect(purchases).toHaveLength(1);
    expect(purchases[0]).toMatchObject({ paymentId, amountMinor: 3_000 });
    expect(await kinds(fan.fan.id)).toEqual(['membership_joined']);
    expect(await revenue()).toBe(-3_000);
    // Another fan cannot see it.
    const other = await signupFan(t.app);
    const hidden = await asFan(other, 'GET', `/purchases/${purchase.id}`);
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([404, 'membership.purchase_not_found']);
    expect((await mine(other)).membership).toBeNull();
    // A held tier is archived, never deleted.
    const held = await admin('DELETE', `/membership-tiers/${gold.id}`);
    expect([held.statusCode, held.json().error.code]).toEqual([409, 'membership.tier_held']);
  });

  it('renewing stacks the period after the current one; a new price applies to new periods only', async () => {
    const fan = await signupFan(t.app);
    await buy(fan, silver.id);
    await deliver();
    const first = (await mine(fan)).membership;
    expect((await admin('PATCH', `/membership-tiers/${silver.id}`, { monthlyPriceMinor: 1_500 })).statusCode).toBe(200);
    later(10);
    const { purchase } = await buy(fan, silver.id);
    expect(purchase).toMatchObject({ kind: 'renewal', amountMinor: 1_500 });
    await deliver();
    const renewed = (await mine(fan)).membership;
    expect(renewed.currentPeriodStart).toBe(first.currentPeriodStart);
    expect(Date.parse(renewed.currentPeriodEnd)).toBeGreaterThan(Date.parse(first.currentPeriodEnd) + 27 * DAY);
    expect((await mine(fan)).purchases.map((p: { amountMinor: number }) => p.amountMinor)).toEqual([1_500, 1_000]);
    expect(await kinds(fan.fan.id)).toEqual(['membership_joined', 'membership_renewed']);
    expect(await signals(fan.fan.id)).toEqual({ status: 'active', tierId: silver.id, rank: 1, months: 2, paid: true });
  });

  it('upgrades now with the unused time credited (the proration rule); a lower tier waits for the period to end', async () => {
    const fan = await signupFan(t.app);
    await buy(fan, gold.id);
    await deliver();
    const down = await asFan(fan, 'POST', '/checkout', { tierId: silver.id, interval: 'month' });
    expect([down.statusCode, down.json().error.code]).toEqual([409, 'membership.downgrade_at_period_end']);

    const other = await signupFan(t.app);
    await buy(other, silver.id);
    await deliver();
    const { membership } = await mine(other);
    const length = Date.parse(membership.currentPeriodEnd) - Date.parse(membership.currentPeriodStart);
    later(10);
    const checkout = (await asFan(other, 'POST', '/checkout', { tierId: gold.id, interval: 'month' })).json();
    // The unused part of ¥10.00, by the millisecond, rounded down.
    const unused = Date.parse(membership.currentPeriodEnd) - (Date.now() + offset);
    const expected = Math.floor((1_000 * unused) / length);
    expect(checkout.purchase.kind).toBe('upgrade');
    expect(Math.abs(checkout.purchase.creditMinor - expected)).toBeLessThanOrEqual(1);
    expect(checkout.purchase.amountMinor).toBe(3_000 - checkout.purchase.creditMinor);
    const paymentId = String(checkout.action.url).split('/').pop();
    await t.app.inject({ method: 'POST', url: `/sandbox/pay/${paymentId}/pay`, headers: { cookie: other.cookie } });
    await deliver();
    const upgraded = (await mine(other)).membership;
    expect(upgraded).toMatchObject({ status: 'active', tier: { name: 'Gold' }, startedAt: membership.startedAt });
    expect(Date.parse(upgraded.currentPeriodStart)).toBeGreaterThan(Date.parse(membership.currentPeriodStart));
    expect(await kinds(other.fan.id)).toEqual(['membership_joined', 'membership_upgraded']);
    // Ten days of Silver (no whole month: the rest went into the upgrade as credit) and a month of Gold.
    expect(await signals(other.fan.id)).toEqual({ status: 'active', tierId: gold.id, rank: 2, months: 1, paid: true });
    // The Silver period's unused time went into the upgrade: it is not refunded on top.
    const silverPurchase = (await mine(other)).purchases.find((p: { tierName: string }) => p.tierName === 'Silver');
    const refused = await admin('POST', `/membership-purchases/${silverPurchase.id}/refund`, {});
    expect([refused.statusCode, refused.json().error.code, refused.json().error.params]).toEqual([
      409,
      'membership.purchase_not_refundable',
      { reason: 'credited_to_upgrade' },
    ]);
  });

  it('cancel keeps the fan a member until the period ends, counts the reason, then expires once however often expiry runs', async () => {
    const fan = await signupFan(t.app);
    await buy(fan, gold.id);
    await deliver();
    const bad = await asFan(fan, 'POST', '/cancel', { reason: 'because' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'validation_failed']);
    const canceled = await asFan(fan, 'POST', '/cancel', { reason: 'too_expensive', note: 'Maybe next year' });
    expect(canceled.json()).toMatchObject({ status: 'canceled', cancelReason: 'too_expensive' });
    // Still a member until the period ends: the tier's rank still counts.
    expect(await signals(fan.fan.id)).toEqual({ status: 'canceled', tierId: gold.id, rank: 2, months: 1, paid: true });
    const again = await asFan(fan, 'POST', '/cancel', { reason: 'other' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'membership.not_cancelable']);
    expect(await t.container.services.memberships.expireDue(system())).toBe(0);
    // The revenue page: this month one new member paying ¥30.00 a month, one cancellation for its price.
    const month = new Date(Date.now() + offset).toISOString().slice(0, 7);
    const report = (await admin('GET', `/revenue?from=${month}&to=${month}`)).json();
    expect(report.memberships.months).toMatchObject([{ month, mrrMinor: 3_000, newMembers: 1, churnedMembers: 0, activeAtStart: 0 }]);
    expect(report.memberships.cancellationReasons).toEqual([{ reason: 'too_expensive', count: 1 }]);
    later(32);
    const [a, b] = await Promise.all([t.container.services.memberships.expireDue(system()), t.container.services.memberships.expireDue(system())]);
    expect(a + b).toBe(1);
    expect(await t.container.services.memberships.expireDue(system())).toBe(0);
    expect((await t.container.services.memberships.ofFan(system(), fan.fan.id)).membership).toMatchObject({ status: 'expired', cancelNote: 'Maybe next year' });
    expect(await kinds(fan.fan.id)).toEqual(['membership_joined', 'membership_canceled', 'membership_expired']);
    // Expired: no rank any more; the month held still counts, and the tier last held stays for segments.
    expect(await signals(fan.fan.id)).toEqual({ status: 'expired', tierId: gold.id, rank: 0, months: 1, paid: true });
    // The month it ended: it began with one member and lost one.
    const ended = new Date(Date.now() + offset).toISOString().slice(0, 7);
    // (The owner's session has run out a month later: read the report as the system.)
    const after = (await t.container.services.revenue.report(system(), { from: month, to: ended, currency: 'CNY' })).memberships.months;
    expect(after.at(-1)).toMatchObject({ month: ended, mrrMinor: 0, churnedMembers: 1, activeAtStart: month === ended ? 0 : 1 });
  });

  it('renews by itself where the provider offers it (the sandbox imitates a subscription): past due, renewed, canceled stops it', async () => {
    const fan = await signupFan(t.app);
    const { paymentId } = await buy(fan, silver.id, 'month', true);
    await deliver();
    const first = (await mine(fan)).membership;
    expect(first).toMatchObject({ status: 'active', renewsEveryMonths: 1 });
    const renew = await asFan(fan, 'POST', '/checkout', { tierId: silver.id, interval: 'month' });
    expect([renew.statusCode, renew.json().error.code]).toEqual([409, 'membership.renews_automatically']);
    // The period ends before the provider's charge comes in: past due for the grace days, still a member.
    later(32);
    await t.container.services.memberships.expireDue(system());
    expect((await t.container.services.memberships.ofFan(system(), fan.fan.id)).membership?.status).toBe('past_due');
    expect(await signals(fan.fan.id)).toEqual({ status: 'past_due', tierId: silver.id, rank: 1, months: 1, paid: true });
    // The charge is due at the period's end: the gateway sends it (twice), it is booked once.
    expect(await deliver()).toBe(1);
    const renewed = (await t.container.services.memberships.ofFan(system(), fan.fan.id)).membership!;
    expect(renewed.status).toBe('active');
    expect(await signals(fan.fan.id)).toMatchObject({ status: 'active', rank: 1, months: 2 });
    expect(Date.parse(renewed.currentPeriodEnd)).toBeGreaterThan(Date.parse(first.currentPeriodEnd) + 27 * DAY);
    expect(await revenue()).toBe(-2_000);
    const payments = rows<{ n: string }>(await t.database.db.execute(sql`select count(*)::text as n from payments where renewal_of = ${paymentId}`));
    expect(payments[0]!.n).toBe('1');
    // Canceled: the next charge is dropped, the paid period stays.
    const fresh = await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: fan.email, password: fan.password } });
    const cookie = fresh.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await asFan({ cookie }, 'POST', '/cancel', { reason: 'not_using' })).json()).toMatchObject({ status: 'canceled', renewsEveryMonths: null });
    later(40);
    expect(await deliver()).toBe(0);
    expect(await t.container.services.memberships.expireDue(system())).toBe(1);
    expect(await kinds(fan.fan.id)).toEqual(['membership_joined', 'membership_renewed', 'membership_canceled', 'membership_expired']);
  });

  it('staff grant complimentary periods (nothing in the ledger) and refund a bought one, which takes its time back', async () => {
    const fan = await signupFan(t.app);
    const granted = await admin('POST', `/fans/${fan.fan.id}/membership/comps`, { tierId: gold.id, months: 3, note: 'Helped at the meet-up' });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({
      membership: { status: 'active', tier: { name: 'Gold' } },
      purchases: [{ kind: 'comp', amountMinor: 0, note: 'Helped at the meet-up' }],
    });
    expect(await revenue()).toBe(0);
    // Granted months count as membership; a comp is not paying.
    expect(await signals(fan.fan.id)).toEqual({ status: 'active', tierId: gold.id, rank: 2, months: 3, paid: false });
    const conflict = await admin('POST', `/fans/${fan.fan.id}/membership/comps`, { tierId: silver.id, months: 1 });
    expect([conflict.statusCode, conflict.json().error.code]).toEqual([409, 'membership.tier_conflict']);
    const tooLong = await admin('POST', `/fans/${fan.fan.id}/membership/comps`, { tierId: gold.id, months: 37 });
    expect(tooLong.statusCode).toBe(400);
    const compId = granted.json().purchases[0].id;
    const notPaid = await admin('POST', `/membership-purchases/${compId}/refund`, {});
    expect([notPaid.statusCode, notPaid.json().error.code]).toEqual([409, 'membership.purchase_not_refundable']);

    const buyer = await signupFan(t.app);
    const { purchase } = await buy(buyer, silver.id);
    await deliver();
    const refund = await admin('POST', `/membership-purchases/${purchase.id}/refund`, { reason: 'Asked within a week' });
    expect(refund.statusCode, refund.body).toBe(201);
    // Until the provider confirms, still a member.
    expect((await mine(buyer)).membership.status).toBe('active');
    expect(await signals(buyer.fan.id)).toEqual({ status: 'active', tierId: silver.id, rank: 1, months: 1, paid: true });
    await deliver();
    expect((await mine(buyer)).membership.status).toBe('expired');
    // A refunded period no longer counts, nor makes the fan a paying member.
    expect(await signals(buyer.fan.id)).toEqual({ status: 'expired', tierId: silver.id, rank: 0, months: 0, paid: false });
    expect((await mine(buyer)).purchases[0].refundedAt).not.toBeNull();
    expect(await revenue()).toBe(-1_000);
    expect(await kinds(buyer.fan.id)).toEqual(['membership_joined', 'membership_refunded', 'membership_expired']);
    const twice = await admin('POST', `/membership-purchases/${purchase.id}/refund`, {});
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'membership.purchase_not_refundable']);
  });

  it("membership months and the tier's rank are loyalty signals: rules on them move levels, a tier's new rank re-levels its members", async () => {
    const rules = [
      { level: 1, signal: 'membership_months', op: 'gte', threshold: 1 },
      // "Level 2 needs Gold or above."
      { level: 2, signal: 'membership_rank', op: 'gte', threshold: 2 },
    ];
    expect((await admin('PUT', '/loyalty/rules', { graceDays: 60, rules })).statusCode).toBe(200);
    await t.container.jobs.idle();
    const fan = await signupFan(t.app);
    const explain = async () => {
      await t.settle();
      await t.container.jobs.idle();
      return t.container.services.loyalty.explain(system(), fan.fan.id);
    };
    expect((await explain()).level).toBe(0);
    await buy(fan, silver.id);
    await deliver();
    const silverMember = await explain();
    expect(silverMember).toMatchObject({ level: 1, signals: { membership_months: 1, membership_rank: 1 } });
    expect(silverMember.missingForNext.map((r) => `${r.signal} ${r.value}/${r.threshold}`)).toEqual(['membership_rank 1/2']);
    // Staff move Silver above Gold: its members are re-levelled in the background.
    expect((await admin('PATCH', `/membership-tiers/${silver.id}`, { rank: 3 })).statusCode).toBe(200);
    expect(await explain()).toMatchObject({ level: 2, signals: { membership_rank: 3 } });
    // The period ends (the system's doing, not the fan's): no rank any more, the month still counts.
    later(32);
    await t.container.services.memberships.expireDue(system());
    expect(await explain()).toMatchObject({ level: 1, signals: { membership_months: 1, membership_rank: 0 } });
    const moves = rows<{ data: { from: number; to: number } }>(
      await t.database.db.execute(sql`select data from fan_activities where fan_id = ${fan.fan.id} and kind = 'level_changed' order by id`),
    ).map((r) => `${r.data.from}→${r.data.to}`);
    expect(moves).toEqual(['0→1', '1→2', '2→1']);
  });

  it('counts a period an upgrade replaced by the whole calendar months it ran, as periods are counted', async () => {
    const fan = await signupFan(t.app);
    await buy(fan, silver.id, 'year');
    await deliver();
    expect(await signals(fan.fan.id)).toMatchObject({ tierId: silver.id, months: 12 });
    later(65);
    // (The fan's session has run out meanwhile: they sign in again.)
    const login = await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: fan.email, password: fan.password } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const up = (await asFan({ cookie }, 'POST', '/checkout', { tierId: gold.id, interval: 'year' })).json();
    await t.app.inject({ method: 'POST', url: `/sandbox/pay/${String(up.action.url).split('/').pop()}/pay`, headers: { cookie } });
    await deliver();
    // Two whole months of Silver (65 days; the rest went into the upgrade), then a year of Gold.
    expect(await signals(fan.fan.id)).toEqual({ status: 'active', tierId: gold.id, rank: 2, months: 14, paid: true });
    const whole = async (from: string, to: string) =>
      rows<{ n: number }>(await t.database.db.execute(sql`select fanbase_whole_months(${from}::timestamptz, ${to}::timestamptz) as n`))[0]!.n;
    // As addMonths (src/core/calendar-months.ts): 31 January + 1 month is 28 February.
    expect(await whole('2026-01-31T10:00:00Z', '2026-02-28T10:00:00Z')).toBe(1);
    expect(await whole('2026-01-31T10:00:00Z', '2026-02-28T09:59:59Z')).toBe(0);
    expect(await whole('2026-01-15T00:00:00Z', '2027-01-14T23:59:59Z')).toBe(11);
    expect(await whole('2026-01-15T00:00:00Z', '2027-01-15T00:00:00Z')).toBe(12);
    expect(await whole('2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z')).toBe(0);
  });

  it('copies every existing membership into fan_signals when the migration runs (its backfill statement)', async () => {
    const member = await signupFan(t.app);
    await buy(member, silver.id);
    await deliver();
    const granted = await signupFan(t.app);
    await admin('POST', `/fans/${granted.fan.id}/membership/comps`, { tierId: gold.id, months: 6 });
    const before = [await signals(member.fan.id), await signals(granted.fan.id)];
    await t.database.db.execute(
      sql`update fan_signals set membership_status = 'never', membership_tier_id = null, membership_rank = 0, membership_months = 0, membership_paid_at = null`,
    );
    const migration = readFileSync(new URL('../../db/migrations/0023_membership_signals.sql', import.meta.url), 'utf8');
    await t.database.db.execute(sql.raw(migration.split('--> statement-breakpoint').at(-1)!));
    expect([await signals(member.fan.id), await signals(granted.fan.id)]).toEqual(before);
    expect(before[1]).toEqual({ status: 'active', tierId: gold.id, rank: 2, months: 6, paid: false });
  });

  it('keeps memberships private: fans never reach the staff routes, visitors cannot buy', async () => {
    const fan = await signupFan(t.app);
    for (const [method, url] of [
      ['GET', '/api/admin/membership-tiers'],
      ['GET', '/api/admin/memberships'],
      ['GET', `/api/admin/fans/${fan.fan.id}/membership`],
    ] as const) {
      expect((await t.app.inject({ method, url, headers: { cookie: fan.cookie } })).statusCode).toBe(403);
    }
    const grant = await t.app.inject({
      method: 'POST',
      url: `/api/admin/fans/${fan.fan.id}/membership/comps`,
      headers: { cookie: fan.cookie },
      payload: { tierId: gold.id, months: 1 },
    });
    expect(grant.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/fan/membership/checkout', payload: { tierId: gold.id, interval: 'month' } });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await asFan(fan, 'POST', '/checkout', { tierId: '00000000-0000-4000-8000-000000000000', interval: 'month' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'membership.tier_not_found']);
    const listed = (await admin('GET', '/memberships')).json();
    expect(listed).toMatchObject({ items: [], total: 0 });
  });
});
