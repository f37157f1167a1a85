import { useEffect, useState } from 'react';
import type { FestivalBoard } from '../types';

export type BoardConnection = 'connecting' | 'live' | 'reconnecting';
/** One second of the board's history, kept across frames for the charts. */
export type BoardSecond = FestivalBoard['figures']['seconds'][number];

/** Seconds of history the charts show (each frame brings the last 60). */
const KEEP_SECONDS = 300;
/** After a failed stream (the server went away, the sign-in expired), a new one is opened this much later. */
const REOPEN_MS = 2_000;

export const festivalBoardStreamUrl = (id: string) => `/api/admin/festivals/${encodeURIComponent(id)}/board/stream`;

/**
 * The festival's live board over server-sent events: the latest frame (one a second), the
 * seconds seen so far (up to 5 minutes) and whether the stream is live or reconnecting.
 */
export function useFestivalBoardStream(id: string | undefined) {
  const [board, setBoard] = useState<FestivalBoard | null>(null);
  const [history, setHistory] = useState<BoardSecond[]>([]);
  const [connection, setConnection] = useState<BoardConnection>('connecting');

  useEffect(() => {
    if (!id) return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      source = new EventSource(festivalBoardStreamUrl(id));
      source.onopen = () => setConnection('live');
      source.onmessage = (event: MessageEvent<string>) => {
        const frame = JSON.parse(event.data) as FestivalBoard;
        setConnection('live');
        setBoard(frame);
        setHistory((before) => {
          const byAt = new Map(before.map((s) => [s.at, s]));
          for (const s of frame.figures.seconds) byAt.set(s.at, s);
          return [...byAt.values()].sort((a, b) => a.at.localeCompare(b.at)).slice(-KEEP_SECONDS);
        });
      };
      source.onerror = () => {
        setConnection('reconnecting');
        // The browser retries a dropped stream by itself; one it gave up on is opened again here.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          reopen = setTimeout(open, REOPEN_MS);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(reopen);
      source?.close();
    };
  }, [id]);

  return { board, history, connection };
}
