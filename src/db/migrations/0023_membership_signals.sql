ALTER TABLE "fan_signals" ADD COLUMN "membership_rank" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fan_signals" ADD COLUMN "membership_status" text DEFAULT 'never' NOT NULL;--> statement-breakpoint
ALTER TABLE "fan_signals" ADD COLUMN "membership_tier_id" uuid;--> statement-breakpoint
ALTER TABLE "fan_signals" ADD COLUMN "membership_paid_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "fan_signals_membership_idx" ON "fan_signals" USING btree ("membership_status","membership_tier_id","fan_id") WHERE "fan_signals"."membership_status" <> 'never';--> statement-breakpoint
CREATE INDEX "fan_signals_paid_idx" ON "fan_signals" USING btree ("fan_id") WHERE "fan_signals"."membership_paid_at" is not null;--> statement-breakpoint
ALTER TABLE "fan_signals" ADD CONSTRAINT "fan_signals_membership_status_check" CHECK ("fan_signals"."membership_status" in ('never', 'active', 'canceled', 'past_due', 'expired'));--> statement-breakpoint
-- A fan's membership, copied into fan_signals (loyalty signals membership_months and
-- membership_rank; segment filters by membership status and tier; conversion to member per
-- source) by triggers on the memberships tables, in the transaction that changes them: every way
-- a period comes or goes (bought, renewed, upgraded, granted, gifted, refunded, canceled, past
-- due, expired) and a tier's new rank is seen at once, and a copy cannot drift from its source.
-- Each trigger runs once per statement (expiry moves many memberships in one UPDATE).

