/**
 * The fans table as published for read-only SQL joins by other modules' repositories. Segment
 * evaluation and export must stay one indexed statement over a million fans (text search
 * joins fans by id), which a service round trip per page would not be. Writes to fans stay in
 * fans.repository.ts; nothing else may write through this.
 */
export { fans as fansReadModel } from './fans.table.ts';
