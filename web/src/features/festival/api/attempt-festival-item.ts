import { apiFetch } from '../../../lib/api-client';
import type { AttemptResult, ChallengeAnswer } from '../types';

export type AttemptInput = { slug: string; itemId: string; quantity: number; key: string; challenge?: ChallengeAnswer };

/** One try to buy: the same `key` for every retry of one click (busy, a challenge), a new one per click. */
export function attemptFestivalItem({ slug, itemId, quantity, key, challenge }: AttemptInput): Promise<AttemptResult> {
  return apiFetch<AttemptResult>(`/api/fan/festivals/${encodeURIComponent(slug)}/items/${encodeURIComponent(itemId)}/attempts`, {
    method: 'POST',
    headers: { 'Idempotency-Key': key },
    body: { quantity, ...(challenge ? { challenge } : {}) },
  });
}
