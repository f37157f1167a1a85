import dayjs, { type Dayjs } from 'dayjs';

/**
 * Date-and-time inputs in the brand's time zone (the channel's setting), whatever zone the
 * browser is in: a picker shows wall-clock time as a naive Dayjs; these turn it into an instant
 * and back.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, at: Date): Record<string, number> {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const p of format.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes the zone is ahead of UTC at this instant. */
function offsetMinutes(zone: string, at: Date): number {
  const p = partsIn(zone, at);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant (ISO) a wall-clock time in `zone` names. */
export function zonedToIso(wall: Dayjs, zone: string): string {
  const naive = Date.UTC(wall.year(), wall.month(), wall.date(), wall.hour(), wall.minute(), 0);
  let at = new Date(naive - offsetMinutes(zone, new Date(naive)) * 60_000);
  // Around a change of offset, the first guess used the other side's offset.
  at = new Date(naive - offsetMinutes(zone, at) * 60_000);
  return at.toISOString();
}

/** The wall-clock time in `zone` of an instant, for a picker. */
export function isoToZoned(iso: string, zone: string): Dayjs {
  const p = partsIn(zone, new Date(iso));
  return dayjs(new Date(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, 0));
}

/** "12 Nov 2026, 20:00" in the zone, in the UI language. */
export function formatInZone(iso: string, zone: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  } catch {
    return iso;
  }
}
