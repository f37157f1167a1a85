import { z } from 'zod';

const count = z.number().int();
const rate = z.number().nullable().describe('A ratio 0..1; null when there is nothing to divide by');

/** The funnel of one item, or of several: reservations → orders made → paid, and what became of the rest. */
const funnel = {
  reservations: count.describe('Fans who reserved (预约)'),
  reservationsOrdered: count.describe('Reservations whose fan then made an order of the item'),
  orders: count.describe('Festival orders made (won attempts)'),
  paid: count.describe('Orders paid (later refunds included)'),
  orderRate: rate.describe('reservationsOrdered ÷ reservations: how many reservations became an order'),
  paidRate: rate.describe('paid ÷ orders'),
  expired: count.describe('Orders canceled unpaid when the payment window closed'),
  fanCanceled: count.describe('Orders the fan canceled'),
  refunded: count.describe('Paid orders refunded, in full or in part'),
  unitsSold: count.describe('Units of paid orders, less units refunded'),
  gmvMinor: z.number().int().describe('Paid totals less refunds, in minor units of the report currency'),
};
const withRefusals = { ...funnel, refusals: count.describe('Attempts the bot checks refused') };

export const festivalReportDto = z.object({
  festivalId: z.uuid(),
  name: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Whether the festival is over (the console shows the report then). */
  ended: z.boolean(),
  currency: z.string(),
  /** Tiers and levels are the buyer's now, not at order time (festival orders carry neither). */
  breakdownAt: z.literal('now'),
  items: z.array(z.object({ id: z.uuid(), sku: z.string(), title: z.string(), quota: count, ...funnel })),
  total: z.object(withRefusals),
  byTier: z.array(z.object({ tierId: z.uuid().nullable(), tierName: z.string().nullable(), ...withRefusals })),
  byLevel: z.array(z.object({ level: z.number().int().min(0).max(4), ...withRefusals })),
  refusalsByKind: z.array(z.object({ kind: z.string(), refusals: count })),
});
export type FestivalReportDto = z.infer<typeof festivalReportDto>;

/** The CSV's columns, in order: one row per item, the total, each tier, each level, each kind of refusal. */
export const REPORT_CSV_COLUMNS = [
  'scope',
  'key',
  'name',
  'reservations',
  'reservations_ordered',
  'orders',
  'paid',
  'order_rate',
  'paid_rate',
  'expired',
  'fan_canceled',
  'refunded',
  'units_sold',
  'gmv_minor',
  'currency',
  'refusals',
] as const;
