CREATE TABLE "daily_follow_counts" (
	"day" date NOT NULL,
	"source_type" text NOT NULL,
	"follows" integer DEFAULT 0 NOT NULL,
	"unfollows" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_follow_counts_day_source_type_pk" PRIMARY KEY("day","source_type")
);
--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "first_followed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "first_follow_source" text;--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "first_unfollowed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "fans_first_follow_idx" ON "fans" USING btree ("first_followed_at");--> statement-breakpoint
-- Backfill from the activities already recorded.
UPDATE "fans" f SET "first_followed_at" = a."at", "first_follow_source" = a."src"
FROM (
  SELECT DISTINCT ON ("fan_id") "fan_id", "occurred_at" AS "at",
    CASE WHEN "source" LIKE 'article:%' THEN 'article' WHEN "source" LIKE 'share:%' THEN 'share' WHEN "source" = 'import' THEN 'import' ELSE 'direct' END AS "src"
  FROM "fan_activities" WHERE "kind" = 'followed' ORDER BY "fan_id", "occurred_at", "id"
) a
WHERE f."id" = a."fan_id";--> statement-breakpoint
UPDATE "fans" f SET "first_unfollowed_at" = u."at"
FROM (
  SELECT a."fan_id", min(a."occurred_at") AS "at" FROM "fan_activities" a JOIN "fans" x ON x."id" = a."fan_id"
  WHERE a."kind" = 'unfollowed' AND a."occurred_at" >= x."first_followed_at" GROUP BY a."fan_id"
) u
WHERE f."id" = u."fan_id";--> statement-breakpoint
INSERT INTO "daily_follow_counts" ("day", "source_type", "follows", "unfollows")
SELECT ("occurred_at" AT TIME ZONE 'UTC')::date,
  CASE WHEN "source" LIKE 'article:%' THEN 'article' WHEN "source" LIKE 'share:%' THEN 'share' WHEN "source" = 'import' THEN 'import' ELSE 'direct' END,
  count(*) FILTER (WHERE "kind" = 'followed'), count(*) FILTER (WHERE "kind" = 'unfollowed')
FROM "fan_activities" WHERE "kind" IN ('followed', 'unfollowed')
GROUP BY 1, 2;
