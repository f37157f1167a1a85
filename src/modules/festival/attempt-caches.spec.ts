import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../core/context.ts';
import { createReservationBook } from './attempt-caches.ts';
import type { FestivalRepository, FestivalRow } from './festival.repository.ts';

/** A repository holding these reservations, counting the reads the book makes. */
function fakeRepo(rows: { itemId: string; fanId: string }[]) {
  const reads = { all: 0, fan: 0 };
  const repo = {
    async allReservations(_db: unknown, _festivalId: string, max: number) {
      reads.all++;
      return rows.length > max ? null : rows;
    },
    async reservedBy(_db: unknown, _festivalId: string, fanId: string) {
      reads.fan++;
      return new Set(rows.filter((r) => r.fanId === fanId).map((r) => r.itemId));
    },
  } as unknown as FestivalRepository;
  return { repo, reads, rows };
}

const ctx = { db: {} } as Ctx;
const festival = {
  id: 'f1',
  requiresReservation: true,
  reservationsCloseAt: new Date('2026-11-10T00:00:00Z'),
  startsAt: new Date('2026-11-11T12:00:00Z'),
} as FestivalRow;
const before = new Date('2026-11-09T00:00:00Z');
const after = new Date('2026-11-11T12:00:00Z');

describe('the reservation book', () => {
  it('reads every time before the close, once after it (a set per item), and never for a festival without reservations', async () => {
    const { repo, reads, rows } = fakeRepo([
      { itemId: 'a', fanId: 'x' },
      { itemId: 'b', fanId: 'y' },
    ]);
    const book = createReservationBook(repo);
    expect(await book.reserved(ctx, festival, 'x', 'a', before)).toBe(true);
    rows.push({ itemId: 'a', fanId: 'y' });
    expect(await book.reserved(ctx, festival, 'y', 'a', before)).toBe(true);
    expect(reads).toEqual({ all: 0, fan: 2 });
    const answers = await Promise.all([
      book.reserved(ctx, festival, 'x', 'a', after),
      book.reserved(ctx, festival, 'x', 'b', after),
      book.reserved(ctx, festival, 'y', 'b', after),
      book.reserved(ctx, festival, 'z', 'a', after),
    ]);
    expect(answers).toEqual([true, false, true, false]);
    expect(reads).toEqual({ all: 1, fan: 2 });
    expect(await book.reserved(ctx, { ...festival, requiresReservation: false }, 'z', 'a', after)).toBe(true);
    // A moved close reads the book again.
    expect(await book.reserved(ctx, { ...festival, reservationsCloseAt: new Date('2026-11-10T06:00:00Z') }, 'y', 'a', after)).toBe(true);
    expect(reads).toEqual({ all: 2, fan: 2 });
  });

  it("above its bound keeps each fan's reservations once instead of the whole festival", async () => {
    const { repo, reads } = fakeRepo([
      { itemId: 'a', fanId: 'x' },
      { itemId: 'b', fanId: 'x' },
      { itemId: 'a', fanId: 'y' },
    ]);
    const book = createReservationBook(repo, { maxFrozen: 2 });
    expect(await book.reserved(ctx, festival, 'x', 'a', after)).toBe(true);
    expect(await book.reserved(ctx, festival, 'x', 'b', after)).toBe(true);
    expect(await book.reserved(ctx, festival, 'y', 'b', after)).toBe(false);
    expect(reads).toEqual({ all: 1, fan: 2 });
  });
});
