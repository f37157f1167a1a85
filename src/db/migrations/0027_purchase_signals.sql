ALTER TABLE "fan_signals" ADD COLUMN "spend_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fan_signals" ADD COLUMN "first_purchase_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fan_signals" ADD COLUMN "last_purchase_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "fan_signals_buyers_idx" ON "fan_signals" USING btree ("last_purchase_at","fan_id") WHERE "fan_signals"."first_purchase_at" is not null;--> statement-breakpoint
-- A fan's store purchases, copied into fan_signals (loyalty signals purchases and spend; segment
-- filters by spend and last purchase; conversion to buyer per source) by triggers on `orders`, in
-- the transaction that changes an order, as memberships do (0023): paying, a partial or full
-- refund, and a refund the provider refused (put back) are seen at once, and the copy cannot
-- drift from the orders. A trigger rather than the loyalty consumer: a refund changes the order
-- before its activity is recorded (after the provider answers), and a refused refund records none.
-- Each trigger runs once per statement (the expiry sweep cancels many orders in one UPDATE).

-- These fans' purchase copy, recomputed from their orders; only rows that differ are written.
--   A purchase: an order paid and not fully refunded (status paid, shipped or delivered; a full
--     refund moves it to refunded; a canceled or expired order was never paid).
--   spend: those orders' totals less what was refunded of them, in the store's currency only
--     (CNY, DEFAULT_CURRENCY in src/core/money.ts): an order in another currency is a purchase
--     but adds nothing to spend.
--   first/last purchase: when the first and the latest of those orders were paid.
-- Reads orders_fan_created_idx (the fan's orders).
CREATE OR REPLACE FUNCTION "fanbase_sync_purchase_signals"("fan_ids" uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "fan_signals" AS "s" SET
    "purchases" = "v"."purchases", "spend_minor" = "v"."spend", "first_purchase_at" = "v"."first_at", "last_purchase_at" = "v"."last_at"
  FROM (
    SELECT "f"."id" AS "fan_id",
      count("o"."id")::int AS "purchases",
      coalesce(sum("o"."total_minor" - "o"."refunded_minor") FILTER (WHERE "o"."currency" = 'CNY'), 0)::bigint AS "spend",
      min("o"."paid_at") AS "first_at",
      max("o"."paid_at") AS "last_at"
    FROM (SELECT DISTINCT unnest("fan_ids") AS "id") AS "f"
    LEFT JOIN "orders" AS "o" ON "o"."fan_id" = "f"."id" AND "o"."status" IN ('paid', 'shipped', 'delivered') AND "o"."paid_at" IS NOT NULL
    GROUP BY "f"."id"
  ) AS "v"
  WHERE "s"."fan_id" = "v"."fan_id"
    AND ("s"."purchases", "s"."spend_minor", "s"."first_purchase_at", "s"."last_purchase_at")
      IS DISTINCT FROM ("v"."purchases", "v"."spend", "v"."first_at", "v"."last_at")
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_orders_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fanbase_sync_purchase_signals"(ARRAY(SELECT "fan_id" FROM "new_rows" WHERE "status" IN ('paid', 'shipped', 'delivered')));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_orders_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fanbase_sync_purchase_signals"(ARRAY(
    SELECT "n"."fan_id" FROM "new_rows" AS "n" JOIN "old_rows" AS "o" ON "o"."id" = "n"."id"
    WHERE ("n"."status", "n"."total_minor", "n"."refunded_minor", "n"."currency", "n"."paid_at", "n"."fan_id")
      IS DISTINCT FROM ("o"."status", "o"."total_minor", "o"."refunded_minor", "o"."currency", "o"."paid_at", "o"."fan_id")
    UNION
    SELECT "o"."fan_id" FROM "new_rows" AS "n" JOIN "old_rows" AS "o" ON "o"."id" = "n"."id" WHERE "n"."fan_id" <> "o"."fan_id"));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "orders_inserted_signals" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_orders_inserted"();--> statement-breakpoint
CREATE TRIGGER "orders_updated_signals" AFTER UPDATE ON "orders" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_orders_updated"();--> statement-breakpoint
-- Existing fans: everyone who ever paid for an order.
SELECT "fanbase_sync_purchase_signals"(ARRAY(SELECT DISTINCT "fan_id" FROM "orders" WHERE "paid_at" IS NOT NULL));
