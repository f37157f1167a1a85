/** One entry in a fan's timeline. `kind` is open-ended: new kinds appear as modules ship. */
export interface Activity {
  id: string;
  kind: string;
  source: string | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface ActivityPage {
  items: Activity[];
  nextCursor: string | null;
}
