/**
 * One computation per festival per tick, whoever watches: the first viewer of a festival starts
 * its ticker, every viewer gets the same frame, and the last one to leave stops it. A tick still
 * computing when the next is due is skipped, so a slow database never piles up reads.
 */
export type BoardViewer<T> = {
  frame(frame: T): void;
  /** A tick that failed (the viewer keeps watching; the next may succeed). */
  error?(err: unknown): void;
  /** The ticker was closed (server shutdown): the viewer should end its stream. */
  closed?(): void;
};

export type BoardTicker<T> = {
  /** Sends the viewer each tick's frame until the returned function is called. */
  subscribe(festivalId: string, viewer: BoardViewer<T>): () => void;
  /** Festivals with a running ticker, and how many watch each. */
  running(): Map<string, number>;
  /** Stops every ticker and tells every viewer (server shutdown). */
  close(): void;
};

type Ticker<T> = { viewers: Set<BoardViewer<T>>; timer: NodeJS.Timeout; busy: boolean };

export function createBoardTicker<T>(options: { intervalMs: number; compute: (festivalId: string) => Promise<T> }): BoardTicker<T> {
  const tickers = new Map<string, Ticker<T>>();

  function tick(festivalId: string, t: Ticker<T>) {
    if (t.busy) return;
    t.busy = true;
    options.compute(festivalId).then(
      (frame) => {
        t.busy = false;
        for (const v of t.viewers) v.frame(frame);
      },
      (err: unknown) => {
        t.busy = false;
        for (const v of t.viewers) v.error?.(err);
      },
    );
  }

  return {
    subscribe(festivalId, viewer) {
      let t = tickers.get(festivalId);
      if (!t) {
        const created: Ticker<T> = { viewers: new Set(), busy: false, timer: setInterval(() => tick(festivalId, created), options.intervalMs) };
        created.timer.unref();
        tickers.set(festivalId, created);
        t = created;
      }
      const ticker = t;
      ticker.viewers.add(viewer);
      return () => {
        ticker.viewers.delete(viewer);
        if (ticker.viewers.size === 0 && tickers.get(festivalId) === ticker) {
          clearInterval(ticker.timer);
          tickers.delete(festivalId);
        }
      };
    },
    running: () => new Map([...tickers].map(([id, t]) => [id, t.viewers.size])),
    close() {
      const viewers = [...tickers.values()].flatMap((t) => [...t.viewers]);
      for (const t of tickers.values()) clearInterval(t.timer);
      tickers.clear();
      for (const v of viewers) v.closed?.();
    },
  };
}
