CREATE TABLE "ledger_monthly_totals" (
	"month" date NOT NULL,
	"account" text NOT NULL,
	"currency" text NOT NULL,
	"slot" smallint NOT NULL,
	"debit_minor" bigint NOT NULL,
	"credit_minor" bigint NOT NULL,
	"entries" bigint NOT NULL,
	CONSTRAINT "ledger_monthly_totals_month_account_currency_slot_pk" PRIMARY KEY("month","account","currency","slot")
);
--> statement-breakpoint
-- Kept by the ledger itself, in the inserting transaction: one upsert per (month, account,
-- currency) an INSERT statement into ledger_entries touches, in key order (so two writers take
-- the rows' locks in the same order). `slot` is the backend's pid modulo 8, so concurrent
-- sessions posting in the same month mostly take different rows.
CREATE FUNCTION "fanbase_ledger_roll_up"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_monthly_totals AS m (month, account, currency, slot, debit_minor, credit_minor, entries)
    SELECT date_trunc('month', n.occurred_at AT TIME ZONE 'UTC')::date, n.account, n.currency, pg_backend_pid() % 8,
      coalesce(sum(n.amount_minor) FILTER (WHERE n.amount_minor > 0), 0),
      coalesce(-sum(n.amount_minor) FILTER (WHERE n.amount_minor < 0), 0),
      count(*)
    FROM new_entries n
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
  ON CONFLICT (month, account, currency, slot) DO UPDATE
    SET debit_minor = m.debit_minor + excluded.debit_minor,
        credit_minor = m.credit_minor + excluded.credit_minor,
        entries = m.entries + excluded.entries;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Created before the backfill: from here on, inserts into ledger_entries wait for this migration
-- to commit, so the backfill below sees every entry not counted by the trigger, once.
CREATE TRIGGER "ledger_entries_monthly_totals" AFTER INSERT ON "ledger_entries" REFERENCING NEW TABLE AS "new_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_ledger_roll_up"();--> statement-breakpoint
INSERT INTO ledger_monthly_totals (month, account, currency, slot, debit_minor, credit_minor, entries)
  SELECT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, account, currency, 0,
    coalesce(sum(amount_minor) FILTER (WHERE amount_minor > 0), 0),
    coalesce(-sum(amount_minor) FILTER (WHERE amount_minor < 0), 0),
    count(*)
  FROM ledger_entries
  GROUP BY 1, 2, 3;--> statement-breakpoint
-- Only the trigger above writes the totals (it runs one trigger level down); a hand-written
-- INSERT, UPDATE or DELETE would make them disagree with the entries, so it is refused.
CREATE FUNCTION "fanbase_ledger_totals_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'ledger_monthly_totals is kept by the ledger: % is refused; post a ledger transaction instead', TG_OP USING ERRCODE = '55000';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER "ledger_monthly_totals_guard" BEFORE INSERT OR UPDATE OR DELETE ON "ledger_monthly_totals"
  FOR EACH ROW EXECUTE FUNCTION "fanbase_ledger_totals_guard"();
