import { requireFan } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { AttemptAnswer, AttemptStats } from './board/attempt-stats.ts';
import type { ChallengeAnswer } from './bot-checks/attempt-challenge.ts';
import type { BotPolicy } from './bot-checks/bot-policy.ts';
import { createEarlyAccessCache, createRecentOrders, createReservationBook } from './attempt-caches.ts';
import { eligibilityOf } from './festival-eligibility.ts';
import type { FestivalCatalogue, FestivalMembership } from './festival-ports.ts';
import type { FestivalItemRow, FestivalRepository, FestivalRow } from './festival.repository.ts';
import type { FestivalSettlement } from './festival-settlement.ts';
import { ItemNotLoadedError, type FestivalGate } from './gate/festival-gate.ts';
import type { OrderWriter, WriterItem, WrittenOrder } from './order-writer.ts';

export type AttemptResult =
  { answer: 'won'; order: WrittenOrder } | { answer: 'sold_out' | 'limit_reached' | 'not_started' | 'ended' | 'not_eligible'; reason?: string; opensAt?: string };

type Entry = {
  festival: FestivalRow;
  items: Map<string, { row: FestivalItemRow; writer: WriterItem }>;
  /** The longest early access of any tier on offer, read with the festival. */
  longestEarlyAccessMinutes: number;
  loadedAt: number;
};
const CATALOGUE_TTL_MS = 1_000;

/**
 * Purchase attempts (issue 11 items 6 and 7): the bot checks first (per fan and per browser:
 * pass, prove work, or wait), eligibility from the same pure rules as the fan page, then the gate
 * admits exactly the quota and the per-fan limit, then the order writer makes the order durable —
 * `won` is answered only after its batch commits. A warm fan's attempt reads nothing before the
 * writer: the festival, its items and the longest early access come from an in-process catalogue
 * refreshed at most every second, the fan's early access from a 30-second LRU, reservations from
 * a book frozen at their close, and a retried key's order from an LRU (attempt-caches.ts).
 */
