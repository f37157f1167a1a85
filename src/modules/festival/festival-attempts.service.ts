import { requireFan, requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { FestivalBoardDto } from './festival-attempts.schemas.ts';
import type { AttemptAnswer, AttemptStats } from './board/attempt-stats.ts';
import { eligibilityOf } from './festival-eligibility.ts';
import type { FestivalCatalogue, FestivalMembership } from './festival-ports.ts';
import type { FestivalItemRow, FestivalRepository, FestivalRow } from './festival.repository.ts';
import type { FestivalGate } from './gate/festival-gate.ts';
import type { OrderWriter, WriterItem, WrittenOrder } from './order-writer.ts';

export type AttemptResult =
  { answer: 'won'; order: WrittenOrder } | { answer: 'sold_out' | 'limit_reached' | 'not_started' | 'ended' | 'not_eligible'; reason?: string; opensAt?: string };

type Entry = { festival: FestivalRow; items: Map<string, { row: FestivalItemRow; writer: WriterItem }>; loadedAt: number };
const CATALOGUE_TTL_MS = 1_000;

/**
 * Purchase attempts (issue 11 item 7): eligibility from the same pure rules as the fan page, then
 * the gate admits exactly the quota and the per-fan limit, then the order writer makes the order
 * durable — `won` is answered only after its batch commits. The festival and its items come from
 * an in-process catalogue refreshed at most every second (no query per attempt for them).
 */
export function createFestivalAttempts(deps: {
  repo: FestivalRepository;
  catalogue: FestivalCatalogue;
  membership: FestivalMembership;
  gate: FestivalGate;
  writer: OrderWriter;
  stats: AttemptStats;
  paymentWindowMinutes: number;
  /** Attempts waiting for the writer above which new ones are answered `busy` (429). */
  maxPending: number;
}) {
  const { repo, gate, writer, stats } = deps;
  const cache = new Map<string, Entry>();

  const loading = new Map<string, Promise<Entry>>();

  /**
   * The festival and its items, at most a second old; `fresh` reads them again (an item not known
   * yet). One read per slug at a time: attempts arriving while it runs wait for it (or keep the
   * stale entry), so a thousand attempts in flight when the entry ages make one read, not a thousand.
   */
  function entryOf(ctx: Ctx, slug: string, fresh = false): Promise<Entry> {
    const cached = cache.get(slug);
    if (!fresh && cached && Date.now() - cached.loadedAt < CATALOGUE_TTL_MS) return Promise.resolve(cached);
    const running = loading.get(slug);
    if (running) return !fresh && cached ? Promise.resolve(cached) : running;
    const read = readEntry(ctx, slug).finally(() => loading.delete(slug));
    loading.set(slug, read);
    return !fresh && cached ? read.catch(() => cached) : read;
  }

  async function readEntry(ctx: Ctx, slug: string): Promise<Entry> {
    const festival = await repo.findBySlug(ctx.db, slug);
    if (!festival || festival.status === 'draft') throw new AppError('festival.not_found');
    const rows = await repo.itemsOf(ctx.db, [festival.id]);
    const variants = await deps.catalogue.variants(
      ctx,
      rows.map((r) => r.variantId),
    );
    const items = new Map<string, { row: FestivalItemRow; writer: WriterItem }>();
    for (const row of rows) {
      const v = variants.get(row.variantId);
      if (!v) continue;
      items.set(row.id, {
        row,
        writer: {
          id: row.id,
          festivalId: festival.id,
          perFanLimit: row.perFanLimit,
          priceMinor: row.priceMinor,
          currency: row.currency,
          variantId: v.id,
          listPriceMinor: v.priceMinor,
          sku: v.sku,
          variantName: v.name,
          product: { id: v.product.id, slug: v.product.slug, title: v.product.title, image: v.product.image },
        },
      });
    }
    const entry = { festival, items, loadedAt: Date.now() };
    cache.set(slug, entry);
    return entry;
  }

  return {
    /** Staff: the board's figures and, per item, units sold (durable) and left (the gate). Cost: 2 queries, one gate read per item. */
    async board(ctx: Ctx, festivalId: string): Promise<FestivalBoardDto> {
      requireStaff(ctx);
      const f = await repo.findById(ctx.db, festivalId);
      if (!f) throw notFound('festival.not_found');
      const [figures, items] = await Promise.all([stats.figures(f.id, ctx.now(), 60), repo.itemsOf(ctx.db, [f.id])]);
      const remaining = await Promise.all(items.map((i) => gate.remaining(i.id)));
      return {
        festivalId: f.id,
        figures,
        items: items.map((i, n) => ({ id: i.id, quota: i.quota, sold: i.sold, remaining: remaining[n] ?? i.quota - i.sold })),
      };
    },

    /**
     * One fan's try for `quantity` units of one item, keyed by the fan's Idempotency-Key: the same
     * key again answers the order it made (also from another server process: looked up by key).
     */
    async attempt(ctx: Ctx, slug: string, itemId: string, input: { quantity: number }, key: string | null): Promise<AttemptResult> {
      const fanId = requireFan(ctx);
      if (key === null) throw new AppError('idempotency.key_required');
      const started = performance.now();
      let entry = await entryOf(ctx, slug);
      if (!entry.items.has(itemId)) entry = await entryOf(ctx, slug, true);
      const { festival, items } = entry;
      const item = items.get(itemId);
      if (!item) throw new AppError('festival.item_not_found');
      if (input.quantity > item.row.perFanLimit) throw new AppError('festival.quantity_above_limit', { limit: item.row.perFanLimit });
      const record = (answer: AttemptAnswer, units?: number) =>
        stats.record(
          festival.id,
          { answer, ms: performance.now() - started, fanId, units, amountMinor: units ? units * item.row.priceMinor : undefined },
          ctx.now(),
        );
      if (writer.pending >= deps.maxPending) {
        record('busy');
        throw new AppError('festival.busy', { retryAfterSeconds: 1 });
      }
      const [earlyAccessMinutes, longestEarlyAccessMinutes, reserved] = await Promise.all([
        deps.membership.earlyAccessMinutes(ctx),
        deps.membership.longestEarlyAccessMinutes(ctx),
        festival.requiresReservation ? repo.reservedBy(ctx.db, festival.id, fanId).then((s) => s.has(itemId)) : Promise.resolve(true),
      ]);
      const now = ctx.now();
      const e = eligibilityOf({ now, festival, earlyAccessMinutes, longestEarlyAccessMinutes, reserved });
      if (e.state !== 'open') {
        record(e.state);
        return { answer: e.state, ...(e.state === 'not_eligible' ? { reason: e.reason } : {}), opensAt: e.opensAt.toISOString() };
      }
      const admitted = await gate.attempt(itemId, fanId, input.quantity);
      if (admitted !== 'won') {
        // A retry of an attempt that won (its units hold the limit): the order it made.
        if (admitted === 'limit_reached') {
          const existing = await writer.existing(fanId, key);
          if (existing) {
            record('won', input.quantity);
            return { answer: 'won', order: existing };
          }
        }
        record(admitted);
        return { answer: admitted };
      }
      let written;
      try {
        written = await writer.write({
          fanId,
          key,
          item: item.writer,
          quantity: input.quantity,
          at: now,
          paymentDeadline: new Date(now.getTime() + deps.paymentWindowMinutes * 60_000),
        });
      } catch (err) {
        await gate.release(itemId, fanId, input.quantity);
        throw err;
      }
      if (written.kind !== 'written') await gate.release(itemId, fanId, input.quantity);
      if (written.kind === 'written' || written.kind === 'existing') {
        record('won', input.quantity);
        return { answer: 'won', order: written.order };
      }
      record(written.kind);
      return { answer: written.kind };
    },
  };
}
export type FestivalAttempts = ReturnType<typeof createFestivalAttempts>;
