import type { Ctx } from '../../core/context.ts';
import { localDay } from '../../core/time-zone.ts';
import type { Consumer } from '../../platform/stream/stream.runner.ts';
import type { ChannelService } from '../channel/channel.service.ts';
import { sourceTypeOf, type SourceType } from '../timeline/timeline.schemas.ts';
import type { Activity, TimelineService } from '../timeline/timeline.service.ts';
import type { FollowCount, InsightsRepository } from './insights.repository.ts';

export const INSIGHTS_CONSUMER = 'insights.daily';

/**
 * The daily follow/unfollow rollup per source from the stream, on the channel's days (its time
 * zone). One upsert per batch: an import of 100,000 follows touches few rows.
 */
export function createInsightsConsumer(deps: { repo: InsightsRepository; timeline: TimelineService; channel: ChannelService }): Consumer<Activity> {
  const { repo, timeline, channel } = deps;
  return {
    name: INSIGHTS_CONSUMER,
    batchSize: 5_000,
    async apply(tx: Ctx, activities: Activity[]) {
      const follows = activities.filter((a) => a.kind === 'followed' || a.kind === 'unfollowed');
      if (follows.length === 0) return;
      const { timeZone } = await channel.settings(tx);
      const groups = new Map<string, FollowCount>();
      for (const a of follows) {
        const day = localDay(a.occurredAt, timeZone);
        const sourceType = sourceTypeOf(a.source);
        const g = groups.get(`${day}|${sourceType}`) ?? { day, sourceType, follows: 0, unfollows: 0 };
        if (a.kind === 'followed') g.follows += 1;
        else g.unfollows += 1;
        groups.set(`${day}|${sourceType}`, g);
      }
      await repo.addFollowCounts(tx.db, [...groups.values()]);
    },
    async rebuild(tx: Ctx, { below }) {
      const { timeZone } = await channel.settings(tx);
      const rows = await timeline.followCountsByDay(tx, timeZone, below);
      await repo.replaceAll(
        tx.db,
        rows.map((r) => ({ ...r, sourceType: r.sourceType as SourceType })),
      );
    },
  };
}
