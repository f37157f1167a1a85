CREATE TABLE "fan_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"idempotency_key" text,
	"csv" text,
	"size_bytes" integer NOT NULL,
	"rows_total" integer NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error_code" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "fan_imports_status_check" CHECK ("fan_imports"."status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "fan_imports_created_idx" ON "fan_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "fan_imports_open_idx" ON "fan_imports" USING btree ("status","created_at") WHERE "fan_imports"."status" in ('queued', 'running');