import type { AttemptChallenges, Challenge, ChallengeAnswer, ChallengeCheck } from './attempt-challenge.ts';
import type { BotStore } from './bot-store.ts';

export type BotLimits = {
  /** Counting window. */
  windowMs: number;
  /** Attempts by one fan in a window above which each further attempt needs a solved challenge. */
  fanChallengeAbove: number;
  /** Attempts from one visitor id (a browser, whichever fans sign in on it) above which the same. */
  visitorChallengeAbove: number;
  /** Attempts by one fan in a window above which attempts are refused outright, challenge or not. */
  fanRefuseAbove: number;
};

/** A person clicks "buy" a few times in ten seconds; a script hundreds of times. */
export const DEFAULT_BOT_LIMITS: BotLimits = { windowMs: 10_000, fanChallengeAbove: 5, visitorChallengeAbove: 20, fanRefuseAbove: 60 };

export type BotVerdict =
  | { kind: 'allow' }
  /** Solve this and send the answer with the attempt (`reason` says why it was asked). */
  | { kind: 'challenge'; challenge: Challenge; reason: 'fan_rate' | 'visitor_rate' | Exclude<ChallengeCheck, 'ok'> }
  | { kind: 'refuse'; reason: 'fan_rate' };

export type AttemptSource = { fanId: string; visitorId: string | null; festivalId: string; answer?: ChallengeAnswer };

/**
 * Whether one attempt looks automated: counts it for its fan and its visitor id (one round trip
 * to the bot store), and past the limits asks for proof of work — an attempt carrying a valid,
 * unused answer for this fan passes; far past them it is refused. Every verdict but `allow` is a
 * refused attempt for the festival's figures.
 */
export function createBotPolicy(deps: { store: BotStore; challenges: AttemptChallenges; limits?: BotLimits; enabled?: boolean }) {
  const { store, challenges } = deps;
  const limits = deps.limits ?? DEFAULT_BOT_LIMITS;
  return {
    limits,
    async check(source: AttemptSource, now: Date): Promise<BotVerdict> {
      // FESTIVAL_BOT_CHECKS=off (a load test playing every fan from one machine): nothing counted.
      if (deps.enabled === false) return { kind: 'allow' };
      const keys = [`fan:${source.festivalId}:${source.fanId}`];
      if (source.visitorId) keys.push(`visitor:${source.festivalId}:${source.visitorId}`);
      const [fanCount = 0, visitorCount = 0] = await store.hit(keys, limits.windowMs, now);
      if (fanCount > limits.fanRefuseAbove) return { kind: 'refuse', reason: 'fan_rate' };
      const suspicious = fanCount > limits.fanChallengeAbove ? 'fan_rate' : visitorCount > limits.visitorChallengeAbove ? 'visitor_rate' : null;
      if (!suspicious) return { kind: 'allow' };
      // altcha-lib checks a challenge's expiry against the wall clock, so it is issued by it too.
      const issue = () => challenges.issue(source.fanId, new Date());
      if (source.answer) {
        const checked = await challenges.check(source.fanId, source.answer);
        if (checked === 'ok') return { kind: 'allow' };
        return { kind: 'challenge', challenge: await issue(), reason: checked };
      }
      return { kind: 'challenge', challenge: await issue(), reason: suspicious };
    },
  };
}
export type BotPolicy = ReturnType<typeof createBotPolicy>;
