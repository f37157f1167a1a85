ALTER TABLE "fan_signals" ADD COLUMN "follow_status" text DEFAULT 'never_followed' NOT NULL;--> statement-breakpoint
ALTER TABLE "fan_signals" ADD COLUMN "first_followed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fan_signals" ADD COLUMN "top_distance" real DEFAULT 1000000 NOT NULL;--> statement-breakpoint
CREATE INDEX "fan_signals_candidates_idx" ON "fan_signals" USING btree ("top_distance","fan_id") WHERE "fan_signals"."level" between 1 and 3;--> statement-breakpoint
-- Every fan has a CRM row, created with the fan, carrying a copy of its follow state.
INSERT INTO "fan_signals" ("fan_id", "follow_status", "first_followed_at")
SELECT "id", "follow_status", "first_followed_at" FROM "fans"
ON CONFLICT ("fan_id") DO UPDATE SET "follow_status" = excluded."follow_status", "first_followed_at" = excluded."first_followed_at";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_sync_fan_signals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "fan_signals" ("fan_id", "follow_status", "first_followed_at")
    VALUES (NEW."id", NEW."follow_status", NEW."first_followed_at")
    ON CONFLICT ("fan_id") DO UPDATE SET "follow_status" = excluded."follow_status", "first_followed_at" = excluded."first_followed_at";
  ELSIF NEW."follow_status" IS DISTINCT FROM OLD."follow_status" OR NEW."first_followed_at" IS DISTINCT FROM OLD."first_followed_at" THEN
    UPDATE "fan_signals" SET "follow_status" = NEW."follow_status", "first_followed_at" = NEW."first_followed_at" WHERE "fan_id" = NEW."id";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "fans_sync_fan_signals" AFTER INSERT OR UPDATE OF "follow_status", "first_followed_at" ON "fans"
FOR EACH ROW EXECUTE FUNCTION "fanbase_sync_fan_signals"();
