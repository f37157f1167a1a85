CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"caller" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"claim_id" uuid NOT NULL,
	"locked_until" timestamp with time zone,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_caller_key_pk" PRIMARY KEY("scope","caller","key"),
	CONSTRAINT "idempotency_keys_status_check" CHECK ("idempotency_keys"."status" in ('in_progress', 'completed')),
	CONSTRAINT "idempotency_keys_key_length" CHECK (char_length("idempotency_keys"."key") between 1 and 200),
	CONSTRAINT "idempotency_keys_completed_has_response" CHECK ("idempotency_keys"."status" = 'in_progress' or ("idempotency_keys"."response_status" is not null and "idempotency_keys"."response_body" is not null))
);
--> statement-breakpoint
CREATE TABLE "workflow_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"idempotency_key" text,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "workflow_runs_status_check" CHECK ("workflow_runs"."status" in ('running', 'succeeded', 'failed', 'compensated', 'compensation_failed'))
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"step_id" text NOT NULL,
	"status" text NOT NULL,
	"output" jsonb,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"compensation" text,
	"compensation_error" text,
	"compensated_at" timestamp with time zone,
	CONSTRAINT "workflow_steps_run_id_position_pk" PRIMARY KEY("run_id","position"),
	CONSTRAINT "workflow_steps_status_check" CHECK ("workflow_steps"."status" in ('running', 'succeeded', 'failed')),
	CONSTRAINT "workflow_steps_compensation_check" CHECK ("workflow_steps"."compensation" is null or "workflow_steps"."compensation" in ('compensated', 'compensation_failed'))
);
--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "workflow_runs_started_idx" ON "workflow_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "workflow_runs_status_started_idx" ON "workflow_runs" USING btree ("status","started_at");--> statement-breakpoint
CREATE INDEX "workflow_runs_key_idx" ON "workflow_runs" USING btree ("idempotency_key") WHERE "workflow_runs"."idempotency_key" is not null;