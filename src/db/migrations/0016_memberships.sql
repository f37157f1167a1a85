CREATE TABLE "membership_purchases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fan_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"months" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"credit_minor" bigint DEFAULT 0 NOT NULL,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"payment_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"note" text,
	"granted_by" text,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "membership_purchases_months_check" CHECK ("membership_purchases"."months" between 1 and 120),
	CONSTRAINT "membership_purchases_amount_check" CHECK ("membership_purchases"."amount_minor" >= 0 and "membership_purchases"."credit_minor" >= 0),
	CONSTRAINT "membership_purchases_status_check" CHECK ("membership_purchases"."status" in ('pending', 'settled', 'void'))
);
--> statement-breakpoint
CREATE TABLE "membership_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"membership_id" uuid NOT NULL,
	"fan_id" uuid NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "membership_tiers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rank" integer NOT NULL,
	"monthly_price_minor" bigint NOT NULL,
	"yearly_price_minor" bigint NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"perks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "membership_tiers_status_check" CHECK ("membership_tiers"."status" in ('active', 'archived')),
	CONSTRAINT "membership_tiers_price_check" CHECK ("membership_tiers"."monthly_price_minor" > 0 and "membership_tiers"."yearly_price_minor" > 0),
	CONSTRAINT "membership_tiers_currency_check" CHECK ("membership_tiers"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fan_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	"status" text NOT NULL,
	"current_period_start" timestamp with time zone NOT NULL,
	"current_period_end" timestamp with time zone NOT NULL,
	"renewing_payment_id" uuid,
	"renewal_months" integer,
	"started_at" timestamp with time zone NOT NULL,
	"canceled_at" timestamp with time zone,
	"cancel_reason" text,
	"cancel_note" text,
	"expired_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "memberships_status_check" CHECK ("memberships"."status" in ('active', 'canceled', 'past_due', 'expired')),
	CONSTRAINT "memberships_period_check" CHECK ("memberships"."current_period_end" > "memberships"."current_period_start")
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "recurring_months" integer;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "subscription_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "renewal_of" uuid;--> statement-breakpoint
ALTER TABLE "sandbox_deliveries" ADD COLUMN "subscription_id" text;--> statement-breakpoint
ALTER TABLE "membership_purchases" ADD CONSTRAINT "membership_purchases_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_purchases" ADD CONSTRAINT "membership_purchases_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_purchases" ADD CONSTRAINT "membership_purchases_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_reminders" ADD CONSTRAINT "membership_reminders_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_reminders" ADD CONSTRAINT "membership_reminders_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_renewing_payment_id_payments_id_fk" FOREIGN KEY ("renewing_payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_purchases_fan_idx" ON "membership_purchases" USING btree ("fan_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "membership_purchases_payment_key" ON "membership_purchases" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_reminders_period_key" ON "membership_reminders" USING btree ("membership_id","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_tiers_rank_key" ON "membership_tiers" USING btree ("rank");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_tiers_name_key" ON "membership_tiers" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_fan_key" ON "memberships" USING btree ("fan_id");--> statement-breakpoint
CREATE INDEX "memberships_tier_status_idx" ON "memberships" USING btree ("tier_id","status");--> statement-breakpoint
CREATE INDEX "memberships_due_idx" ON "memberships" USING btree ("current_period_end") WHERE "memberships"."status" <> 'expired';--> statement-breakpoint
CREATE INDEX "payments_subscription_idx" ON "payments" USING btree ("provider","subscription_id") WHERE "payments"."subscription_id" is not null;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recurring_check" CHECK ("payments"."recurring_months" in (1, 12));