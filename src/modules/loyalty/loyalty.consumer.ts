import type { Ctx } from '../../core/context.ts';
import { localDay } from '../../core/time-zone.ts';
import type { Consumer } from '../../platform/stream/stream.runner.ts';
import type { ChannelService } from '../channel/channel.service.ts';
import type { Activity } from '../timeline/timeline.service.ts';
import { NOT_BY_FAN_KINDS } from '../timeline/timeline.schemas.ts';
import type { SignalDelta } from './loyalty.repository.ts';
import { LOYALTY_CONSUMER, type LoyaltyService } from './loyalty.service.ts';

/**
 * Loyalty signals and levels from the stream: per batch, each fan's new facts (last active,
 * active days of the channel's time zone, unique reads, shares, and the follow state segments
 * filter on) in one upsert, then the level of just those fans and of the fans with a membership
 * activity (their membership signals moved). Level changes are activities too, and are not
 * facts: they are skipped. The follow state is the last follow activity's: every
 * change of a fan's follow state writes its activity in the same statement (fans.service), and
 * two changes of one fan are ordered by its row lock, so stream order is their order.
 */
export function createLoyaltyConsumer(deps: { loyalty: LoyaltyService; channel: ChannelService }): Consumer<Activity> {
  const { loyalty, channel } = deps;
  return {
    name: LOYALTY_CONSUMER,
    // Each fan of a batch is an upserted row and a re-level: 500 keeps one batch's turn on the
    // embedded database to a few tens of milliseconds, so requests keep being answered meanwhile.
    batchSize: 500,
    async apply(tx: Ctx, activities: Activity[]) {
      const facts = activities.filter((a) => !(NOT_BY_FAN_KINDS as readonly string[]).includes(a.kind));
      // Membership and purchase signals are already written (triggers on the memberships tables
      // and on orders, in the transaction that changed them): these fans are re-levelled, whoever
      // acted (a refund is staff's; its activity follows the provider's answer).
      const relevel = activities.filter((a) => a.kind.startsWith('membership_') || a.kind.startsWith('order_')).map((a) => a.fanId);
      if (facts.length === 0 && relevel.length === 0) return;
      const { timeZone } = await channel.settings(tx);
      const byFan = new Map<string, SignalDelta & { daySet: Set<string> }>();
      for (const a of facts) {
        const d = byFan.get(a.fanId) ?? {
          fanId: a.fanId,
          lastAt: a.occurredAt,
          days: [],
          daySet: new Set(),
          uniqueReads: 0,
          shares: 0,
          followStatus: null,
          firstFollowedAt: null,
        };
        if (a.occurredAt > d.lastAt) d.lastAt = a.occurredAt;
        d.daySet.add(localDay(a.occurredAt, timeZone));
        if (a.kind === 'read' && a.data.first) d.uniqueReads += 1;
        if (a.kind === 'shared') d.shares += 1;
        if (a.kind === 'followed') {
          d.followStatus = 'following';
          if (!d.firstFollowedAt || a.occurredAt < d.firstFollowedAt) d.firstFollowedAt = a.occurredAt;
        }
        if (a.kind === 'unfollowed') d.followStatus = 'unfollowed';
        byFan.set(a.fanId, d);
      }
      const last = activities.at(-1)!;
      await loyalty.addSignals(
        tx,
        [...byFan.values()].map(({ daySet, ...d }) => ({ ...d, days: [...daySet].sort() })),
        { txId: last.txId, activityId: last.id },
        relevel,
      );
    },
    rebuild: (tx: Ctx, { last }) => loyalty.rebuildSignals(tx, last),
  };
}
