-- The ledger's balance rule (migration 0014), checked with fewer trigger calls. 0014 queued a
-- check at COMMIT for the transaction row and for every entry row: a load of 1,000,000
-- transactions ran 3,000,000 checks of two queries each. Now:
--
-- 1. Each new ledger transaction is checked once, at COMMIT (a deferred constraint trigger, as
--    before): at least two entries, summing to zero per currency. This covers every entry
--    written in the same database transaction as its ledger transaction, in as many statements
--    as it takes.
-- 2. Each INSERT statement into ledger_entries is checked once, at its end (a statement trigger
--    over the inserted rows): entries for a ledger transaction that this database transaction
--    did not write (one committed earlier) must leave it balanced. A ledger transaction written
--    inside a savepoint is checked here too, at the end of each entries statement, besides at
--    COMMIT.
--
-- The guarantee is the one of 0014: nothing unbalanced, and no ledger transaction with fewer
-- than two entries, is ever committed. "Written by this database transaction" is its row's xmin
-- being the top-level transaction id; a row written by anyone else, or not visible, is checked.
DROP TRIGGER "ledger_entries_balanced" ON "ledger_entries";--> statement-breakpoint
DROP TRIGGER "ledger_transactions_balanced" ON "ledger_transactions";--> statement-breakpoint
DROP FUNCTION "fanbase_ledger_check_balanced"();--> statement-breakpoint
CREATE FUNCTION "fanbase_ledger_check_transaction"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry_count bigint;
  unbalanced text;
BEGIN
  SELECT coalesce(sum(s.n), 0), string_agg(CASE WHEN s.total <> 0 THEN s.currency || ' ' || s.total END, ', ' ORDER BY s.currency)
    INTO entry_count, unbalanced
    FROM (SELECT currency, sum(amount_minor) AS total, count(*) AS n FROM ledger_entries WHERE transaction_id = NEW.id GROUP BY currency) s;
  IF entry_count < 2 THEN
    RAISE EXCEPTION 'ledger transaction % has % entries; it needs at least two', NEW.id, entry_count USING ERRCODE = '23514';
  END IF;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % is unbalanced (%): debits and credits must sum to zero per currency', NEW.id, unbalanced USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_transactions_balanced" AFTER INSERT ON "ledger_transactions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "fanbase_ledger_check_transaction"();--> statement-breakpoint
CREATE FUNCTION "fanbase_ledger_check_appended"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx_id uuid;
  unbalanced text;
BEGIN
  SELECT s.transaction_id, string_agg(s.currency || ' ' || s.total, ', ' ORDER BY s.currency) INTO tx_id, unbalanced
    FROM (
      SELECT e.transaction_id, e.currency, sum(e.amount_minor) AS total
      FROM ledger_entries e
      WHERE e.transaction_id IN (
        SELECT n.transaction_id FROM new_entries n
        WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.id = n.transaction_id AND t.xmin = pg_current_xact_id()::xid))
      GROUP BY e.transaction_id, e.currency
      HAVING sum(e.amount_minor) <> 0
    ) s
    GROUP BY s.transaction_id
    LIMIT 1;
  IF tx_id IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % is unbalanced (%): debits and credits must sum to zero per currency', tx_id, unbalanced USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries" REFERENCING NEW TABLE AS "new_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "fanbase_ledger_check_appended"();
