CREATE TABLE "festival_refusals" (
	"festival_id" uuid NOT NULL,
	"fan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "festival_refusals_festival_id_fan_id_kind_pk" PRIMARY KEY("festival_id","fan_id","kind"),
	CONSTRAINT "festival_refusals_count_check" CHECK ("festival_refusals"."count" > 0)
);
--> statement-breakpoint
ALTER TABLE "festival_refusals" ADD CONSTRAINT "festival_refusals_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festival_refusals" ADD CONSTRAINT "festival_refusals_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE cascade ON UPDATE no action;