-- Whole calendar months from `from_at` to `to_at` (UTC), as memberships count a period: n where
-- from + n months <= to < from + (n + 1) months (31 January + 1 month is 28 February).
CREATE OR REPLACE FUNCTION "fanbase_whole_months"("from_at" timestamptz, "to_at" timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN "to_at" <= "from_at" THEN 0 ELSE
    "n" - CASE WHEN ("from_at" AT TIME ZONE 'UTC') + make_interval(months => "n") > ("to_at" AT TIME ZONE 'UTC') THEN 1 ELSE 0 END END
  FROM (SELECT ((extract(year FROM "to_at" AT TIME ZONE 'UTC') - extract(year FROM "from_at" AT TIME ZONE 'UTC')) * 12
    + extract(month FROM "to_at" AT TIME ZONE 'UTC') - extract(month FROM "from_at" AT TIME ZONE 'UTC'))::int AS "n") AS "x"
$$;--> statement-breakpoint
-- These fans' membership copy, recomputed from memberships and purchases; only rows that differ are written.
--   status, tier: the membership row's (`never` without one); rank: its tier's while not expired, else 0.
--   months: each settled, unrefunded period's months; a period that a later-settled period of
--     another tier started inside (an upgrade) counts the whole months it ran until then.
--   paid_at: the first settled, unrefunded period the fan paid for (join, renewal or upgrade with
--     an amount): comps and gifts received are not paying.
CREATE OR REPLACE FUNCTION "fanbase_sync_membership_signals"("fan_ids" uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "fan_signals" AS "s" SET
    "membership_status" = "v"."status", "membership_tier_id" = "v"."tier_id", "membership_rank" = "v"."rank",
    "membership_months" = "v"."months", "membership_paid_at" = "v"."paid_at"
  FROM (
    SELECT "f"."id" AS "fan_id",
      coalesce("m"."status", 'never') AS "status",
      "m"."tier_id",
      CASE WHEN "m"."status" IN ('active', 'canceled', 'past_due') THEN coalesce("t"."rank", 0) ELSE 0 END AS "rank",
      coalesce((
        SELECT sum(CASE WHEN "r"."at" IS NULL THEN "p"."months" ELSE least("p"."months", "fanbase_whole_months"("p"."period_start", "r"."at")) END)
        FROM "membership_purchases" AS "p"
        LEFT JOIN LATERAL (
          SELECT min("u"."period_start") AS "at" FROM "membership_purchases" AS "u"
          WHERE "u"."fan_id" = "p"."fan_id" AND "u"."status" = 'settled' AND "u"."tier_id" <> "p"."tier_id"
            AND "u"."settled_at" > "p"."settled_at" AND "u"."period_start" < "p"."period_end"
        ) AS "r" ON true
        WHERE "p"."fan_id" = "f"."id" AND "p"."status" = 'settled' AND "p"."refunded_at" IS NULL
      ), 0)::int AS "months",
      (
        SELECT min("p"."settled_at") FROM "membership_purchases" AS "p"
        WHERE "p"."fan_id" = "f"."id" AND "p"."status" = 'settled' AND "p"."refunded_at" IS NULL
          AND "p"."kind" IN ('join', 'renewal', 'upgrade') AND "p"."amount_minor" > 0
      ) AS "paid_at"
    FROM (SELECT DISTINCT unnest("fan_ids") AS "id") AS "f"
    LEFT JOIN "memberships" AS "m" ON "m"."fan_id" = "f"."id"
    LEFT JOIN "membership_tiers" AS "t" ON "t"."id" = "m"."tier_id"
  ) AS "v"
  WHERE "s"."fan_id" = "v"."fan_id"
    AND ("s"."membership_status", "s"."membership_tier_id", "s"."membership_rank", "s"."membership_months", "s"."membership_paid_at")
      IS DISTINCT FROM ("v"."status", "v"."tier_id", "v"."rank", "v"."months", "v"."paid_at")
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_memberships_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fanbase_sync_membership_signals"(ARRAY(SELECT "fan_id" FROM "new_rows"));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_memberships_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fanbase_sync_membership_signals"(ARRAY(
    SELECT "n"."fan_id" FROM "new_rows" AS "n" JOIN "old_rows" AS "o" ON "o"."id" = "n"."id"
    WHERE ("n"."status", "n"."tier_id", "n"."fan_id") IS DISTINCT FROM ("o"."status", "o"."tier_id", "o"."fan_id")));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_membership_purchases_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fanbase_sync_membership_signals"(ARRAY(SELECT "fan_id" FROM "new_rows" WHERE "status" = 'settled'));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_membership_purchases_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fanbase_sync_membership_signals"(ARRAY(
    SELECT "n"."fan_id" FROM "new_rows" AS "n" JOIN "old_rows" AS "o" ON "o"."id" = "n"."id"
    WHERE ("n"."status", "n"."refunded_at", "n"."months", "n"."amount_minor", "n"."period_start", "n"."period_end", "n"."settled_at", "n"."tier_id")
      IS DISTINCT FROM ("o"."status", "o"."refunded_at", "o"."months", "o"."amount_minor", "o"."period_start", "o"."period_end", "o"."settled_at", "o"."tier_id")));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_membership_tiers_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fanbase_sync_membership_signals"(ARRAY(
    SELECT "m"."fan_id" FROM "memberships" AS "m"
    WHERE "m"."status" <> 'expired' AND "m"."tier_id" IN (
      SELECT "n"."id" FROM "new_rows" AS "n" JOIN "old_rows" AS "o" ON "o"."id" = "n"."id" WHERE "n"."rank" <> "o"."rank")));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "memberships_inserted_signals" AFTER INSERT ON "memberships" REFERENCING NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_memberships_inserted"();--> statement-breakpoint
CREATE TRIGGER "memberships_updated_signals" AFTER UPDATE ON "memberships" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_memberships_updated"();--> statement-breakpoint
CREATE TRIGGER "membership_purchases_inserted_signals" AFTER INSERT ON "membership_purchases" REFERENCING NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_membership_purchases_inserted"();--> statement-breakpoint
CREATE TRIGGER "membership_purchases_updated_signals" AFTER UPDATE ON "membership_purchases" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_membership_purchases_updated"();--> statement-breakpoint
CREATE TRIGGER "membership_tiers_updated_signals" AFTER UPDATE ON "membership_tiers" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_membership_tiers_updated"();--> statement-breakpoint
-- Existing fans: everyone who ever had a membership or a settled period.
SELECT "fanbase_sync_membership_signals"(ARRAY(SELECT "fan_id" FROM "memberships" UNION SELECT "fan_id" FROM "membership_purchases" WHERE "status" = 'settled'));
