/**
 * Orders and their lines as published for read-only SQL by other modules' repositories: the
 * festival's after-festival report counts its orders by item, status and buyer.
 * Writes stay in orders.repository.ts (and the festival's order writer, through it).
 */
export { orderLines as orderLinesReadModel, orders as ordersReadModel } from './orders.table.ts';
