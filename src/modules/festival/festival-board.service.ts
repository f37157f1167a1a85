import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import type { FestivalBoardDto } from './festival-attempts.schemas.ts';
import type { AttemptStats } from './board/attempt-stats.ts';
import { createBoardTicker, type BoardViewer } from './board/board-ticker.ts';
import type { FestivalRepository, FestivalRow } from './festival.repository.ts';
import type { FestivalGate } from './gate/festival-gate.ts';

/**
 * The console's live board (issue 11 item 9): the attempts' figures (last 60 seconds, totals,
 * answer times) and units sold and left per item, read once (`board`) or every second
 * (`watch`): one computation per festival per second, shared by every viewer.
 */
export function createFestivalBoard(deps: {
  repo: FestivalRepository;
  gate: FestivalGate;
  stats: AttemptStats;
  /** The context the shared ticker reads with (no viewer's own: they come and go). */
  systemCtx: () => Ctx;
  /** Between two frames of a watched board (default 1 s). */
  intervalMs?: number;
}) {
  const { repo, gate, stats } = deps;

  /** Cost: 1 query for the items, one stats read, one gate read per item. */
  async function figuresOf(ctx: Ctx, f: FestivalRow): Promise<FestivalBoardDto> {
    const [figures, items] = await Promise.all([stats.figures(f.id, ctx.now(), 60), repo.itemsOf(ctx.db, [f.id])]);
    const remaining = await Promise.all(items.map((i) => gate.remaining(i.id)));
    return {
      festivalId: f.id,
      figures,
      items: items.map((i, n) => ({ id: i.id, quota: i.quota, sold: i.sold, remaining: remaining[n] ?? i.quota - i.sold })),
    };
  }

  async function festivalOf(ctx: Ctx, festivalId: string): Promise<FestivalRow> {
    const f = await repo.findById(ctx.db, festivalId);
    if (!f) throw notFound('festival.not_found');
    return f;
  }

  const ticker = createBoardTicker<FestivalBoardDto>({
    intervalMs: deps.intervalMs ?? 1_000,
    compute: async (festivalId) => {
      const ctx = deps.systemCtx();
      return figuresOf(ctx, await festivalOf(ctx, festivalId));
    },
  });

  return {
    /** Staff: the board now. Cost: 2 queries, one stats read, one gate read per item. */
    async board(ctx: Ctx, festivalId: string): Promise<FestivalBoardDto> {
      requireStaff(ctx);
      return figuresOf(ctx, await festivalOf(ctx, festivalId));
    },

    /**
     * Staff: the board now, then every tick until the returned `stop` is called. Access and the
     * festival are checked here, once; the ticks are the festival's shared ticker's.
     */
    async watch(ctx: Ctx, festivalId: string, viewer: BoardViewer<FestivalBoardDto>): Promise<{ first: FestivalBoardDto; stop: () => void }> {
      requireStaff(ctx);
      const first = await figuresOf(ctx, await festivalOf(ctx, festivalId));
      return { first, stop: ticker.subscribe(festivalId, viewer) };
    },

    /** Festivals watched now, and by how many viewers (the ops view and the specs). */
    watched: () => ticker.running(),

    /** Ends every watch (server shutdown: open streams must not hold the server's close). */
    close: () => ticker.close(),
  };
}
export type FestivalBoard = ReturnType<typeof createFestivalBoard>;
