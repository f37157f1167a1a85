import type { FestivalStatus } from './festival.table.ts';

/** What a fan may do at a festival right now, for one item (or the festival as a whole). */
export type Eligibility =
  | { state: 'open'; opensAt: Date }
  | { state: 'not_started'; opensAt: Date }
  | { state: 'ended'; opensAt: Date }
  | { state: 'not_eligible'; reason: 'reservation_required' | 'early_access_only'; opensAt: Date };

export type EligibilityInput = {
  now: Date;
  festival: { startsAt: Date; endsAt: Date; status: FestivalStatus; requiresReservation: boolean };
  /** Minutes early the fan's held tier opens the sale (its `early_access` perk); 0 for everyone else. */
  earlyAccessMinutes: number;
  /** The longest early access any tier gives: from then on, the early-access window is running. */
  longestEarlyAccessMinutes: number;
  /** The fan reserved (the item, or an item of the festival when asked for the whole festival). */
  reserved: boolean;
};

const minutesBefore = (at: Date, minutes: number) => new Date(at.getTime() - Math.max(0, minutes) * 60_000);

/** When the sale opens for a fan with this early access: the start, less their minutes. */
export const opensAtFor = (startsAt: Date, earlyAccessMinutes: number): Date => minutesBefore(startsAt, earlyAccessMinutes);

/**
 * The rules, in order: a canceled festival or one past its end is `ended`; where reservations are
 * required, a fan without one is `not_eligible` (`reservation_required`); before this fan's
 * opening it is `not_eligible` (`early_access_only`) while the early-access window of other tiers
 * runs, else `not_started`; from their opening (the start less their early-access minutes) until
 * the end it is `open`. Pure: the purchase attempts answer with this same function.
 */
export function eligibilityOf(input: EligibilityInput): Eligibility {
  const { now, festival } = input;
  const opensAt = opensAtFor(festival.startsAt, input.earlyAccessMinutes);
  const t = now.getTime();
  if (festival.status === 'canceled' || t >= festival.endsAt.getTime()) return { state: 'ended', opensAt };
  if (festival.requiresReservation && !input.reserved) return { state: 'not_eligible', reason: 'reservation_required', opensAt };
  if (festival.status !== 'published') return { state: 'not_started', opensAt };
  if (t >= opensAt.getTime()) return { state: 'open', opensAt };
  const windowOpensAt = opensAtFor(festival.startsAt, Math.max(input.longestEarlyAccessMinutes, input.earlyAccessMinutes));
  if (t >= windowOpensAt.getTime()) return { state: 'not_eligible', reason: 'early_access_only', opensAt };
  return { state: 'not_started', opensAt };
}
