CREATE TABLE "article_readers" (
	"article_id" uuid NOT NULL,
	"fan_id" uuid NOT NULL,
	"first_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "article_readers_article_id_fan_id_pk" PRIMARY KEY("article_id","fan_id")
);
--> statement-breakpoint
CREATE TABLE "article_stats" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"unique_reads" bigint DEFAULT 0 NOT NULL,
	"shares" bigint DEFAULT 0 NOT NULL,
	"follows" bigint DEFAULT 0 NOT NULL,
	"unfollows" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"cover_url" text,
	"body_markdown" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'original' NOT NULL,
	"advertiser" text,
	"ad_fee_minor" bigint,
	"ad_fee_currency" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_kind_check" CHECK ("articles"."kind" in ('original', 'repost', 'sponsored')),
	CONSTRAINT "articles_status_check" CHECK ("articles"."status" in ('draft', 'published')),
	CONSTRAINT "articles_sponsored_check" CHECK (("articles"."kind" = 'sponsored') = ("articles"."advertiser" is not null and "articles"."ad_fee_minor" is not null and "articles"."ad_fee_currency" is not null)),
	CONSTRAINT "articles_fee_check" CHECK ("articles"."ad_fee_minor" is null or "articles"."ad_fee_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"code" text PRIMARY KEY NOT NULL,
	"fan_id" uuid NOT NULL,
	"article_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_links_fan_article_key" UNIQUE NULLS NOT DISTINCT("fan_id","article_id")
);
--> statement-breakpoint
ALTER TABLE "fan_activities" ADD COLUMN "article_id" uuid;--> statement-breakpoint
ALTER TABLE "channel_settings" ADD COLUMN "unfollow_window_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "article_readers" ADD CONSTRAINT "article_readers_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_stats" ADD CONSTRAINT "article_stats_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_feed_idx" ON "articles" USING btree ("status","published_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "share_links_article_idx" ON "share_links" USING btree ("article_id");--> statement-breakpoint
ALTER TABLE "channel_settings" ADD CONSTRAINT "channel_settings_window_check" CHECK ("channel_settings"."unfollow_window_hours" between 1 and 720);