import { useEffect, useState } from 'react';

/**
 * The server's clock, ticking each second: the offset between the server's time in an answer and
 * this device's clock when the answer arrived, so a phone set wrong still counts down right.
 */
export function useServerClock(serverTime: string | undefined, receivedAt: number): number {
  const offset = serverTime ? new Date(serverTime).getTime() - receivedAt : 0;
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    const timer = window.setInterval(() => setNow(Date.now() + offset), 1_000);
    return () => window.clearInterval(timer);
  }, [offset]);
  return now;
}

/** Days, hours, minutes and seconds until `target` (none below zero). */
export function remainingParts(target: number, now: number) {
  const total = Math.max(0, Math.floor((target - now) / 1000));
  return { total, days: Math.floor(total / 86_400), hours: Math.floor((total % 86_400) / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}
