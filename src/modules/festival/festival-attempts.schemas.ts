import { z } from 'zod';
import { altchaChallenge } from '../../core/errors.schemas.ts';
import { ATTEMPT_ANSWERS } from './board/attempt-stats.ts';

/** The challenge the server issued and the browser's solution of it. */
export const challengeAnswer = z.object({
  challenge: altchaChallenge,
  solution: z.object({ counter: z.number().int().nonnegative(), derivedKey: z.string().max(256), time: z.number().optional() }),
});

export const attemptBody = z.object({
  /** Units wanted (1 up to the item's per-fan limit; above it 400 festival.quantity_above_limit). */
  quantity: z.number().int().min(1).max(99),
  /**
   * When the previous attempt was answered 403 festival.challenge_required (or challenge_invalid):
   * the challenge from that error's params and its solution (altcha-lib's solveChallenge).
   */
  challenge: challengeAnswer.optional(),
});

export const attemptResult = z.union([
  z.object({ answer: z.literal('won'), order: z.object({ id: z.uuid(), number: z.string(), paymentDeadline: z.string() }) }),
  z.object({
    answer: z.enum(['sold_out', 'limit_reached', 'not_started', 'ended', 'not_eligible']),
    reason: z.string().optional(),
    opensAt: z.string().optional(),
  }),
]);

const answers = z.object(Object.fromEntries(ATTEMPT_ANSWERS.map((a) => [a, z.number().int()])) as Record<(typeof ATTEMPT_ANSWERS)[number], z.ZodNumber>);

export const festivalBoardDto = z.object({
  festivalId: z.uuid(),
  figures: z.object({
    seconds: z.array(z.object({ at: z.string(), attempts: z.number().int(), won: z.number().int(), unitsWon: z.number().int(), byAnswer: answers })),
    totals: z.object({ attempts: z.number().int(), byAnswer: answers, unitsWon: z.number().int(), wonMinor: z.number().int(), participants: z.number().int() }),
    latency: z.object({ p50: z.number(), p99: z.number(), samples: z.number().int() }),
  }),
  items: z.array(z.object({ id: z.uuid(), quota: z.number().int(), sold: z.number().int(), remaining: z.number().int() })),
});
export type FestivalBoardDto = z.infer<typeof festivalBoardDto>;
export type AttemptResultDto = z.infer<typeof attemptResult>;
export type ChallengeAnswerDto = z.infer<typeof challengeAnswer>;
