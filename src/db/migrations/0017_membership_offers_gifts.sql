CREATE TABLE "membership_gifts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purchaser_fan_id" uuid NOT NULL,
	"recipient_email" text NOT NULL,
	"tier_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"message" text,
	"payment_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"claimed_by_fan_id" uuid,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "membership_gifts_status_check" CHECK ("membership_gifts"."status" in ('pending', 'paid', 'claimed', 'refunded', 'void'))
);
--> statement-breakpoint
CREATE TABLE "membership_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"tier_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"price_minor" bigint NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"max_redemptions" integer NOT NULL,
	"redemptions" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "membership_offers_months_check" CHECK ("membership_offers"."months" in (1, 12)),
	CONSTRAINT "membership_offers_price_check" CHECK ("membership_offers"."price_minor" > 0),
	CONSTRAINT "membership_offers_cap_check" CHECK ("membership_offers"."max_redemptions" > 0 and "membership_offers"."redemptions" >= 0)
);
--> statement-breakpoint
ALTER TABLE "membership_purchases" ADD COLUMN "offer_id" uuid;--> statement-breakpoint
ALTER TABLE "membership_purchases" ADD COLUMN "gift_id" uuid;--> statement-breakpoint
ALTER TABLE "membership_gifts" ADD CONSTRAINT "membership_gifts_purchaser_fan_id_fans_id_fk" FOREIGN KEY ("purchaser_fan_id") REFERENCES "public"."fans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_gifts" ADD CONSTRAINT "membership_gifts_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_gifts" ADD CONSTRAINT "membership_gifts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_gifts" ADD CONSTRAINT "membership_gifts_claimed_by_fan_id_fans_id_fk" FOREIGN KEY ("claimed_by_fan_id") REFERENCES "public"."fans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_offers" ADD CONSTRAINT "membership_offers_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_gifts_recipient_idx" ON "membership_gifts" USING btree ("recipient_email","status");--> statement-breakpoint
CREATE INDEX "membership_gifts_purchaser_idx" ON "membership_gifts" USING btree ("purchaser_fan_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "membership_offers_code_key" ON "membership_offers" USING btree ("code");--> statement-breakpoint
ALTER TABLE "membership_purchases" ADD CONSTRAINT "membership_purchases_offer_id_membership_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."membership_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_purchases" ADD CONSTRAINT "membership_purchases_gift_id_membership_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."membership_gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_purchases_offer_idx" ON "membership_purchases" USING btree ("offer_id","status") WHERE "membership_purchases"."offer_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_purchases_gift_key" ON "membership_purchases" USING btree ("gift_id");