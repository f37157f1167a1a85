import { Readable } from 'node:stream';
import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { csvWriter } from '../../core/csv.ts';
import { notFound } from '../../core/errors.ts';
import type { FestivalCatalogue } from './festival-ports.ts';
import type { BuyerKey, FestivalReportRepository, OrderFigureRow, ReservationRow } from './festival-report.repository.ts';
import { REPORT_CSV_COLUMNS, type FestivalReportDto } from './festival-report.schemas.ts';
import type { FestivalRepository } from './festival.repository.ts';

/** What a row of the report adds up: the order figures and the reservations, without who and which item. */
type Counts = Omit<OrderFigureRow, keyof BuyerKey | 'itemId'> & Omit<ReservationRow, keyof BuyerKey | 'itemId'>;
const LEVELS = [0, 1, 2, 3, 4] as const;
const zero = (): Counts => ({ reservations: 0, reservationsOrdered: 0, orders: 0, paid: 0, expired: 0, fanCanceled: 0, refunded: 0, unitsSold: 0, gmvMinor: 0 });
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const withRates = <T extends Counts>(c: T) => ({ ...c, orderRate: ratio(c.reservationsOrdered, c.reservations), paidRate: ratio(c.paid, c.orders) });
const addOrders = (to: Counts, r: OrderFigureRow) => {
  for (const k of ['orders', 'paid', 'expired', 'fanCanceled', 'refunded', 'unitsSold', 'gmvMinor'] as const) to[k] += r[k];
};

/**
 * The after-festival report (issue 11 item 9): per item and in total, reservations → orders →
 * paid with their ratios, unpaid expiries, fan cancels, refunds, units sold and GMV, and the bot
 * checks' refusals; broken down by the tier the buyer holds now and their loyalty level now.
 * Cost: 4 queries (the festival, its items, then orders, reservations and refusals grouped in SQL)
 * and one catalogue read for the items' names.
 */
export function createFestivalReport(deps: { repo: FestivalRepository; reports: FestivalReportRepository; catalogue: FestivalCatalogue }) {
  async function report(ctx: Ctx, festivalId: string): Promise<FestivalReportDto> {
    requireStaff(ctx);
    const f = await deps.repo.findById(ctx.db, festivalId);
    if (!f) throw notFound('festival.not_found');
    const [items, orders, reservations, refusals] = await Promise.all([
      deps.repo.itemsOf(ctx.db, [f.id]),
      deps.reports.orderFigures(ctx.db, f.id),
      deps.reports.reservations(ctx.db, f.id),
      deps.reports.refusals(ctx.db, f.id),
    ]);
    const variants = await deps.catalogue.variants(
      ctx,
      items.map((i) => i.variantId),
    );
    const perItem = new Map(items.map((i) => [i.id, zero()]));
    const total = { ...zero(), refusals: 0 };
    const tiers = new Map<string, Counts & { tierId: string | null; tierName: string | null; refusals: number }>();
    const levels = new Map(LEVELS.map((l) => [l as number, { ...zero(), level: l as number, refusals: 0 }]));
    const tierOf = (r: { tierId: string | null; tierName: string | null }) => {
      const key = r.tierId ?? '';
      let t = tiers.get(key);
      if (!t) tiers.set(key, (t = { ...zero(), tierId: r.tierId, tierName: r.tierName, refusals: 0 }));
      return t;
    };
    const levelOf = (level: number) => levels.get(Math.min(4, Math.max(0, level)))!;
    for (const r of orders) {
      for (const to of [perItem.get(r.itemId), total, tierOf(r), levelOf(r.level)]) if (to) addOrders(to, r);
    }
    for (const r of reservations) {
      for (const to of [perItem.get(r.itemId), total, tierOf(r), levelOf(r.level)])
        if (to) {
          to.reservations += r.reservations;
          to.reservationsOrdered += r.reservationsOrdered;
        }
    }
    const kinds = new Map<string, number>();
    for (const r of refusals) {
      for (const to of [total, tierOf(r), levelOf(r.level)]) to.refusals += r.refusals;
      kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + r.refusals);
    }
    return {
      festivalId: f.id,
      name: f.name,
      startsAt: f.startsAt.toISOString(),
      endsAt: f.endsAt.toISOString(),
      ended: ctx.now() >= f.endsAt || f.status === 'canceled',
      currency: items[0]?.currency ?? 'CNY',
      breakdownAt: 'now',
      items: items.map((i) => {
        const v = variants.get(i.variantId);
        return { id: i.id, sku: v?.sku ?? '', title: v ? `${v.product.title} — ${v.name}` : '', quota: i.quota, ...withRates(perItem.get(i.id)!) };
      }),
      total: withRates(total),
      // Members first by name, then fans without a tier.
      byTier: [...tiers.values()].sort((a, b) => (a.tierName === null ? 1 : b.tierName === null ? -1 : a.tierName.localeCompare(b.tierName))).map(withRates),
      byLevel: [...levels.values()].map(withRates),
      refusalsByKind: [...kinds].map(([kind, n]) => ({ kind, refusals: n })).sort((a, b) => b.refusals - a.refusals),
    };
  }

  return {
    report,
    /** The same report as CSV rows (every text cell neutralised against spreadsheet formulas). */
    async csv(ctx: Ctx, festivalId: string): Promise<{ name: string; body: Readable }> {
      const r = await report(ctx, festivalId);
      type Row = Partial<Record<(typeof REPORT_CSV_COLUMNS)[number], string | number | null>>;
      const figures = (c: ReturnType<typeof withRates<Counts>> & { refusals?: number }): Row => ({
        reservations: c.reservations,
        reservations_ordered: c.reservationsOrdered,
        orders: c.orders,
        paid: c.paid,
        order_rate: c.orderRate,
        paid_rate: c.paidRate,
        expired: c.expired,
        fan_canceled: c.fanCanceled,
        refunded: c.refunded,
        units_sold: c.unitsSold,
        gmv_minor: c.gmvMinor,
        currency: r.currency,
        refusals: c.refusals ?? null,
      });
      const rows: Row[] = [
        ...r.items.map((i) => ({ scope: 'item', key: i.sku, name: i.title, ...figures(i) })),
        { scope: 'total', key: '', name: r.name, ...figures(r.total) },
        ...r.byTier.map((t) => ({ scope: 'tier', key: t.tierId ?? '', name: t.tierName ?? '', ...figures(t) })),
        ...r.byLevel.map((l) => ({ scope: 'level', key: String(l.level), name: '', ...figures(l) })),
        ...r.refusalsByKind.map((k) => ({ scope: 'refusal', key: k.kind, name: '', refusals: k.refusals })),
      ];
      return { name: r.name, body: Readable.from(rows).pipe(csvWriter([...REPORT_CSV_COLUMNS], { bom: true })) };
    },
  };
}
export type FestivalReport = ReturnType<typeof createFestivalReport>;
