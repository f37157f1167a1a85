import { describe, expect, it } from 'vitest';
import { eligibilityOf, type EligibilityInput } from './festival-eligibility.ts';

const start = new Date('2026-11-11T12:00:00.000Z');
const end = new Date('2026-11-11T20:00:00.000Z');
const at = (minutesFromStart: number) => new Date(start.getTime() + minutesFromStart * 60_000);

const base = (over: Partial<EligibilityInput> & { minutes?: number; required?: boolean; status?: 'draft' | 'published' | 'canceled' }): EligibilityInput => ({
  now: over.now ?? at(0),
  festival: { startsAt: start, endsAt: end, status: over.status ?? 'published', requiresReservation: over.required ?? false },
  earlyAccessMinutes: over.minutes ?? 0,
  longestEarlyAccessMinutes: over.longestEarlyAccessMinutes ?? 30,
  reserved: over.reserved ?? false,
});

describe('eligibilityOf', () => {
  it.each([
    // [what, minutes from start, fan's early access, required, reserved, state, reason]
    ['a fan long before the start', -120, 0, false, false, 'not_started', undefined],
    ['a fan during the early-access window', -10, 0, false, false, 'not_eligible', 'early_access_only'],
    ['a fan one millisecond before the start', -1 / 60_000, 0, false, false, 'not_eligible', 'early_access_only'],
    ['a fan at the start', 0, 0, false, false, 'open', undefined],
    ['an early member before their window', -31, 30, false, false, 'not_started', undefined],
    ['an early member at their window', -30, 30, false, false, 'open', undefined],
    ['an early member during it', -1, 30, false, false, 'open', undefined],
    ['a 10-minute member while the 30-minute window runs', -20, 10, false, false, 'not_eligible', 'early_access_only'],
    ['a 10-minute member at their 10 minutes', -10, 10, false, false, 'open', undefined],
    ['a fan at the last millisecond', 8 * 60 - 1 / 60_000, 0, false, false, 'open', undefined],
    ['a fan at the end', 8 * 60, 0, false, false, 'ended', undefined],
    ['an early member after the end', 9 * 60, 30, false, false, 'ended', undefined],
    ['a fan without a reservation where one is required', 0, 0, true, false, 'not_eligible', 'reservation_required'],
    ['an early member without a reservation where one is required', -5, 30, true, false, 'not_eligible', 'reservation_required'],
    ['a reserver before the start', -60, 0, true, true, 'not_started', undefined],
    ['a reserver at the start', 0, 0, true, true, 'open', undefined],
    ['a reserver after the end', 8 * 60, 0, true, true, 'ended', undefined],
  ] as const)('%s', (_what, minutes, early, required, reserved, state, reason) => {
    const e = eligibilityOf(base({ now: at(minutes), minutes: early, required, reserved }));
    expect(e.state).toBe(state);
    expect(e.state === 'not_eligible' ? e.reason : undefined).toBe(reason);
  });

  it('tells each fan when the sale opens for them', () => {
    expect(eligibilityOf(base({ now: at(-120), minutes: 30 })).opensAt.toISOString()).toBe('2026-11-11T11:30:00.000Z');
    expect(eligibilityOf(base({ now: at(-120) })).opensAt.toISOString()).toBe(start.toISOString());
  });

  it('a canceled festival is over for everyone; a draft has not started', () => {
    expect(eligibilityOf(base({ now: at(10), status: 'canceled' })).state).toBe('ended');
    expect(eligibilityOf(base({ now: at(10), status: 'draft' })).state).toBe('not_started');
  });

  it('without early access anywhere, the time before the start is simply not started', () => {
    expect(eligibilityOf(base({ now: at(-1), longestEarlyAccessMinutes: 0 })).state).toBe('not_started');
  });
});
