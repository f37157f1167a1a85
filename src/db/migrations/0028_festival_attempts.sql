CREATE TABLE "festival_fan_units" (
	"item_id" uuid NOT NULL,
	"fan_id" uuid NOT NULL,
	"units" integer NOT NULL,
	"per_fan_limit" integer NOT NULL,
	CONSTRAINT "festival_fan_units_item_id_fan_id_pk" PRIMARY KEY("item_id","fan_id"),
	CONSTRAINT "festival_fan_units_limit_check" CHECK ("festival_fan_units"."units" between 1 and "festival_fan_units"."per_fan_limit")
);
--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "address" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "festival_item_id" uuid;--> statement-breakpoint
ALTER TABLE "festival_items" ADD COLUMN "sold" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "festival_fan_units" ADD CONSTRAINT "festival_fan_units_item_id_festival_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."festival_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festival_fan_units" ADD CONSTRAINT "festival_fan_units_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_festival_item_id_festival_items_id_fk" FOREIGN KEY ("festival_item_id") REFERENCES "public"."festival_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_festival_item_idx" ON "orders" USING btree ("festival_item_id") WHERE "orders"."festival_item_id" is not null;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_address_check" CHECK ("orders"."channel" = 'festival' or "orders"."address" is not null);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_festival_item_check" CHECK (("orders"."channel" = 'festival') = ("orders"."festival_item_id" is not null));--> statement-breakpoint
ALTER TABLE "festival_items" ADD CONSTRAINT "festival_items_sold_check" CHECK ("festival_items"."sold" >= 0 and "festival_items"."sold" <= "festival_items"."quota");