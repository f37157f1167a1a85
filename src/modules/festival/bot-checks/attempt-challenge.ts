import { createHmac, randomInt } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { BotStore } from './bot-store.ts';

export type { Challenge, Solution } from 'altcha-lib';

/** A solved challenge as the fan's browser sends it back. */
export type ChallengeAnswer = { challenge: Challenge; solution: Solution };
export type ChallengeCheck = 'ok' | 'invalid' | 'expired' | 'reused' | 'not_yours';

export type ChallengeOptions = {
  /** Signs challenges (derived from the session secret: no new secret to configure). */
  secret: string;
  /**
   * Work asked of a browser: the counter it must find is drawn from work..2×work (SHA-256 steps;
   * 20,000 take a phone well under a second and a bot farm that much per attempt).
   */
  work?: number;
  /** A challenge is good for this long after it is issued. */
  ttlMs?: number;
};

/**
 * The festival's proof of work (ALTCHA, altcha-lib): a signed challenge bound to one fan, solved
 * once. Issued only when a fan's or a visitor's attempts look automated, so people rarely see it
 * and bots pay for every attempt. Verifying costs the server one hash.
 */
export function createAttemptChallenges(store: BotStore, options: ChallengeOptions) {
  const work = options.work ?? 20_000;
  const ttlMs = options.ttlMs ?? 120_000;
  if (!Number.isInteger(work) || work < 1 || work > 5_000_000) throw new RangeError(`work must be 1 to 5,000,000, got ${work}`);
  const keySecret = createHmac('sha256', options.secret).update('festival-challenge-keys').digest('hex');
  return {
    ttlMs,
    async issue(fanId: string, now: Date): Promise<Challenge> {
      return createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        counter: randomInt(work, 2 * work),
        deriveKey,
        data: { fan: fanId },
        expiresAt: new Date(now.getTime() + ttlMs),
        hmacSignatureSecret: options.secret,
        hmacKeySignatureSecret: keySecret,
      });
    },
    /** Checks a fan's answer: signed by us, for this fan, not expired, right, and not used before. */
    async check(fanId: string, answer: ChallengeAnswer): Promise<ChallengeCheck> {
      let result: Awaited<ReturnType<typeof verifySolution>>;
      try {
        result = await verifySolution({
          challenge: answer.challenge,
          solution: answer.solution,
          deriveKey,
          hmacSignatureSecret: options.secret,
          hmacKeySignatureSecret: keySecret,
        });
      } catch {
        return 'invalid';
      }
      if (result.expired) return 'expired';
      if (!result.verified) return 'invalid';
      if (answer.challenge.parameters.data?.fan !== fanId) return 'not_yours';
      return (await store.once(`challenge:${answer.challenge.parameters.nonce}`, ttlMs)) ? 'ok' : 'reused';
    },
  };
}
export type AttemptChallenges = ReturnType<typeof createAttemptChallenges>;
