import { inTransaction, type Ctx } from '../../core/context.ts';
import { createGroupCommit } from '../../platform/batching/group-commit.ts';
import type { VerifiedNotification } from './payment-provider.ts';
import type { PaymentPatch, PaymentRow, PaymentsRepository } from './payments.repository.ts';
import type { NotificationOutcome } from './payments.table.ts';

/** A verified notification on its way in: what applies it, and what is stored of it. */
export type IncomingNotification = {
  ctx: Ctx;
  provider: string;
  n: VerifiedNotification;
  headers: Record<string, string>;
  body: string;
  receivedAt: Date;
};
type Applied = { outcome: NotificationOutcome; error?: string };
/**
 * What applying a notification writes besides its own record: its payment's change, a ledger
 * post (`P`), and the settled event (`E`) its payment's owner hears. One at a time they happen at
 * once; in a batch they are gathered and flushed together, after every notification of it.
 */
export type NotificationEffects<P, E> = {
  update(patch: PaymentPatch): Promise<void>;
  post(input: P): Promise<void>;
  settled(event: E): Promise<void>;
};
export type GatheredEffects<P, E> = { updates: PaymentPatch[]; posts: P[]; settled: E[] };
/** Applies a notification to its payment (the caller holds the payment's row lock); with `fx`, its effects go there. */
export type ApplyNotification<P, E> = (tx: Ctx, payment: PaymentRow, n: VerifiedNotification, fx?: NotificationEffects<P, E>) => Promise<Applied>;

/** Notifications in a batch at most (a storm after a festival fills batches; a quiet day runs them one by one). */
const MAX_BATCH = 64;
/** Batches at once: each holds one database connection. */
const CONCURRENCY = 1;

const paymentKey = (provider: string, providerPaymentId: string) => `${provider} ${providerPaymentId}`;

/**
 * Verified notifications, applied once each under their payment's row lock, in group commits:
 * notifications that arrive together share one database transaction (the payments locked in one
 * statement, the ids seen before read in one, the notifications stored in one), each answered
 * when it commits. Two notifications of one payment never share a batch. A renewal (found by
 * its subscription, and writing a payment of its own) always goes alone.
 */
export function createNotificationIntake<P, E>(deps: {
  repo: PaymentsRepository;
  apply: ApplyNotification<P, E>;
  /** Writes a batch's gathered effects, in its transaction, before its notifications are stored. */
  flush: (tx: Ctx, effects: GatheredEffects<P, E>) => Promise<void>;
}) {
  const { repo, apply, flush } = deps;
  const record = (x: IncomingNotification, paymentId: string | null, outcome: NotificationOutcome, error?: string) => ({
    provider: x.provider,
    notificationId: x.n.notificationId,
    paymentId,
    event: x.n.event,
    verified: true,
    outcome,
    error: error ?? null,
    headers: x.headers,
    body: x.body,
    receivedAt: x.receivedAt,
  });
  const unknown = (x: IncomingNotification): Applied => ({ outcome: 'unknown_payment', error: `no payment ${x.n.providerPaymentId}` });

  /** One notification in its own transaction. */
  function applyOne(x: IncomingNotification): Promise<{ outcome: NotificationOutcome }> {
    const { n } = x;
    return inTransaction(x.ctx, async (tx) => {
      const payment =
        n.event === 'renewed' && n.subscriptionId
          ? await repo.lockBySubscription(tx.db, x.provider, n.subscriptionId)
          : await repo.lockByProviderId(tx.db, x.provider, n.providerPaymentId);
      // Seen before (applied, stale, mismatched, or for no known payment): a repeat changes nothing.
      const result: Applied = (await repo.seen(tx.db, x.provider, n.notificationId))
        ? { outcome: 'duplicate' }
        : payment
          ? await apply(tx, payment, n)
          : unknown(x);
      await repo.insertNotification(tx.db, record(x, payment?.id ?? null, result.outcome, result.error));
      return { outcome: result.outcome };
    });
  }

  /** Many notifications, of as many payments, in one transaction. */
  function applyBatch(items: IncomingNotification[]): Promise<{ outcome: NotificationOutcome }[]> {
    return inTransaction(items[0]!.ctx, async (tx) => {
      const locked = await repo.lockManyByProviderId(
        tx.db,
        items.map((x) => ({ provider: x.provider, providerPaymentId: x.n.providerPaymentId })),
      );
      const byKey = new Map(locked.map((p) => [paymentKey(p.provider, p.providerPaymentId!), p]));
      const seen = await repo.seenMany(
        tx.db,
        items.map((x) => ({ provider: x.provider, notificationId: x.n.notificationId })),
      );
      const records = [];
      const answers: { outcome: NotificationOutcome }[] = [];
      const gathered: GatheredEffects<P, E> = { updates: [], posts: [], settled: [] };
      const fx: NotificationEffects<P, E> = {
        update: async (patch) => void gathered.updates.push(patch),
        post: async (input) => void gathered.posts.push(input),
        settled: async (event) => void gathered.settled.push(event),
      };
      for (const x of items) {
        const payment = byKey.get(paymentKey(x.provider, x.n.providerPaymentId));
        const result: Applied = seen.has(`${x.provider} ${x.n.notificationId}`)
          ? { outcome: 'duplicate' }
          : payment
            ? await apply(tx, payment, x.n, fx)
            : unknown(x);
        records.push(record(x, payment?.id ?? null, result.outcome, result.error));
        answers.push({ outcome: result.outcome });
      }
      await flush(tx, gathered);
      await repo.insertNotifications(tx.db, records);
      return answers;
    });
  }

  const batches = createGroupCommit<IncomingNotification, { outcome: NotificationOutcome }>({
    maxBatch: MAX_BATCH,
    concurrency: CONCURRENCY,
    keyOf: (x) => paymentKey(x.provider, x.n.providerPaymentId),
    runBatch: applyBatch,
    runOne: applyOne,
  });

  return {
    /** Applies a verified notification once; answers what it did. */
    accept(x: IncomingNotification): Promise<{ outcome: NotificationOutcome }> {
      return x.n.event === 'renewed' ? applyOne(x) : batches.submit(x);
    },
  };
}
