/**
 * A same-site path to go to after signing up or logging in (`?next=/articles/…`), or the
 * fallback. Only paths on this site: "//evil.example" and "https://…" are refused.
 */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw;
}

/** What a visitor was doing when sent to sign up or log in, done for them once they are signed in. */
export type AuthIntent = 'follow';
const INTENTS: readonly AuthIntent[] = ['follow'];

/** `?intent=follow`, or null for anything else (an unknown intent is dropped, never acted on). */
export function safeIntent(raw: string | null | undefined): AuthIntent | null {
  return INTENTS.find((intent) => intent === raw) ?? null;
}

/** Router state that carries the intent to the page `next` names, which performs it (see FollowButton). */
export interface IntentState {
  intent: AuthIntent;
}

export function intentOf(state: unknown): AuthIntent | null {
  return typeof state === 'object' && state !== null && 'intent' in state ? safeIntent(String((state as IntentState).intent)) : null;
}

/** `/signup?next=<here>[&intent=follow]`: where a visitor goes to act (follow, share) and then comes back. */
export function withNext(path: string, next: string, intent?: AuthIntent | null): string {
  const params = new URLSearchParams({ next });
  if (intent) params.set('intent', intent);
  return `${path}?${params.toString()}`;
}
