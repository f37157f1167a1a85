import type { Container } from '../container.ts';
import type { NotificationSender } from '../modules/payments/providers/sandbox.gateway.ts';

/** How often the sandbox gateway looks at its outbox (a real gateway notifies within a second or two). */
const EVERY_MS = 500;

/** The sandbox gateway's notifications, POSTed over HTTP to this server's notification route. */
export const httpSender =
  (baseUrl: string): NotificationSender =>
  async (headers, body) =>
    (await fetch(`${baseUrl}/api/payments/notifications/sandbox`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })).status;

/**
 * Delivers the sandbox gateway's due notifications every half second, one pass at a time, until
 * stopped. Several instances share the outbox safely (each pass leases what it sends). A timer of
 * each instance rather than a schedule on the job queue: the queue's cron is per minute, and a
 * payment's notification must come within a second or two.
 */
export function scheduleSandboxDeliveries(container: Container, send: NotificationSender) {
  const log = container.ctx().log;
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = container.services.sandbox
      .deliverDue(container.ctx({ kind: 'system' }), send)
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, 'sandbox notification delivery failed; retrying'))
      .finally(() => {
        running = undefined;
      });
  }, EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
