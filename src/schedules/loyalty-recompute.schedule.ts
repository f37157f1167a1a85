/**
 * Every night at 03:00 UTC: rebuild loyalty signals from the activities and re-level every fan
 * (the recompute job, as a run staff see in the console; one for the whole cluster).
 */
export const LOYALTY_RECOMPUTE_SCHEDULE = '0 3 * * *';
