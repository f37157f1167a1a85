-- The follow state's copy in fan_signals is kept by the loyalty stream consumer from now on (from
-- the followed/unfollowed activities, after commit), no longer by a trigger inside every follow.
-- New fans still get their row, with their state at creation, from fans_insert_fan_signals (0010).
DROP TRIGGER "fans_sync_fan_signals" ON "fans";--> statement-breakpoint
DROP FUNCTION "fanbase_sync_fan_signals"();
