CREATE TABLE "fan_signals" (
	"fan_id" uuid PRIMARY KEY NOT NULL,
	"last_active_at" timestamp with time zone,
	"last_active_day" date,
	"days_active" integer DEFAULT 0 NOT NULL,
	"unique_reads" integer DEFAULT 0 NOT NULL,
	"shares" integer DEFAULT 0 NOT NULL,
	"fans_referred" integer DEFAULT 0 NOT NULL,
	"purchases" integer DEFAULT 0 NOT NULL,
	"membership_months" integer DEFAULT 0 NOT NULL,
	"community_posts" integer DEFAULT 0 NOT NULL,
	"level" smallint DEFAULT 0 NOT NULL,
	"level_since" timestamp with time zone,
	"grace_until" timestamp with time zone,
	CONSTRAINT "fan_signals_level_check" CHECK ("fan_signals"."level" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "fan_tags" (
	"fan_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fan_tags_fan_id_tag_pk" PRIMARY KEY("fan_id","tag")
);
--> statement-breakpoint
CREATE TABLE "loyalty_rules" (
	"level" smallint NOT NULL,
	"signal" text NOT NULL,
	"op" text DEFAULT 'gte' NOT NULL,
	"threshold" integer NOT NULL,
	CONSTRAINT "loyalty_rules_level_signal_pk" PRIMARY KEY("level","signal"),
	CONSTRAINT "loyalty_rules_level_check" CHECK ("loyalty_rules"."level" between 1 and 4),
	CONSTRAINT "loyalty_rules_threshold_check" CHECK ("loyalty_rules"."threshold" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"grace_days" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_settings_single_row" CHECK ("loyalty_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fan_signals" ADD CONSTRAINT "fan_signals_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fan_tags" ADD CONSTRAINT "fan_tags_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fan_signals_level_idx" ON "fan_signals" USING btree ("level");--> statement-breakpoint
CREATE INDEX "fan_signals_active_idx" ON "fan_signals" USING btree ("last_active_at");--> statement-breakpoint
CREATE INDEX "fan_tags_tag_idx" ON "fan_tags" USING btree ("tag","fan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_name_key" ON "segments" USING btree (lower("name"));--> statement-breakpoint
-- Default ladder: 0 follower → 1 reader → 2 engaged → 3 loyal → 4 super fan (staff edit these).
INSERT INTO "loyalty_rules" ("level", "signal", "op", "threshold") VALUES
  (1, 'unique_reads', 'gte', 1),
  (2, 'unique_reads', 'gte', 5), (2, 'days_active', 'gte', 3),
  (3, 'unique_reads', 'gte', 15), (3, 'days_active', 'gte', 10), (3, 'shares', 'gte', 2),
  (4, 'unique_reads', 'gte', 40), (4, 'days_active', 'gte', 30), (4, 'shares', 'gte', 10), (4, 'days_since_active', 'lte', 30);--> statement-breakpoint
INSERT INTO "loyalty_settings" ("id", "grace_days") VALUES (1, 60);
