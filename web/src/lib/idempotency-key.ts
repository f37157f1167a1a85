/**
 * A fresh Idempotency-Key for one attempt at a write that must happen once (a checkout): the
 * server answers a repeat of the same key with the first answer. `crypto.randomUUID` needs a
 * secure context; a site served over plain HTTP on a LAN address falls back to random bytes.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