export function createFestivalAttempts(deps: {
  repo: FestivalRepository;
  catalogue: FestivalCatalogue;
  membership: FestivalMembership;
  gate: FestivalGate;
  settlement: Pick<FestivalSettlement, 'loadItem'>;
  writer: OrderWriter;
  stats: AttemptStats;
  bots: BotPolicy;
  paymentWindowMinutes: number;
  /** Attempts waiting for the writer above which new ones are answered `busy` (429). */
  maxPending: number;
  /** How long the festival, its items and the longest early access are kept (1 s; specs counting statements keep them longer). */
  catalogueTtlMs?: number;
}) {
  const { repo, gate, writer, stats, bots } = deps;
  const cache = new Map<string, Entry>();
  const earlyAccess = createEarlyAccessCache(deps.membership);
  const reservations = createReservationBook(repo);
  const recent = createRecentOrders();

  const loading = new Map<string, Promise<Entry>>();

  /**
   * The festival and its items, at most a second old; `fresh` reads them again (an item not known
   * yet). One read per slug at a time: attempts arriving while it runs wait for it (or keep the
   * stale entry), so a thousand attempts in flight when the entry ages make one read, not a thousand.
   */
  function entryOf(ctx: Ctx, slug: string, fresh = false): Promise<Entry> {
    const cached = cache.get(slug);
    if (!fresh && cached && Date.now() - cached.loadedAt < (deps.catalogueTtlMs ?? CATALOGUE_TTL_MS)) return Promise.resolve(cached);
    const running = loading.get(slug);
    if (running) return !fresh && cached ? Promise.resolve(cached) : running;
    const read = readEntry(ctx, slug).finally(() => loading.delete(slug));
    loading.set(slug, read);
    return !fresh && cached ? read.catch(() => cached) : read;
  }

  async function readEntry(ctx: Ctx, slug: string): Promise<Entry> {
    const festival = await repo.findBySlug(ctx.db, slug);
    if (!festival || festival.status === 'draft') throw new AppError('festival.not_found');
    const [rows, longestEarlyAccessMinutes] = await Promise.all([repo.itemsOf(ctx.db, [festival.id]), deps.membership.longestEarlyAccessMinutes(ctx)]);
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
    const entry = { festival, items, longestEarlyAccessMinutes, loadedAt: Date.now() };
    cache.set(slug, entry);
    return entry;
  }

  return {
    /**
     * One fan's try for `quantity` units of one item, keyed by the fan's Idempotency-Key: the same
     * key again answers the order it made (also from another server process: looked up by key).
     * `visitorId` is the browser's (its fb_vid cookie); `input.challenge` a solved proof of work
     * when the previous answer asked for one. Refused by the bot checks: 403
     * festival.challenge_required / challenge_invalid (with a new challenge), 429 too_many_attempts.
     */
    async attempt(
      ctx: Ctx,
      slug: string,
      itemId: string,
      input: { quantity: number; challenge?: ChallengeAnswer | undefined },
      key: string | null,
      visitorId: string | null = null,
    ): Promise<AttemptResult> {
      const fanId = requireFan(ctx);
      if (key === null) throw new AppError('idempotency.key_required');
      const started = performance.now();
      let entry = await entryOf(ctx, slug);
      if (!entry.items.has(itemId)) entry = await entryOf(ctx, slug, true);
      const { festival, items } = entry;
      const item = items.get(itemId);
      if (!item) throw new AppError('festival.item_not_found');
      if (input.quantity > item.row.perFanLimit) throw new AppError('festival.quantity_above_limit', { limit: item.row.perFanLimit });
      const record = (answer: AttemptAnswer, units?: number, reason?: string) =>
        stats.record(
          festival.id,
          { answer, ms: performance.now() - started, fanId, units, amountMinor: units ? units * item.row.priceMinor : undefined, ...(reason ? { reason } : {}) },
          ctx.now(),
        );
      const now = ctx.now();
      const verdict = await bots.check({ fanId, visitorId, festivalId: festival.id, ...(input.challenge ? { answer: input.challenge } : {}) }, now);
      if (verdict.kind !== 'allow') {
        // The report's kinds of refusal: refused outright, or a proof of work asked (and why).
        const rateLimited = verdict.kind === 'challenge' && (verdict.reason === 'fan_rate' || verdict.reason === 'visitor_rate');
        record('refused', undefined, verdict.kind === 'refuse' ? 'too_many_attempts' : rateLimited ? `challenge_${verdict.reason}` : 'challenge_invalid');
        if (verdict.kind === 'refuse') {
          const windowMs = bots.limits.windowMs;
          throw new AppError('festival.too_many_attempts', { retryAfterSeconds: Math.max(1, Math.ceil((windowMs - (now.getTime() % windowMs)) / 1000)) });
        }
        if (verdict.reason === 'fan_rate' || verdict.reason === 'visitor_rate')
          throw new AppError('festival.challenge_required', { challenge: verdict.challenge, reason: verdict.reason });
        throw new AppError('festival.challenge_invalid', { challenge: verdict.challenge, reason: verdict.reason });
      }
      const remembered = recent.get(fanId, key);
      if (remembered) {
        record('won', input.quantity);
        return { answer: 'won', order: remembered };
      }
      if (writer.pending >= deps.maxPending) {
        record('busy');
        throw new AppError('festival.busy', { retryAfterSeconds: 1 });
      }
      const [earlyAccessMinutes, reserved] = await Promise.all([earlyAccess.of(ctx, fanId), reservations.reserved(ctx, festival, fanId, itemId, now)]);
      const e = eligibilityOf({ now, festival, earlyAccessMinutes, longestEarlyAccessMinutes: entry.longestEarlyAccessMinutes, reserved });
      if (e.state !== 'open') {
        record(e.state);
        return { answer: e.state, ...(e.state === 'not_eligible' ? { reason: e.reason } : {}), opensAt: e.opensAt.toISOString() };
      }
      const admitted = await gate.attempt(itemId, fanId, input.quantity, key).catch(async (err: unknown) => {
        // Published by another server process: this one's gate never held the item.
        if (!(err instanceof ItemNotLoadedError) || item.row.settledAt) throw err;
        await deps.settlement.loadItem(ctx, item.row);
        return gate.attempt(itemId, fanId, input.quantity, key);
      });
      if (admitted !== 'won') {
        // A retry of an attempt that won (its units hold the limit): the order it made.
        if (admitted === 'limit_reached') {
          const existing = await writer.existing(fanId, key);
          if (existing) {
            recent.set(fanId, key, existing);
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
        await gate.release(itemId, fanId, input.quantity, key);
        throw err;
      }
      if (written.kind !== 'written') await gate.release(itemId, fanId, input.quantity, key);
      else
        void gate
          .landed(itemId, fanId, key)
          .catch((err: unknown) => ctx.log.warn({ err }, 'festival: an order landed, its gate record stays (the reaper forgets it)'));
      if (written.kind === 'written' || written.kind === 'existing') {
        recent.set(fanId, key, written.order);
        record('won', input.quantity);
        return { answer: 'won', order: written.order };
      }
      record(written.kind);
      return { answer: written.kind };
    },
  };
}
export type FestivalAttempts = ReturnType<typeof createFestivalAttempts>;
