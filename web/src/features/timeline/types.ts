import type { ActivityDto } from '@server/modules/timeline/timeline.schemas.ts';

/**
 * One entry in a fan's timeline. `kind` is open-ended: new kinds appear as modules ship. The
 * article is the one it happened on (read, shared, followed from) or, for an unfollow, was blamed on.
 */
export type Activity = ActivityDto;

export interface ActivityPage {
  items: Activity[];
  nextCursor: string | null;
}
