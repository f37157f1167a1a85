/**
 * Every TanStack Query key in one place, so a mutation in one feature can refresh data another
 * feature shows (following changes the channel's follower count) without importing that feature.
 *
 * Everything a staff session can see lives under `['console', …]` and is dropped on log-out.
 */
export const queryKeys = {
  channel: ['channel'] as const,
  fanMe: ['fan', 'me'] as const,
  fanActivities: ['fan', 'activities'] as const,
  fanMembership: ['fan', 'membership'] as const,
  fanGifts: ['fan', 'membership-gifts'] as const,
  fanMembershipPurchase: (id: string) => ['fan', 'membership', 'purchase', id] as const,
  /** The fan's cart (the header's badge reads its count) and their orders. */
  fanCart: ['fan', 'cart'] as const,
  fanOrders: ['fan', 'orders'] as const,
  fanOrderList: (params: Record<string, unknown>) => ['fan', 'orders', 'list', params] as const,
  fanOrder: (id: string) => ['fan', 'orders', 'detail', id] as const,
  /** The tiers on offer and how paying works (public). */
  membershipOffer: ['membership-offer'] as const,
  /** Published articles as the fan site sees them. */
  articles: ['articles'] as const,
  articleFeed: (params: Record<string, unknown>) => ['articles', 'feed', params] as const,
  article: (id: string) => ['articles', 'detail', id] as const,
  /** The fan site's store: prices depend on who reads them (a member sees their price). */
  store: ['store'] as const,
  storeProducts: (params: Record<string, unknown>) => ['store', 'products', params] as const,
  storeProduct: (slug: string) => ['store', 'product', slug] as const,
  storeCategories: ['store', 'categories'] as const,
  /** The fan site's festivals: eligibility and reservations depend on who reads them. */
  festivals: ['festivals'] as const,
  festival: (slug: string) => ['festivals', 'detail', slug] as const,

  consoleSetup: ['console-setup'] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,

  console: ['console'] as const,
  consoleMe: ['console', 'me'] as const,
  consoleStats: ['console', 'stats'] as const,
  consoleFans: ['console', 'fans'] as const,
  consoleFanList: (params: Record<string, unknown>) => ['console', 'fans', 'list', params] as const,
  consoleFan: (id: string) => ['console', 'fans', 'detail', id] as const,
  consoleFanActivities: (id: string) => ['console', 'fans', 'activities', id] as const,
  consoleFanLoyalty: (id: string) => ['console', 'fans', 'loyalty', id] as const,
  consoleFanTags: (id: string) => ['console', 'fans', 'tags', id] as const,
  /** Tags in use, with fan counts. */
  consoleTags: ['console', 'tags'] as const,
  consoleSegments: ['console', 'segments'] as const,
  consoleSegmentList: ['console', 'segments', 'list'] as const,
  consoleSegment: (id: string) => ['console', 'segments', 'detail', id] as const,
  consoleSegmentFans: (id: string, params: Record<string, unknown>) => ['console', 'segments', 'fans', id, params] as const,
  consoleSegmentPreview: (filter: Record<string, unknown>) => ['console', 'segments', 'preview', filter] as const,
  consoleInsights: ['console', 'insights'] as const,
  consoleGrowth: (params: Record<string, unknown>) => ['console', 'insights', 'growth', params] as const,
  consoleQuality: ['console', 'insights', 'quality'] as const,
  consoleLoyalty: ['console', 'loyalty'] as const,
  consoleFanImports: ['console', 'fan-imports'] as const,
  consoleLoyaltyRules: ['console', 'loyalty', 'rules'] as const,
  consoleFunnel: ['console', 'loyalty', 'funnel'] as const,
  consoleRankedFans: (list: string, params: Record<string, unknown>) => ['console', 'loyalty', list, params] as const,
  consoleLoyaltyJobs: ['console', 'loyalty', 'jobs'] as const,
  consoleStaff: ['console', 'staff', 'list'] as const,
  consoleInvitations: ['console', 'staff', 'invitations'] as const,
  consoleTokens: ['console', 'tokens'] as const,
  consolePayments: ['console', 'payments'] as const,
  consolePaymentList: (params: Record<string, unknown>) => ['console', 'payments', 'list', params] as const,
  consolePayment: (id: string) => ['console', 'payments', 'detail', id] as const,
  consolePaymentSettings: ['console', 'payments', 'settings'] as const,
  consoleLedger: ['console', 'ledger'] as const,
  consoleLedgerBalances: ['console', 'ledger', 'balances'] as const,
  consoleLedgerTransactions: (params: Record<string, unknown>) => ['console', 'ledger', 'transactions', params] as const,
  consoleRevenue: (params: Record<string, unknown>) => ['console', 'revenue', params] as const,
  /** Memberships, tiers and each fan's membership: a tier edit, a comp or a refund refreshes them all. */
  consoleMemberships: ['console', 'memberships'] as const,
  consoleMembershipList: (params: Record<string, unknown>) => ['console', 'memberships', 'list', params] as const,
  consoleMembershipTiers: ['console', 'memberships', 'tiers'] as const,
  consoleFanMembership: (fanId: string) => ['console', 'memberships', 'fan', fanId] as const,
  consoleChannel: ['console', 'channel'] as const,
  consoleArticles: ['console', 'articles'] as const,
  consoleArticleList: (params: Record<string, unknown>) => ['console', 'articles', 'list', params] as const,
  consoleArticle: (id: string) => ['console', 'articles', 'detail', id] as const,
  consoleArticleComparison: ['console', 'articles', 'comparison'] as const,
  /** The store's catalogue: products (list and detail) and categories. */
  consoleStore: ['console', 'store'] as const,
  consoleStoreProductList: (params: Record<string, unknown>) => ['console', 'store', 'products', params] as const,
  consoleStoreProduct: (id: string) => ['console', 'store', 'detail', id] as const,
  consoleStoreCategories: ['console', 'store', 'categories'] as const,
  /** The store's orders: a shipment, a refund or a cancel refreshes the list and the order. */
  consoleOrders: ['console', 'orders'] as const,
  consoleOrderList: (params: Record<string, unknown>) => ['console', 'orders', 'list', params] as const,
  consoleOrder: (id: string) => ['console', 'orders', 'detail', id] as const,
  consoleFestivals: ['console', 'festivals'] as const,
  consoleFestivalList: (params: Record<string, unknown>) => ['console', 'festivals', 'list', params] as const,
  consoleFestival: (id: string) => ['console', 'festivals', 'detail', id] as const,
  consoleFestivalReport: (id: string) => ['console', 'festivals', 'report', id] as const,
  /** Membership tiers, archived ones too (staff). */
  /** How far the figures derived from the activity stream are behind. */
  consoleStream: ['console', 'stream'] as const,
};
