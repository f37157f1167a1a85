import type { Actor, Ctx, Log } from './core/context.ts';
import type { Database } from './db/client.ts';
import { authRepository } from './modules/auth/auth.repository.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { articlesRepository } from './modules/articles/articles.repository.ts';
import { createArticlesService } from './modules/articles/articles.service.ts';
import { channelRepository } from './modules/channel/channel.repository.ts';
import { createChannelService } from './modules/channel/channel.service.ts';
import { fansRepository } from './modules/fans/fans.repository.ts';
import { createFansService } from './modules/fans/fans.service.ts';
import { createApiTokensService } from './modules/staff/api-tokens.service.ts';
import { createInvitationsService } from './modules/staff/invitations.service.ts';
import { staffRepository } from './modules/staff/staff.repository.ts';
import { createStaffService } from './modules/staff/staff.service.ts';
import { timelineRepository } from './modules/timeline/timeline.repository.ts';
import { createTimelineService } from './modules/timeline/timeline.service.ts';
import { crmRepository } from './modules/segments/segments.repository.ts';
import { createSegmentsService } from './modules/segments/segments.service.ts';
import { fanImportRepository } from './workflows/fan-import.repository.ts';
import { createFanImportService } from './workflows/fan-import.service.ts';
import { createFanImportWorkflow } from './workflows/fan-import.workflow.ts';
import { ledgerRepository } from './modules/ledger/ledger.repository.ts';
import { createLedgerService } from './modules/ledger/ledger.service.ts';
import { loyaltyRepository } from './modules/loyalty/loyalty.repository.ts';
import { createLoyaltyService } from './modules/loyalty/loyalty.service.ts';
import { insightsRepository } from './modules/insights/insights.repository.ts';
import { createInsightsService } from './modules/insights/insights.service.ts';
import { jobsRepository } from './platform/jobs/jobs.repository.ts';
import { createJobRunner } from './platform/jobs/jobs.service.ts';
import { createQueue, type QueueSettings } from './platform/queue/queue.service.ts';
import { idempotencyRepository } from './platform/workflows/idempotency.repository.ts';
import { createIdempotencyService } from './platform/workflows/idempotency.service.ts';
import { workflowsRepository } from './platform/workflows/workflows.repository.ts';
import { createWorkflowRunner } from './platform/workflows/workflows.service.ts';
import { womRepository } from './modules/wom/wom.repository.ts';
import { streamRepository } from './platform/stream/stream.repository.ts';
import { createStreamRunner } from './platform/stream/stream.runner.ts';
import { createStreamService } from './platform/stream/stream.service.ts';
import { subscribe } from './subscriptions.ts';
import { createWomService } from './modules/wom/wom.service.ts';
import { newSecret } from './core/ids.ts';
import { paymentsRepository } from './modules/payments/payments.repository.ts';
import { createPaymentsService } from './modules/payments/payments.service.ts';
import { sandboxRepository } from './modules/payments/sandbox.repository.ts';
import { saleChannelsRepository } from './modules/payments/sale-channels.repository.ts';
import { createSaleChannelsService } from './modules/payments/sale-channels.service.ts';
import { createSandboxGateway } from './modules/payments/providers/sandbox.gateway.ts';
import { membershipsRepository } from './modules/memberships/memberships.repository.ts';
import { createMembershipsService } from './modules/memberships/memberships.service.ts';
import { createTiersService } from './modules/memberships/tiers.service.ts';
import { createSettlement } from './modules/memberships/membership-settlement.ts';
import { createOffersService } from './modules/memberships/offers.service.ts';
import { createGiftsService } from './modules/memberships/gifts.service.ts';
import { createWechatPayProvider } from './modules/payments/providers/wechatpay/wechatpay.gateway.ts';
import type { WechatPayOptions } from './modules/payments/providers/wechatpay/wechatpay-options.ts';
import type { StripeOptions } from './modules/payments/providers/stripe/stripe-client.ts';
import { createStripeGateway } from './modules/payments/providers/stripe/stripe.gateway.ts';
import type { MembershipMetricsSource } from './modules/revenue/membership-metrics.ts';
import { createRevenueService } from './modules/revenue/revenue.service.ts';
import { storeRepository } from './modules/store/store.repository.ts';
import { createStoreService } from './modules/store/store.service.ts';
import { createStoreCategoriesService } from './modules/store/store-categories.service.ts';
import { stockRepository } from './modules/store/stock.repository.ts';
import { createStockService } from './modules/store/stock.service.ts';
import type { StoreMembership } from './modules/store/store-pricing.ts';
import { createCartPricesService } from './modules/store/cart-prices.service.ts';
import { ordersRepository } from './modules/orders/orders.repository.ts';
import { createCartService } from './modules/orders/cart.service.ts';
import { createCheckoutWorkflow } from './modules/orders/checkout.workflow.ts';
import { createOrderMoney } from './modules/orders/order-refunds.ts';
import { createOrdersService } from './modules/orders/orders.service.ts';
import { createShipments } from './modules/orders/shipments.ts';
import { festivalRepository } from './modules/festival/festival.repository.ts';
import { createFestivalService } from './modules/festival/festival.service.ts';
import { createFestivalSiteService } from './modules/festival/festival-site.service.ts';
import { earlyAccessOf, type CatalogueVariant, type FestivalCatalogue } from './modules/festival/festival-ports.ts';
import { createFestivalGate } from './modules/festival/gate/create-gate.ts';
import type { FestivalGate } from './modules/festival/gate/festival-gate.ts';
import { createFestivalSettlement } from './modules/festival/festival-settlement.ts';
import { createOrderWriter } from './modules/festival/order-writer.ts';
import { createFestivalAttempts } from './modules/festival/festival-attempts.service.ts';
import { createAttemptStats } from './modules/festival/board/create-attempt-stats.ts';
import { createAttemptChallenges } from './modules/festival/bot-checks/attempt-challenge.ts';
import { createBotPolicy, type BotLimits } from './modules/festival/bot-checks/bot-policy.ts';
import { createBotStore } from './modules/festival/bot-checks/create-bot-store.ts';
import { createFestivalBoard } from './modules/festival/festival-board.service.ts';
import { withRefusalLog } from './modules/festival/board/refusal-log.ts';
import { festivalReportRepository } from './modules/festival/festival-report.repository.ts';
import { createFestivalReport } from './modules/festival/festival-report.service.ts';

