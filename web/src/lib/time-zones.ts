/**
 * Time zones as people read them: the IANA name with its offset from UTC now, "Asia/Shanghai
 * (UTC+08:00)". The offset is today's (a zone with summer time shows the one in force).
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** "UTC+08:00", "UTC−03:30", "UTC+00:00"; the zone's name itself when this browser does not know it. */
export function utcOffset(zone: string, at: Date = new Date()): string {
  try {
    let format = offsetFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      offsetFormats.set(zone, format);
    }
    const name = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
    // "GMT+08:00", or "GMT" alone for a zero offset.
    const offset = name.replace(/^GMT/, '') || '+00:00';
    return `UTC${offset.replace('-', '−')}`;
  } catch {
    return zone;
  }
}

/** "Asia/Shanghai (UTC+08:00)"; UTC stays "UTC". */
export function zoneLabel(zone: string, at?: Date): string {
  if (zone === 'UTC') return 'UTC';
  const offset = utcOffset(zone, at);
  return offset === zone ? zone : `${zone} (${offset})`;
}

/** Every IANA zone this browser knows, UTC first, as select options labelled with their offset. */
export function timeZoneOptions(at: Date = new Date()): Array<{ value: string; label: string }> {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones.map((zone) => ({ value: zone, label: zoneLabel(zone, at) }));
}
