// The one barrel: every module's tables, for drizzle-kit and the typed database handle.
export * from '../modules/auth/auth.table.ts';
export * from '../modules/staff/staff.table.ts';
export * from '../modules/fans/fans.table.ts';
export * from '../modules/timeline/timeline.table.ts';
export * from '../modules/channel/channel.table.ts';
export * from '../modules/articles/articles.table.ts';
export * from '../modules/wom/wom.table.ts';
export * from '../modules/insights/insights.table.ts';
export * from '../modules/segments/segments.table.ts';
export * from '../modules/loyalty/loyalty.table.ts';
export * from '../platform/jobs/jobs.table.ts';
export * from '../platform/stream/stream.table.ts';
export * from '../platform/workflows/workflows.table.ts';
export * from '../workflows/fan-import.table.ts';
export * from '../modules/ledger/ledger.table.ts';
export * from '../modules/payments/payments.table.ts';
export * from '../modules/memberships/memberships.table.ts';
