-- New fans get their fan_signals rows once per statement, from the statement's inserted rows (a
-- transition table), not once per row: an import batch of 500 fans runs one INSERT, not 500.
-- Updates of the follow state stay per row (a column list cannot have a transition table, and a
-- follow updates one row anyway).
DROP TRIGGER "fans_sync_fan_signals" ON "fans";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_insert_fan_signals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "fan_signals" ("fan_id", "follow_status", "first_followed_at")
  SELECT "id", "follow_status", "first_followed_at" FROM "new_fans"
  ON CONFLICT ("fan_id") DO UPDATE SET "follow_status" = excluded."follow_status", "first_followed_at" = excluded."first_followed_at";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "fans_insert_fan_signals" AFTER INSERT ON "fans" REFERENCING NEW TABLE AS "new_fans"
FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_insert_fan_signals"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fanbase_sync_fan_signals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."follow_status" IS DISTINCT FROM OLD."follow_status" OR NEW."first_followed_at" IS DISTINCT FROM OLD."first_followed_at" THEN
    UPDATE "fan_signals" SET "follow_status" = NEW."follow_status", "first_followed_at" = NEW."first_followed_at" WHERE "fan_id" = NEW."id";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "fans_sync_fan_signals" AFTER UPDATE OF "follow_status", "first_followed_at" ON "fans"
FOR EACH ROW EXECUTE FUNCTION "fanbase_sync_fan_signals"();
