/**
 * The CRM row per fan (fan_signals: follow state, activity recency, level) as published for
 * read-only SQL by other modules' repositories: a segment count is one index-only scan over this
 * narrow table. Loyalty's consumer and the fans trigger write it; nobody else.
 */
export { fanSignals as fanSignalsReadModel } from './loyalty.table.ts';
