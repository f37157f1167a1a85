import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';

export const SANDBOX_SIGNATURE_HEADER = 'fanbase-sandbox-signature';
/** A notification signed longer ago than this is refused (a replay of an old capture). */
export const SANDBOX_TOLERANCE_S = 300;

const mac = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The signature header for `body` at `at`: `t=<unix seconds>,v1=<HMAC-SHA256 of "t.body", hex>`. */
export function signSandbox(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${mac(secret, t, body)}`;
}

const invalid = (reason: string) => new AppError('payment.notification_invalid', { reason }, { message: `The notification is not genuine: ${reason}` });

/** Checks a sandbox notification's signature and age; throws `payment.notification_invalid`. */
export function verifySandbox(secret: string, header: string | undefined, body: string, now: Date): void {
  if (!header) throw invalid('signature_missing');
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) throw invalid('signature_malformed');
  const expected = Buffer.from(mac(secret, t, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) throw invalid('signature_mismatch');
  if (Math.abs(now.getTime() / 1000 - t) > SANDBOX_TOLERANCE_S) throw invalid('timestamp_stale');
}