export type ContainerOptions = {
  /** Where invitation and share links point. */
  publicBaseUrl: string;
  /** Whether PUBLIC_BASE_URL set it (default true); false, the console warns the owner. */
  publicBaseUrlConfigured?: boolean;
  log: Log;
  now?: () => Date;
  /** Files with up to this many rows import within the request (tests lower it). */
  importInlineMaxRows?: number;
  /** The sandbox gateway's signing key (serve derives it from the session secret; else one per process). */
  sandboxSecret?: string;
  /** Tests: the sandbox sends every notification twice and the due ones in reverse order. */
  sandboxChaos?: { duplicate?: boolean; reorder?: boolean };
  /** WeChat Pay, when configured (WECHATPAY_ variables). */
  wechatpay?: WechatPayOptions;
  /** Stripe's keys (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET): when given, Stripe is the default provider of every channel of sale. */
  stripe?: StripeOptions;
  /** Where the revenue report takes membership figures from (tests pass their own; else the memberships module's). */
  membershipMetrics?: MembershipMetricsSource;
  /** How long a fan has to pay for an order before it is canceled (ORDER_PAYMENT_WINDOW_MINUTES, default 15). */
  orderPaymentWindowMinutes?: number;
  /** The job queue's polling, shutdown grace and maintenance intervals (tests shorten them). */
  queue?: QueueSettings;
  /** The festival's gate in Redis (REDIS_URL); without it, this process's own. */
  redisUrl?: string;
  /** Prefix of the gate's Redis keys (tests give each run its own). */
  gateKeyPrefix?: string;
  /** The festival's order writer: orders per transaction and transactions at once (tests shrink them). */
  festivalWriter?: { maxBatch?: number; concurrency?: number };
  /** Attempts waiting for the order writer above which new ones are answered busy (default 20,000). */
  festivalMaxPending?: number;
  /** The festival's bot limits (DEFAULT_BOT_LIMITS unless given: load tests and specs raise them). */
  festivalBotLimits?: BotLimits;
  /** FESTIVAL_BOT_CHECKS: false lets every attempt through uncounted (benchmark servers); default true. */
  festivalBotChecks?: boolean;
  /** Signs the festival's proof-of-work challenges (the runtime derives it from the session secret; else one per process). */
  festivalChallengeSecret?: string;
  /** Work asked by a challenge (SHA-256 steps; default 20,000; specs lower it). */
  festivalChallengeWork?: number;
  /** Between two frames of the console's live festival board (default 1 s; tests shorten it). */
  festivalBoardIntervalMs?: number;
  /** How long purchase attempts keep a festival's catalogue entry (default 1 s; a spec counting statements on a busy machine keeps it longer). */
  festivalCatalogueTtlMs?: number;
};

