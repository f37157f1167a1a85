import { requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { renderMarkdown } from '../../core/markdown.ts';
import { offsetOf, type Page } from '../../core/pagination.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { StockService } from '../store/stock.service.ts';
import { opensAtFor } from './festival-eligibility.ts';
import type { FestivalCatalogue, FestivalMembership } from './festival-ports.ts';
import type { FestivalItemRow, FestivalRepository, FestivalRow } from './festival.repository.ts';
import {
  toAdminFestivalDto,
  type AdminFestivalDto,
  type AdminFestivalListQuery,
  type FestivalInput,
  type ItemInput,
  type ItemTermsInput,
} from './festival.schemas.ts';
import type { FestivalSettlement } from './festival-settlement.ts';
import type { FestivalGate } from './gate/festival-gate.ts';

export type FestivalDeps = {
  repo: FestivalRepository;
  stock: StockService;
  catalogue: FestivalCatalogue;
  membership: FestivalMembership;
  gate: FestivalGate;
  settlement: FestivalSettlement;
};

const detailsOf = (input: FestivalInput) => ({
  name: input.name,
  slug: input.slug,
  descriptionMarkdown: input.descriptionMarkdown,
  descriptionHtml: renderMarkdown(input.descriptionMarkdown),
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  requiresReservation: input.requiresReservation,
  reservationsCloseAt: input.reservationsCloseAt,
});

/** The gate's counters for a festival item before the sale opens (nothing sold yet; a start-up sets them from the durable orders). */
const freshState = (item: FestivalItemRow) => ({ quota: item.quota, perFanLimit: item.perFanLimit, sold: 0, byFan: new Map<string, number>() });

/**
 * Staff's festivals: a draft is edited freely; publishing holds each item's quota out of its
 * variant's stock (`stock.hold`, all or none, in the publishing transaction) and loads the gate;
 * until the sale first opens (the start less the longest early access) staff may still change
 * items, quotas and dates (a quota change holds or releases the difference), or unpublish (the
 * holds go back); afterwards only the name and description change. Canceling gives the holds back.
 */
export function createFestivalService(deps: FestivalDeps) {
  const { repo, stock, catalogue, membership, gate } = deps;

  async function load(ctx: Ctx, id: string): Promise<FestivalRow> {
    const row = await repo.findById(ctx.db, id);
    if (!row) throw new AppError('festival.not_found');
    return row;
  }
  const firstOpensAt = async (ctx: Ctx, f: Pick<FestivalRow, 'startsAt'>) => opensAtFor(f.startsAt, await membership.longestEarlyAccessMinutes(ctx));

  /** Staff's view: items with their variants, reservations (the forecast) and what the gate has left. Cost: 3 queries + the catalogue's. */
  async function dtos(ctx: Ctx, rows: FestivalRow[]): Promise<AdminFestivalDto[]> {
    const ids = rows.map((r) => r.id);
    const [items, counts, longest] = await Promise.all([repo.itemsOf(ctx.db, ids), repo.counts(ctx.db, ids), membership.longestEarlyAccessMinutes(ctx)]);
    const variants = await catalogue.variants(ctx, [...new Set(items.map((i) => i.variantId))]);
    const published = new Set(rows.filter((r) => r.status === 'published').map((r) => r.id));
    const remaining = new Map<string, number | null>(
      await Promise.all(items.map(async (i) => [i.id, published.has(i.festivalId) ? ((await gate.remaining(i.id)) ?? i.quota) : null] as const)),
    );
    return rows.map((f) =>
      toAdminFestivalDto(
        f,
        items.filter((i) => i.festivalId === f.id),
        { variants, reservations: counts.perItem, reservedFans: counts.fans.get(f.id) ?? 0, remaining, firstOpensAt: opensAtFor(f.startsAt, longest) },
      ),
    );
  }
  const dto = async (ctx: Ctx, id: string) => (await dtos(ctx, [await load(ctx, id)]))[0]!;

  /** Items may change in a draft, or in a published festival before the sale first opens. */
  async function requireEditable(ctx: Ctx, f: FestivalRow): Promise<void> {
    if (f.status === 'canceled') throw new AppError('festival.canceled');
    if (ctx.now() >= f.endsAt) throw new AppError('festival.ended');
    if (f.status === 'published' && ctx.now() >= (await firstOpensAt(ctx, f))) throw new AppError('festival.sale_opened');
  }

  async function variantFor(ctx: Ctx, variantId: string, priceMinor: number) {
    const v = (await catalogue.variants(ctx, [variantId])).get(variantId);
    if (!v) throw new AppError('store.variant_not_found');
    if (priceMinor > v.priceMinor) throw new AppError('festival.price_above_list', { sku: v.sku, listMinor: v.priceMinor });
    return v;
  }

  async function write<T>(ctx: Ctx, slug: string | undefined, fn: (tx: Ctx) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(ctx, fn);
    } catch (err) {
      if (slug && isUniqueViolation(err)) throw new AppError('festival.slug_taken', { slug });
      throw err;
    }
  }
  async function checkSlug(ctx: Ctx, slug: string, self?: string) {
    const other = await repo.findBySlug(ctx.db, slug);
    if (other && other.id !== self) throw new AppError('festival.slug_taken', { slug });
  }

  return {
    async list(ctx: Ctx, q: AdminFestivalListQuery): Promise<Page<AdminFestivalDto>> {
      requireStaff(ctx);
      const { rows, total } = await repo.list(ctx.db, { status: q.status, limit: q.pageSize, offset: offsetOf(q) });
      return { items: await dtos(ctx, rows), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: Ctx, id: string): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      return dto(ctx, id);
    },

    /** A new draft, without items. */
    async create(ctx: Ctx, input: FestivalInput): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      await checkSlug(ctx, input.slug);
      const now = ctx.now();
      const id = newId();
      await write(ctx, input.slug, (tx) =>
        repo.insert(tx.db, { id, ...detailsOf(input), createdBy: tx.actor.kind === 'staff' ? tx.actor.staffId : null, createdAt: now, updatedAt: now }),
      );
      return dto(ctx, id);
    },

    /**
     * Replaces the details. Published: before the sale opens, and the new start must be in the
     * future; after it opens, only the name, address and description may change.
     */
    async update(ctx: Ctx, id: string, input: FestivalInput): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      const f = await load(ctx, id);
      if (f.status === 'canceled') throw new AppError('festival.canceled');
      await checkSlug(ctx, input.slug, id);
      const timesChanged =
        input.startsAt.getTime() !== f.startsAt.getTime() ||
        input.endsAt.getTime() !== f.endsAt.getTime() ||
        input.requiresReservation !== f.requiresReservation ||
        (input.reservationsCloseAt?.getTime() ?? null) !== (f.reservationsCloseAt?.getTime() ?? null);
      if (f.status === 'published' && timesChanged) {
        await requireEditable(ctx, f);
        if (ctx.now() >= (await firstOpensAt(ctx, input))) throw new AppError('festival.starts_in_past');
      }
      await write(ctx, input.slug, (tx) => repo.update(tx.db, id, { ...detailsOf(input), updatedAt: tx.now() }));
      return dto(ctx, id);
    },

    /** Adds a SKU; published, its quota is held at once (409 store.out_of_stock when short). */
    async addItem(ctx: Ctx, id: string, input: ItemInput): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      const f = await load(ctx, id);
      await requireEditable(ctx, f);
      const v = await variantFor(ctx, input.variantId, input.priceMinor);
      if (await repo.findItemByVariant(ctx.db, id, v.id)) throw new AppError('festival.item_taken', { sku: v.sku });
      const now = ctx.now();
      const item = await inTransaction(ctx, async (tx) => {
        const row = await repo
          .insertItem(tx.db, {
            id: newId(),
            festivalId: id,
            variantId: v.id,
            priceMinor: input.priceMinor,
            currency: v.currency,
            quota: input.quota,
            perFanLimit: input.perFanLimit,
            position: input.position,
            createdAt: now,
            updatedAt: now,
          })
          .catch((err: unknown) => {
            throw isUniqueViolation(err) ? new AppError('festival.item_taken', { sku: v.sku }) : err;
          });
        if (f.status === 'published') await stock.hold(tx, [{ variantId: v.id, quantity: row.quota }]);
        await repo.update(tx.db, id, { updatedAt: now });
        return row;
      });
      if (f.status === 'published') await gate.load(item.id, freshState(item));
      return dto(ctx, id);
    },

    /** Changes an item's price, quota, limit or place; published, a quota change holds or releases the difference. */
    async updateItem(ctx: Ctx, id: string, itemId: string, input: ItemTermsInput): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      const f = await load(ctx, id);
      const item = await repo.findItem(ctx.db, id, itemId);
      if (!item) throw new AppError('festival.item_not_found');
      await requireEditable(ctx, f);
      await variantFor(ctx, item.variantId, input.priceMinor);
      const diff = input.quota - item.quota;
      const updated = await inTransaction(ctx, async (tx) => {
        const row = await repo.updateItem(tx.db, itemId, { ...input, updatedAt: tx.now() });
        if (f.status === 'published' && diff > 0) await stock.hold(tx, [{ variantId: item.variantId, quantity: diff }]);
        if (f.status === 'published' && diff < 0) await stock.release(tx, [{ variantId: item.variantId, quantity: -diff }]);
        await repo.update(tx.db, id, { updatedAt: tx.now() });
        return row!;
      });
      // Before the sale opens no attempt has run: the gate takes the new terms whole.
      if (f.status === 'published') await gate.reconcile(itemId, freshState(updated));
      return dto(ctx, id);
    },

    /** Removes an item (its reservations with it); published, its quota goes back to the store. */
    async removeItem(ctx: Ctx, id: string, itemId: string): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      const f = await load(ctx, id);
      const item = await repo.findItem(ctx.db, id, itemId);
      if (!item) throw new AppError('festival.item_not_found');
      await requireEditable(ctx, f);
      if (f.status === 'published' && (await repo.itemsOf(ctx.db, [id])).length === 1) throw new AppError('festival.no_items');
      await inTransaction(ctx, async (tx) => {
        await repo.deleteItem(tx.db, itemId);
        if (f.status === 'published') await stock.release(tx, [{ variantId: item.variantId, quantity: item.quota }]);
        await repo.update(tx.db, id, { updatedAt: tx.now() });
      });
      if (f.status === 'published') await gate.drop(itemId);
      return dto(ctx, id);
    },

    /**
     * Publishes a draft: it needs an item, a start in the future (the sale's first opening, early
     * access included) and every variant on sale; each item's quota is held out of its variant's
     * stock in the same transaction (all or none: 409 store.out_of_stock names the short SKU).
     * Then the gate loads each item. Publishing a published festival changes nothing.
     */
    async publish(ctx: Ctx, id: string): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      const f = await load(ctx, id);
      if (f.status === 'published') return dto(ctx, id);
      if (f.status === 'canceled') throw new AppError('festival.canceled');
      const items = await repo.itemsOf(ctx.db, [id]);
      if (items.length === 0) throw new AppError('festival.no_items');
      if (ctx.now() >= (await firstOpensAt(ctx, f))) throw new AppError('festival.starts_in_past');
      const variants = await catalogue.variants(
        ctx,
        items.map((i) => i.variantId),
      );
      for (const i of items) {
        const v = variants.get(i.variantId);
        if (!v?.onSale) throw new AppError('festival.variant_not_on_sale', { sku: v?.sku ?? i.variantId });
      }
      // A publish or cancel at the same moment moved it first: that one holds (or not), this one changes nothing.
      const moved = await inTransaction(ctx, async (tx) => {
        if (!(await repo.moveStatus(tx.db, id, 'draft', 'published', tx.now()))) return false;
        await stock.hold(
          tx,
          items.map((i) => ({ variantId: i.variantId, quantity: i.quota })),
        );
        return true;
      });
      if (moved) for (const i of items) await gate.load(i.id, freshState(i));
      return dto(ctx, id);
    },

    /** Back to a draft before the sale opens: the holds go back to the store, the gate forgets the items. */
    async unpublish(ctx: Ctx, id: string): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      const f = await load(ctx, id);
      if (f.status === 'draft') return dto(ctx, id);
      await requireEditable(ctx, f);
      await releaseAll(ctx, f, 'draft');
      return dto(ctx, id);
    },

    /** Cancels a draft or a festival not over yet; a published one's holds go back to the store. */
    async cancel(ctx: Ctx, id: string): Promise<AdminFestivalDto> {
      requireStaff(ctx);
      const f = await load(ctx, id);
      if (f.status === 'canceled') return dto(ctx, id);
      if (ctx.now() >= f.endsAt) throw new AppError('festival.ended');
      if (f.status === 'draft') {
        await repo.moveStatus(ctx.db, id, 'draft', 'canceled', ctx.now());
        return dto(ctx, id);
      }
      await releaseAll(ctx, f, 'canceled');
      return dto(ctx, id);
    },
  };

  /**
   * Moves a published festival to `to`. Back to a draft (before the sale opened: nothing sold)
   * every quota goes back to the store; canceled, the festival settles: what no order holds goes
   * back, and units of orders still unpaid follow when those expire.
   */
  async function releaseAll(ctx: Ctx, f: FestivalRow, to: 'draft' | 'canceled') {
    // Another unpublish or cancel at the same moment moved it first: it released the holds.
    const items = await inTransaction(ctx, async (tx) => {
      if (!(await repo.moveStatus(tx.db, f.id, 'published', to, tx.now()))) return [];
      if (to === 'canceled') {
        await deps.settlement.settle(tx, f.id);
        return [];
      }
      const held = await repo.itemsOf(tx.db, [f.id]);
      await stock.release(
        tx,
        held.map((i) => ({ variantId: i.variantId, quantity: i.quota - i.sold })).filter((m) => m.quantity > 0),
      );
      return held;
    });
    for (const i of items) await gate.drop(i.id);
  }
}
export type FestivalService = ReturnType<typeof createFestivalService>;
