import { articlesRepository } from './modules/articles/articles.repository.ts';
import { createArticlesConsumer } from './modules/articles/articles.consumer.ts';
import { createInsightsConsumer, INSIGHTS_CONSUMER } from './modules/insights/insights.consumer.ts';
import { insightsRepository } from './modules/insights/insights.repository.ts';
import { REBUILD_DAILY_JOB } from './modules/insights/insights.service.ts';
import { createLoyaltyConsumer } from './modules/loyalty/loyalty.consumer.ts';
import { RECOMPUTE_JOB, RELEVEL_JOB } from './modules/loyalty/loyalty.service.ts';
import { PAYMENT_REFUND_JOB, REFUND_RETRIES, REFUND_RETRY_DELAY_SECONDS } from './modules/payments/payment-refunds.ts';
import type { JobRunner } from './platform/jobs/jobs.service.ts';
import type { Queue } from './platform/queue/queue.service.ts';
import {
  MEMBERSHIP_EXPIRE_JOB,
  MEMBERSHIP_REMIND_JOB,
  MEMBERSHIP_SWEEP_JOB,
  MEMBERSHIP_SWEEP_SCHEDULE,
  type MembershipJob,
} from './modules/memberships/membership-settlement.ts';
import { LOYALTY_RECOMPUTE_SCHEDULE } from './schedules/loyalty-recompute.schedule.ts';
import { MAINTENANCE_JOB, MAINTENANCE_SCHEDULE, runMaintenance } from './schedules/maintenance.schedule.ts';
import { FESTIVAL_SWEEP_JOB, FESTIVAL_SWEEP_SCHEDULE } from './modules/festival/festival-settlement.ts';
import { ORDER_EXPIRE_JOB, ORDER_LATE_REFUND_JOB, ORDER_SWEEP_JOB, ORDER_SWEEP_SCHEDULE } from './modules/orders/checkout.workflow.ts';
import type { StreamRunner } from './platform/stream/stream.runner.ts';
import type { Activity } from './modules/timeline/timeline.service.ts';
import type { Services } from './container.ts';

/**
 * The wiring: every hook, consumer, background job and schedule, one line each, in the order
 * they run. Services never register themselves; reading this file tells what reacts to what.
 */
export function subscribe(services: Services, stream: StreamRunner<Activity>, jobs: JobRunner, queue: Queue) {
  const { timeline, articles, channel, loyalty, memberships, tiers } = services;

  // Before an activity is written (read-only; the caller's own answer shows the result).
  timeline.enrich('unfollowed', articles.attributeUnfollow);
  timeline.enrich('followed', articles.creditShareFollow);

  // After a commit that wrote activities, the consumers run (other instances' by polling).
  timeline.onCommitted(stream.notify);

  // Consumers of the activity stream: each keeps its state and position, in batches, exactly once.
  stream.register(createInsightsConsumer({ repo: insightsRepository, timeline, channel }));
  stream.register(createArticlesConsumer({ repo: articlesRepository, timeline }));
  stream.register(createLoyaltyConsumer({ loyalty, channel }));

  // Background jobs (job_runs on the job queue): rebuilds and re-levelling staff can watch.
  jobs.define(REBUILD_DAILY_JOB, async (ctx) => ({ position: (await stream.rebuild(ctx, INSIGHTS_CONSUMER)).activityId.toString() }));
  jobs.define(RELEVEL_JOB, (ctx, progress) => loyalty.relevelAll(ctx, progress));
  jobs.define(RECOMPUTE_JOB, (ctx, progress) => loyalty.recomputeAll(ctx, (phase, done, total) => (phase === 'levels' ? progress(done, total) : undefined)));

  // Timed work, once for the whole cluster (the queue's schedules, UTC).
  jobs.schedule(RECOMPUTE_JOB, LOYALTY_RECOMPUTE_SCHEDULE);
  queue.define(MAINTENANCE_JOB, async (ctx) => void (await runMaintenance(ctx, services)), { retryLimit: 1 });
  queue.schedule(MAINTENANCE_JOB, MAINTENANCE_SCHEDULE);

  // Memberships end on time: a job at each period's end, a reminder before a prepaid one ends,
  // and a sweep every few minutes for anything a lost job or a restart left due. Each moves a
  // membership once however often it runs.
  queue.define<MembershipJob>(MEMBERSHIP_EXPIRE_JOB, async (ctx, data) => void (await memberships.expireDue(ctx, data.membershipId)));
  queue.define<MembershipJob>(MEMBERSHIP_REMIND_JOB, async (ctx, data) => void (await memberships.remind(ctx, data.membershipId, new Date(data.periodEnd))));
  queue.define(MEMBERSHIP_SWEEP_JOB, async (ctx) => void (await memberships.expireDue(ctx)), { oneAtATime: true });
  queue.schedule(MEMBERSHIP_SWEEP_JOB, MEMBERSHIP_SWEEP_SCHEDULE);

  // Orders: a paid order payment marks its order paid (in the payment's transaction); an unpaid
  // order is canceled at its deadline by its job, or by the sweep when a restart lost the job
  // (each order once); a payment that came in for a canceled order is refunded, tried again on failure.
  services.payments.onSettled('order', services.orderMoney.onPayment);
  queue.define<{ orderId: string }>(ORDER_EXPIRE_JOB, async (ctx, data) => void (await services.orders.expireDue(ctx, data.orderId)));
  queue.define(ORDER_SWEEP_JOB, async (ctx) => void (await services.orders.expireDue(ctx)), { oneAtATime: true });
  queue.schedule(ORDER_SWEEP_JOB, ORDER_SWEEP_SCHEDULE);
  // The festival's: every minute, ended festivals settle (unsold quota back to the store), units a
  // stopped process admitted and never wrote go back on sale, and festival orders past their
  // deadline are canceled, their units back on sale.
  queue.define(
    FESTIVAL_SWEEP_JOB,
    async (ctx) => {
      await services.festivalSettlement.settleEnded(ctx);
      await services.festivalSettlement.reap(ctx);
      await services.orders.expireDue(ctx);
    },
    { oneAtATime: true },
  );
  queue.schedule(FESTIVAL_SWEEP_JOB, FESTIVAL_SWEEP_SCHEDULE);
  queue.define<{ paymentId: string }>(ORDER_LATE_REFUND_JOB, (ctx, data) => services.orderMoney.refundLatePayment(ctx, data.paymentId), {
    retryLimit: REFUND_RETRIES,
    retryDelaySeconds: REFUND_RETRY_DELAY_SECONDS,
    retryBackoff: true,
  });

  // A refund the provider did not answer is asked again, later and later, then marked failed.
  queue.define<{ refundId: string }>(PAYMENT_REFUND_JOB, (ctx, data, job) => services.payments.retryRefund(ctx, data.refundId, job.retryCount >= REFUND_RETRIES), {
    retryLimit: REFUND_RETRIES,
    retryDelaySeconds: REFUND_RETRY_DELAY_SECONDS,
    retryBackoff: true,
  });

  // A tier's rank is a loyalty signal of its members (kept by the memberships tables' triggers): re-level everyone.
  tiers.onRankChanged(async (ctx) => void (await jobs.enqueue(ctx, RELEVEL_JOB)));

  // The channel's days are its time zone's: a new zone re-counts the rollup and active days.
  channel.onSettingsChanged(async (ctx, { before, after }) => {
    if (before.timeZone !== after.timeZone) for (const job of [REBUILD_DAILY_JOB, RECOMPUTE_JOB]) await jobs.enqueue(ctx, job);
  });
}
