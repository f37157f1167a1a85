import { LRUCache } from 'lru-cache';
import type { Ctx } from '../../core/context.ts';
import type { FestivalMembership } from './festival-ports.ts';
import type { FestivalRepository, FestivalRow } from './festival.repository.ts';
import type { WrittenOrder } from './order-writer.ts';

/**
 * What a purchase attempt would otherwise read from the database each time, kept in this process
 * so a warm fan's attempt reads nothing before the order writer (README "Purchase attempts").
 */

/**
 * A fan's early-access minutes, remembered `ttlMs` (30 s): a fan whose membership lapsed keeps
 * early access that long at most; one who just joined may wait that long for it. Bounded (LRU).
 */
export function createEarlyAccessCache(membership: FestivalMembership, options: { ttlMs?: number; max?: number } = {}) {
  const cache = new LRUCache<string, number>({ max: options.max ?? 100_000, ttl: options.ttlMs ?? 30_000 });
  return {
    async of(ctx: Ctx, fanId: string): Promise<number> {
      const hit = cache.get(fanId);
      if (hit !== undefined) return hit;
      const minutes = await membership.earlyAccessMinutes(ctx);
      cache.set(fanId, minutes);
      return minutes;
    },
  };
}

type Book = {
  /** The festival and the close the book was read at (a moved close reads it again). */
  key: string;
  /** Every reserver per item, when the festival has at most `maxFrozen` reservations. */
  items: Map<string, Set<string>> | null;
  /** Otherwise each fan's reserved items as first asked (frozen too: no TTL), bounded. */
  perFan: LRUCache<string, Set<string>>;
};

/**
 * Who reserved what. Reservations change only until they close (never after the start), so
 * from the close a festival's reservations are read once into memory — a Set of fans per item, up
 * to `maxFrozen` reservations (≈100 bytes each); above that, each fan's items once, in an LRU of
 * `maxFans`. Before the close every ask reads the database.
 */
export function createReservationBook(repo: FestivalRepository, options: { maxFrozen?: number; maxFans?: number } = {}) {
  const maxFrozen = options.maxFrozen ?? 500_000;
  const maxFans = options.maxFans ?? 200_000;
  const books = new LRUCache<string, { key: string; book: Promise<Book> }>({ max: 32 });

  async function load(ctx: Ctx, festivalId: string, key: string): Promise<Book> {
    const rows = await repo.allReservations(ctx.db, festivalId, maxFrozen);
    let items: Map<string, Set<string>> | null = null;
    if (rows) {
      items = new Map();
      for (const r of rows) {
        let fans = items.get(r.itemId);
        if (!fans) items.set(r.itemId, (fans = new Set()));
        fans.add(r.fanId);
      }
    }
    return { key, items, perFan: new LRUCache({ max: maxFans }) };
  }

  function bookOf(ctx: Ctx, festivalId: string, key: string): Promise<Book> {
    const known = books.get(festivalId);
    if (known && known.key === key) return known.book;
    const book = load(ctx, festivalId, key);
    books.set(festivalId, { key, book });
    // A failed read is not remembered: the next attempt reads again.
    book.catch(() => books.get(festivalId)?.book === book && books.delete(festivalId));
    return book;
  }

  return {
    async reserved(ctx: Ctx, festival: FestivalRow, fanId: string, itemId: string, now: Date): Promise<boolean> {
      if (!festival.requiresReservation) return true;
      const closesAt = festival.reservationsCloseAt ?? festival.startsAt;
      if (now.getTime() < closesAt.getTime()) return (await repo.reservedBy(ctx.db, festival.id, fanId)).has(itemId);
      const book = await bookOf(ctx, festival.id, `${closesAt.getTime()}`);
      if (book.items) return book.items.get(itemId)?.has(fanId) ?? false;
      let mine = book.perFan.get(fanId);
      if (!mine) book.perFan.set(fanId, (mine = await repo.reservedBy(ctx.db, festival.id, fanId)));
      return mine.has(itemId);
    },
  };
}

/**
 * The orders recent attempts made, by (fan, Idempotency-Key): a retry of a won attempt answers
 * from here without a query. Bounded (LRU); a retry missing here is found in the database.
 */
export function createRecentOrders(options: { max?: number; ttlMs?: number } = {}) {
  const cache = new LRUCache<string, WrittenOrder>({ max: options.max ?? 100_000, ttl: options.ttlMs ?? 30 * 60_000 });
  const k = (fanId: string, key: string) => `${fanId}\u0000${key}`;
  return {
    get: (fanId: string, key: string) => cache.get(k(fanId, key)),
    set: (fanId: string, key: string, order: WrittenOrder) => void cache.set(k(fanId, key), order),
  };
}
