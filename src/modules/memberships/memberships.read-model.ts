/**
 * The tiers table as published for read-only SQL by other modules' repositories: a segment's
 * filter names tiers, and saving one checks that they exist.
 * Writes to tiers stay in memberships.repository.ts; nothing else may write through this.
 */
export { membershipTiers as membershipTiersReadModel } from './memberships.table.ts';
