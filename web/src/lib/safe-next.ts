/**
 * A same-site path to go to after signing up or logging in (`?next=/articles/…`), or the
 * fallback. Only paths on this site: "//evil.example" and "https://…" are refused.
 */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw;
}

/** `/signup?next=<here>`: where a visitor goes to act (follow, share) and then comes back. */
export function withNext(path: string, next: string): string {
  return `${path}?next=${encodeURIComponent(next)}`;
}
