CREATE TABLE "festival_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"festival_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"quota" integer NOT NULL,
	"per_fan_limit" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "festival_items_price_check" CHECK ("festival_items"."price_minor" > 0),
	CONSTRAINT "festival_items_currency_check" CHECK ("festival_items"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "festival_items_quota_check" CHECK ("festival_items"."quota" > 0),
	CONSTRAINT "festival_items_limit_check" CHECK ("festival_items"."per_fan_limit" between 1 and 99 and "festival_items"."per_fan_limit" <= "festival_items"."quota")
);
--> statement-breakpoint
CREATE TABLE "festival_reservations" (
	"item_id" uuid NOT NULL,
	"fan_id" uuid NOT NULL,
	"festival_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "festival_reservations_item_id_fan_id_pk" PRIMARY KEY("item_id","fan_id")
);
--> statement-breakpoint
CREATE TABLE "festivals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description_markdown" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"requires_reservation" boolean DEFAULT false NOT NULL,
	"reservations_close_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "festivals_status_check" CHECK ("festivals"."status" in ('draft', 'published', 'canceled')),
	CONSTRAINT "festivals_slug_check" CHECK ("festivals"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "festivals_dates_check" CHECK ("festivals"."ends_at" > "festivals"."starts_at"),
	CONSTRAINT "festivals_reservations_check" CHECK ("festivals"."reservations_close_at" is null or "festivals"."reservations_close_at" <= "festivals"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "festival_items" ADD CONSTRAINT "festival_items_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festival_items" ADD CONSTRAINT "festival_items_variant_id_store_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."store_variants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festival_reservations" ADD CONSTRAINT "festival_reservations_item_id_festival_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."festival_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festival_reservations" ADD CONSTRAINT "festival_reservations_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festival_reservations" ADD CONSTRAINT "festival_reservations_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "festival_items_variant_key" ON "festival_items" USING btree ("festival_id","variant_id");--> statement-breakpoint
CREATE INDEX "festival_items_variant_idx" ON "festival_items" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "festival_reservations_fan_idx" ON "festival_reservations" USING btree ("fan_id","festival_id");--> statement-breakpoint
CREATE INDEX "festival_reservations_festival_idx" ON "festival_reservations" USING btree ("festival_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "festivals_slug_key" ON "festivals" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "festivals_status_ends_idx" ON "festivals" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "festivals_starts_idx" ON "festivals" USING btree ("starts_at" DESC NULLS LAST,"id");