/**
 * The festival reads variants through the store's repository (the store has no lookup by id for
 * other modules yet). Cost: 2 queries per variant; festivals hold tens of items.
 */
function festivalCatalogue(): FestivalCatalogue {
  return {
    async variants(ctx, ids) {
      const found = await Promise.all(
        ids.map(async (id): Promise<CatalogueVariant | null> => {
          const v = await storeRepository.findVariant(ctx.db, id);
          const p = v && (await storeRepository.findProduct(ctx.db, v.productId));
          if (!v || !p) return null;
          return {
            id: v.id,
            sku: v.sku,
            name: v.name,
            priceMinor: v.priceMinor,
            currency: v.currency,
            available: v.stock - v.reserved,
            onSale: v.active && v.archivedAt === null && p.status === 'published',
            product: { id: p.id, title: p.title, slug: p.slug, image: p.images[0] ?? null },
          };
        }),
      );
      return new Map(found.filter((v): v is CatalogueVariant => v !== null).map((v) => [v.id, v]));
    },
  };
}

/** Composition root shared by the server, the CLI, jobs and tests. */
export function createContainer(database: Database, options: ContainerOptions) {
  const now = options.now ?? (() => new Date());
  const jobCtx = (): Ctx => ({ actor: { kind: 'system' }, db: database.db, now, log: options.log });
  const queue = createQueue({ db: database.db, engine: database.engine, systemCtx: jobCtx, settings: options.queue });
  const jobs = createJobRunner({ repo: jobsRepository, queue });
  const workflows = createWorkflowRunner({ repo: workflowsRepository });
  const idempotency = createIdempotencyService({ repo: idempotencyRepository });
  const auth = createAuthService(authRepository);
  const timeline = createTimelineService(timelineRepository);
  const stream = createStreamRunner({ source: timeline.stream, repo: streamRepository, systemCtx: jobCtx });
  const fans = createFansService({ repo: fansRepository, auth, timeline });
  const staff = createStaffService({ repo: staffRepository, auth });
  const invitations = createInvitationsService({
    repo: staffRepository,
    staff,
    publicBaseUrl: options.publicBaseUrl,
  });
  const apiTokens = createApiTokensService({ repo: staffRepository });
  const channel = createChannelService({
    repo: channelRepository,
    fans,
    publicAddress: { publicBaseUrl: options.publicBaseUrl, publicBaseUrlConfigured: options.publicBaseUrlConfigured ?? true },
  });
  const wom = createWomService({ repo: womRepository, publicBaseUrl: options.publicBaseUrl });
  const insights = createInsightsService({ repo: insightsRepository, fans, channel, jobs });
  const loyalty = createLoyaltyService({ repo: loyaltyRepository, timeline, fans, channel, jobs, stream });
  const segments = createSegmentsService({ repo: crmRepository, fans, channel });
  const fanImport = createFanImportWorkflow({ fans, segments, workflows, stream });
  const fanImports = createFanImportService({ repo: fanImportRepository, workflow: fanImport, systemCtx: jobCtx, inlineMaxRows: options.importInlineMaxRows });
  const ledger = createLedgerService({ repo: ledgerRepository });
  const sandbox = createSandboxGateway({
    repo: sandboxRepository,
    secret: options.sandboxSecret ?? newSecret(),
    chaos: options.sandboxChaos,
  });
  const stripe = options.stripe ? createStripeGateway({ ...options.stripe, publicBaseUrl: options.publicBaseUrl }) : undefined;
  const wechatpay = options.wechatpay && createWechatPayProvider({ ...options.wechatpay, publicBaseUrl: options.publicBaseUrl });
  const providers = [sandbox.provider, ...(wechatpay ? [wechatpay] : []), ...(stripe ? [stripe] : [])];
  const saleChannels = createSaleChannelsService({ repo: saleChannelsRepository, providers });
  const payments = createPaymentsService({ repo: paymentsRepository, providers, channels: saleChannels, ledger, scheduler: queue });
  const tiers = createTiersService({ repo: membershipsRepository });
  const settlement = createSettlement({ repo: membershipsRepository, tiers, payments, timeline, scheduler: queue });
  const offers = createOffersService({ repo: membershipsRepository, tiers, publicBaseUrl: options.publicBaseUrl });
  const gifts = createGiftsService({ repo: membershipsRepository, tiers, payments, fans, settlement });
  const memberships = createMembershipsService({ repo: membershipsRepository, tiers, payments, timeline, fans, settlement, offers, gifts });
  const articles = createArticlesService({
    repo: articlesRepository,
    channel,
    timeline,
    wom,
    ledger,
    access: { rankOf: (ctx) => memberships.rankOf(ctx), tiers: (ctx, ids) => tiers.rows(ctx, ids) },
  });
  const revenue = createRevenueService({ ledger, insights, articles, membershipMetrics: options.membershipMetrics ?? memberships.metrics });
  const storeMembership: StoreMembership = { heldTier: (ctx) => memberships.heldTier(ctx), offeredTiers: (ctx) => tiers.offered(ctx) };
  const store = createStoreService({ repo: storeRepository, membership: storeMembership });
  const storeCategories = createStoreCategoriesService({ repo: storeRepository });
  const stock = createStockService({ repo: stockRepository });
  const cartPrices = createCartPricesService({ repo: storeRepository, membership: storeMembership });
  const cart = createCartService({ repo: ordersRepository, prices: cartPrices });
  const gate: FestivalGate = createFestivalGate({ redisUrl: options.redisUrl, keyPrefix: options.gateKeyPrefix });
  const festivalSettlement = createFestivalSettlement({ repo: festivalRepository, stock, gate, orders: ordersRepository });
  const orderMoney = createOrderMoney({ repo: ordersRepository, stock, payments, timeline, scheduler: queue });
  const orders = createOrdersService({
    repo: ordersRepository,
    stock,
    payments,
    timeline,
    fans,
    workflows,
    money: orderMoney,
    festivalUnits: festivalSettlement,
    checkout: createCheckoutWorkflow({
      repo: ordersRepository,
      stock,
      prices: cartPrices,
      payments,
      timeline,
      scheduler: queue,
      paymentWindowMinutes: options.orderPaymentWindowMinutes ?? 15,
    }),
  });
  const shipments = createShipments({ repo: ordersRepository, orders });
  const festivalMembership = {
    earlyAccessMinutes: async (ctx: Ctx) => earlyAccessOf(await memberships.heldTier(ctx)),
    longestEarlyAccessMinutes: async (ctx: Ctx) => Math.max(0, ...(await tiers.offered(ctx)).map(earlyAccessOf)),
  };
  const catalogue = festivalCatalogue();
  const festivals = createFestivalService({ repo: festivalRepository, stock, catalogue, membership: festivalMembership, gate, settlement: festivalSettlement });
  const festivalWriter = createOrderWriter({ systemCtx: jobCtx, festivals: festivalRepository, orders: ordersRepository, timeline, ...options.festivalWriter });
  // Refused attempts are also kept per festival, fan and kind for the after-festival report.
  const attemptStats = withRefusalLog(createAttemptStats({ redisUrl: options.redisUrl, keyPrefix: options.gateKeyPrefix }), {
    repo: festivalReportRepository,
    systemCtx: jobCtx,
  });
  const botStore = createBotStore({ redisUrl: options.redisUrl, keyPrefix: options.gateKeyPrefix });
  const bots = createBotPolicy({
    store: botStore,
    challenges: createAttemptChallenges(botStore, { secret: options.festivalChallengeSecret ?? newSecret(), work: options.festivalChallengeWork }),
    limits: options.festivalBotLimits,
    enabled: options.festivalBotChecks ?? true,
  });
  const festivalAttempts = createFestivalAttempts({
    repo: festivalRepository,
    catalogue,
    membership: festivalMembership,
    gate,
    settlement: festivalSettlement,
    writer: festivalWriter,
    stats: attemptStats,
    bots,
    paymentWindowMinutes: options.orderPaymentWindowMinutes ?? 15,
    maxPending: options.festivalMaxPending ?? 20_000,
    catalogueTtlMs: options.festivalCatalogueTtlMs,
  });
  const festivalBoard = createFestivalBoard({
    repo: festivalRepository,
    gate,
    stats: attemptStats,
    systemCtx: jobCtx,
    intervalMs: options.festivalBoardIntervalMs,
  });
  const festivalReport = createFestivalReport({ repo: festivalRepository, reports: festivalReportRepository, catalogue });
  const festivalSite = createFestivalSiteService({ repo: festivalRepository, catalogue, membership: festivalMembership, gate, timeline });

  const services = {
    auth,
    timeline,
    fans,
    staff,
    invitations,
    apiTokens,
    channel,
    wom,
    articles,
    ledger,
    insights,
    loyalty,
    segments,
    fanImport,
    fanImports,
    workflows,
    idempotency,
    payments,
    saleChannels,
    sandbox,
    tiers,
    memberships,
    offers,
    gifts,
    revenue,
    store,
    storeCategories,
    stock,
    cart,
    orders,
    orderMoney,
    shipments,
    festivals,
    festivalSite,
    festivalAttempts,
    festivalSettlement,
    festivalBoard,
    festivalReport,
    stream: createStreamService({ runner: stream }),
  };
  subscribe(services, stream, jobs, queue);

  return {
    database,
    services,
    /** Background jobs over pg-boss (started and stopped by serve; tests and the CLI `drain()` it). */
    queue,
    /** Background job runs staff watch (job_runs), on the queue; `jobs.idle()` drains it. */
    jobs,
    /** The activity stream's consumers (polling started by serve; tests `drain()` it). */
    stream,
    /** The festival's gate (closed by whoever closes the container). */
    gate,
    /** Writes the festival's won attempts as orders, many per transaction. */
    festivalWriter,
    /** The festival's live attempt figures (closed by whoever closes the container). */
    attemptStats,
    /** What the festival's bot checks count (closed by whoever closes the container). */
    botStore,
    /** A fresh context for one request, command or job. */
    ctx(actor: Actor = { kind: 'anonymous' }, extra: Partial<Ctx> = {}): Ctx {
      return { actor, db: database.db, now, log: options.log, ...extra };
    },
  };
}
export type Container = ReturnType<typeof createContainer>;
export type Services = Container['services'];
