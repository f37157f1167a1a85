/** One entry in a fan's timeline. `kind` is open-ended: new kinds appear as modules ship. */
export interface Activity {
  id: string;
  kind: string;
  source: string | null;
  /** The article it happened on (read, shared, followed from) or, for an unfollow, was blamed on. */
  articleId: string | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface ActivityPage {
  items: Activity[];
  nextCursor: string | null;
}
