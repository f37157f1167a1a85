CREATE TABLE "stream_positions" (
	"consumer" text PRIMARY KEY NOT NULL,
	"tx_id" "xid8" DEFAULT '0'::xid8 NOT NULL,
	"activity_id" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fan_activities" ADD COLUMN "tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "article_stats" ADD COLUMN "visitor_views" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "fan_activities_stream_idx" ON "fan_activities" USING btree ("tx_id","id");--> statement-breakpoint
-- Views so far were fans' reads plus visitors' views: what reads do not explain was visitors.
UPDATE "article_stats" s SET "visitor_views" = greatest(0, s."views" - coalesce((
  SELECT count(*) FROM "fan_activities" a WHERE a."article_id" = s."article_id" AND a."kind" = 'read'), 0));--> statement-breakpoint
-- Until now the derived figures were kept in the activity's own transaction: they are up to
-- date, so their consumers start at the end of the stream.
INSERT INTO "stream_positions" ("consumer", "tx_id", "activity_id")
SELECT c.name, coalesce(last."tx_id", '0'::xid8), coalesce(last."id", 0)
FROM (VALUES ('insights.daily'), ('articles.counters'), ('loyalty.signals')) AS c(name)
LEFT JOIN (SELECT "tx_id", "id" FROM "fan_activities" ORDER BY "tx_id" DESC, "id" DESC LIMIT 1) last ON true;
