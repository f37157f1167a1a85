import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, NETWORK_ERROR } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { queryKeys } from '../../../lib/query-keys';
import type { AttemptResult, ChallengeAnswer } from '../types';
import { attemptFestivalItem } from './attempt-festival-item';
import { solveAttemptChallenge } from './solve-challenge';

export type BuyState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** Solving the proof of work the server asked for ("checking you're human…"). */
  | { kind: 'checking' }
  /** The server is saturated: trying again by itself in `seconds` (the same key). */
  | { kind: 'waiting'; seconds: number }
  | { kind: 'answer'; result: AttemptResult }
  | { kind: 'error'; error: unknown };

/** How often one click retries by itself before it gives up (busy answers, challenges, a dropped connection). */
const MAX_ROUNDS = 30;
const MAX_CHALLENGES = 3;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      window.clearTimeout(timer);
      resolve();
    });
  });

/**
 * The buy button's attempt, for one item: each click sends a fresh Idempotency-Key and every
 * retry of that click reuses it (so a retry never makes a second order): after `busy` it waits
 * Retry-After and tries again; asked for proof of work it solves the challenge here and sends it;
 * a dropped connection is retried too. After each answer the festival (remaining, eligibility)
 * is read again.
 */
export function useFestivalBuy(slug: string, itemId: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<BuyState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const buy = useCallback(
    async (quantity: number): Promise<AttemptResult | null> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const key = newIdempotencyKey();
      let challenge: ChallengeAnswer | undefined;
      let challenges = 0;
      const set = (next: BuyState) => !abort.signal.aborted && setState(next);
      set({ kind: 'sending' });
      try {
        for (let round = 0; round < MAX_ROUNDS && !abort.signal.aborted; round++) {
          try {
            const result = await attemptFestivalItem({ slug, itemId, quantity, key, ...(challenge ? { challenge } : {}) });
            set({ kind: 'answer', result });
            return result;
          } catch (error) {
            if (!isApiError(error)) throw error;
            if (error.code === 'festival.busy' || error.code === NETWORK_ERROR) {
              const seconds = Math.max(1, Number(error.params.retryAfterSeconds) || 1);
              set({ kind: 'waiting', seconds });
              await sleep(seconds * 1000, abort.signal);
              continue;
            }
            if ((error.code === 'festival.challenge_required' || error.code === 'festival.challenge_invalid') && challenges < MAX_CHALLENGES) {
              challenges++;
              set({ kind: 'checking' });
              const solved = await solveAttemptChallenge(error.params.challenge as ChallengeAnswer['challenge'], abort.signal);
              if (!solved) throw error;
              challenge = solved;
              continue;
            }
            throw error;
          }
        }
        return null;
      } catch (error) {
        set({ kind: 'error', error });
        return null;
      } finally {
        if (!abort.signal.aborted) void queryClient.invalidateQueries({ queryKey: queryKeys.festival(slug) });
      }
    },
    [slug, itemId, queryClient],
  );

  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, buy, reset, working: state.kind === 'sending' || state.kind === 'checking' || state.kind === 'waiting' };
}
