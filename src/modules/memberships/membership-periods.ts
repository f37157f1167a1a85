/** A settled period of membership as an upgrade's credit reads it. */
export type PaidPeriod = { amountMinor: number; periodStart: Date | null; periodEnd: Date | null };

/**
 * The proration rule (README "Memberships"): an upgrade starts a new period of the higher tier
 * now, and every period of the old tier not yet used is credited at what was paid for it, pro
 * rata by the millisecond: amount × (end − max(start, now)) / (end − start), summed and rounded
 * down to the minor unit. Granted periods were not paid for and credit nothing.
 */
export function upgradeCredit(periods: PaidPeriod[], now: Date): number {
  let credit = 0;
  for (const p of periods) {
    if (!p.periodStart || !p.periodEnd || p.amountMinor <= 0) continue;
    const length = p.periodEnd.getTime() - p.periodStart.getTime();
    const unused = p.periodEnd.getTime() - Math.max(p.periodStart.getTime(), now.getTime());
    if (length <= 0 || unused <= 0) continue;
    credit += (p.amountMinor * Math.min(unused, length)) / length;
  }
  return Math.floor(credit);
}
