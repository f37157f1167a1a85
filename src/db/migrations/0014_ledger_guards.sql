-- The ledger is the record every money report reads, so the database itself holds its two rules;
-- a bug or a hand-written statement cannot break them.
--
-- 1. Balanced: the entries of a transaction sum to zero per currency, and a transaction has at
--    least two entries. The check runs at COMMIT (constraint triggers, DEFERRABLE INITIALLY
--    DEFERRED), once all of a transaction's entries are in: checked per INSERT, the first entry
--    would always be unbalanced. It fires for a new transaction row (so a transaction without
--    entries is refused) and for every new entry (so entries added later to a committed
--    transaction are refused too).
CREATE FUNCTION "fanbase_ledger_check_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx_id uuid;
  entry_count int;
  unbalanced text;
BEGIN
  IF TG_TABLE_NAME = 'ledger_transactions' THEN
    tx_id := NEW.id;
  ELSE
    tx_id := NEW.transaction_id;
  END IF;
  SELECT count(*) INTO entry_count FROM ledger_entries WHERE transaction_id = tx_id;
  IF entry_count < 2 THEN
    RAISE EXCEPTION 'ledger transaction % has % entries; it needs at least two', tx_id, entry_count USING ERRCODE = '23514';
  END IF;
  SELECT string_agg(currency || ' ' || total, ', ') INTO unbalanced
    FROM (SELECT currency, sum(amount_minor) AS total FROM ledger_entries WHERE transaction_id = tx_id GROUP BY currency HAVING sum(amount_minor) <> 0) s;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % is unbalanced (%): debits and credits must sum to zero per currency', tx_id, unbalanced USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_transactions_balanced" AFTER INSERT ON "ledger_transactions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "fanbase_ledger_check_balanced"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "fanbase_ledger_check_balanced"();--> statement-breakpoint
-- 2. Append-only: money history is never edited or removed. A correction is a new transaction
--    (a reversal or an adjustment), so every report can be re-run and agrees with the past.
CREATE FUNCTION "fanbase_ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is refused; post a correcting transaction instead', TG_TABLE_NAME, TG_OP USING ERRCODE = '55000';
END $$;--> statement-breakpoint
CREATE TRIGGER "ledger_transactions_append_only" BEFORE UPDATE OR DELETE ON "ledger_transactions"
  FOR EACH ROW EXECUTE FUNCTION "fanbase_ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "fanbase_ledger_append_only"();--> statement-breakpoint
-- 3. Backfill: the fee of every sponsored article published before the ledger existed, as of its
--    first publication (source article_fee, source id <articleId>:1), so the ledger's total per
--    article equals its current fee from the start.
INSERT INTO "ledger_transactions" ("id", "source", "source_id", "fan_id", "memo", "occurred_at")
  SELECT gen_random_uuid(), 'article_fee', a.id || ':1', NULL, 'Sponsored article fee', a.first_published_at
  FROM "articles" a
  WHERE a.kind = 'sponsored' AND a.first_published_at IS NOT NULL AND a.ad_fee_minor > 0;--> statement-breakpoint
INSERT INTO "ledger_entries" ("transaction_id", "entry_index", "account", "amount_minor", "currency", "occurred_at")
  SELECT t.id, e.entry_index, e.account, e.sign * a.ad_fee_minor, a.ad_fee_currency, t.occurred_at
  FROM "ledger_transactions" t
  JOIN "articles" a ON t.source = 'article_fee' AND t.source_id = a.id || ':1'
  CROSS JOIN (VALUES (0, 'ads_receivable', 1), (1, 'ad_revenue', -1)) AS e(entry_index, account, sign);
