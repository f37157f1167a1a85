import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import type { ChallengeAnswer } from '../types';

/**
 * Solves the server's proof-of-work challenge in the browser (altcha-lib with WebCrypto SHA-256:
 * a fraction of a second on a phone). Null when it could not (no WebCrypto outside a secure
 * context, or the time ran out).
 */
export async function solveAttemptChallenge(challenge: ChallengeAnswer['challenge'], signal?: AbortSignal): Promise<ChallengeAnswer | null> {
  if (!globalThis.crypto?.subtle) return null;
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort());
  const solution = await solveChallenge({ challenge, deriveKey, controller, timeout: 30_000 });
  return solution
    ? { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey, ...(solution.time === undefined ? {} : { time: solution.time }) } }
    : null;
}
