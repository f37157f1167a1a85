import { z } from 'zod';

/**
 * Every error code Fanbase answers with (HTTP) or prints (CLI), with its status, the parameters
 * it carries and its English message. The JSON answer is
 * `{"error":{"code","message","params","details"?}}`: `message` is this English text for API users
 * and logs; the web app shows its own translation of `code` with `params`
 * (web/src/i18n: `errors.codes.<code>`). test/error-codes.spec.ts holds both locale files to this
 * list, so a new code cannot ship without its messages.
 */
type Entry<P extends z.ZodRawShape> = { status: number; params: z.ZodObject<P>; message: (params: z.infer<z.ZodObject<P>>) => string };

const entry = <P extends z.ZodRawShape = Record<never, never>>(status: number, message: (params: z.infer<z.ZodObject<P>>) => string, shape?: P): Entry<P> => ({
  status,
  params: z.object(shape ?? ({} as P)).strict(),
  message,
});

const seconds = z.number().int().nonnegative();

/** An ALTCHA challenge as the server issues it (the `challenge` param of festival.challenge_required). */
export const altchaChallenge = z.object({
  parameters: z.object({
    algorithm: z.string().max(32),
    nonce: z.string().max(256),
    salt: z.string().max(256),
    cost: z.number().int().min(1).max(1_000_000),
    keyLength: z.number().int().min(1).max(128),
    keyPrefix: z.string().max(256),
    keySignature: z.string().max(256).optional(),
    memoryCost: z.number().int().optional(),
    parallelism: z.number().int().optional(),
    expiresAt: z.number().optional(),
    data: z.record(z.string().max(64), z.union([z.string().max(256), z.number(), z.boolean(), z.null()])).optional(),
  }),
  signature: z.string().max(256).optional(),
});

export const ERROR_CODES = {
  // The request itself
  validation_failed: entry(400, (p) => `${p.in}.${p.path} is invalid`, { path: z.string(), in: z.string() }),
  bad_request: entry(400, () => 'The request is not valid'),
  not_found: entry(404, () => 'Not found'),
  'route.not_found': entry(404, (p) => `No route ${p.method} ${p.path}`, { method: z.string(), path: z.string() }),
  'request.unsupported_media_type': entry(415, () => 'This content type is not accepted here'),
  'request.body_too_large': entry(413, () => 'The request body is too large'),
  'request.empty_body': entry(400, () => 'The request body is empty'),
  'request.invalid_json': entry(400, () => 'The request body is not valid JSON'),
  'request.invalid_content_length': entry(400, () => 'Content-Length does not match the body'),
  'request.uri_too_long': entry(414, () => 'The address is too long'),
  'request.bad_url': entry(400, () => 'The address is malformed'),
  rate_limited: entry(429, (p) => `Too many requests; try again in ${p.retryAfterSeconds} seconds`, { retryAfterSeconds: seconds }),
  'csrf.cross_site': entry(403, () => 'Requests from another site cannot use a Fanbase session'),
  internal: entry(500, () => 'Internal server error'),

  // Signing in and access
  'auth.unauthenticated': entry(401, () => 'Sign in first'),
  'auth.forbidden': entry(403, () => 'You are not allowed to do this'),
  'auth.invalid_credentials': entry(401, () => 'Email or password is incorrect'),
  'setup.already_done': entry(409, () => 'The owner account already exists; sign in instead'),
  'invitation.not_found': entry(404, () => 'This invitation link is invalid or has expired'),
  'metrics.disabled': entry(404, () => 'Metrics are off: set METRICS_TOKEN to scrape /metrics'),
  'metrics.unauthenticated': entry(401, () => 'Scraping /metrics needs Authorization: Bearer <METRICS_TOKEN>'),

  // Fans, staff and tokens
  'fan.not_found': entry(404, () => 'Fan not found'),
  'fan.email_taken': entry(409, () => 'An account with this email already exists'),
  'staff.not_found': entry(404, () => 'Staff member not found'),
  'staff.email_taken': entry(409, (p) => `A staff account with email ${p.email} already exists`, { email: z.string() }),
  'staff.owner_protected': entry(403, () => 'The owner cannot be removed'),
  'token.not_found': entry(404, () => 'API token not found'),

  // Content and CRM
  'article.not_found': entry(404, () => 'Article not found'),
  'article.was_published': entry(409, () => 'A published article cannot be deleted; unpublish it instead'),
  'share_link.not_found': entry(404, () => 'Share link not found'),
  'segment.not_found': entry(404, () => 'Segment not found'),
  'segment.name_taken': entry(409, (p) => `A segment named "${p.name}" already exists`, { name: z.string() }),
  'segment.invalid_filter': entry(409, () => 'The saved filter is no longer valid; edit or delete the segment'),
  'segment.unknown_tier': entry(400, (p) => `No membership tier with the id ${p.tierIds.join(', ')}`, { tierIds: z.array(z.string()) }),
  'import.missing_email_column': entry(400, () => 'The CSV needs a header row with an "email" column'),
  'import.file_not_found': entry(404, (p) => `No such file: ${p.file}`, { file: z.string() }),
  'import.not_found': entry(404, () => 'Import not found'),
  'import.failed': entry(500, () => 'The import could not be finished; upload the file again'),

  // Money
  'ledger.too_few_entries': entry(400, () => 'A ledger transaction needs at least two entries'),
  'ledger.unbalanced': entry(400, (p) => `The entries in ${p.currency} sum to ${p.sumMinor}, not zero: debits and credits must balance per currency`, {
    currency: z.string(),
    sumMinor: z.string(),
  }),
  'ledger.invalid_entry': entry(400, (p) => `Ledger entry ${p.index} is invalid`, { index: z.number().int().nonnegative() }),
  'ledger.invalid_post': entry(400, (p) => `The ledger transaction's ${p.field} is invalid`, { field: z.string() }),
  // Payments
  'payment.not_found': entry(404, () => 'Payment not found'),
  'payment.provider_unknown': entry(404, (p) => `No payment provider named ${p.provider} is configured`, { provider: z.string() }),
  'payment.notification_invalid': entry(400, (p) => `The notification is not genuine: ${p.reason}`, { reason: z.string() }),
  'payment.not_refundable': entry(409, (p) => `A ${p.status} payment cannot be refunded`, { status: z.string() }),
  'payment.refund_exceeds': entry(409, (p) => `At most ${p.refundableMinor} (minor units) can still be refunded`, { refundableMinor: z.number() }),
  'payment.not_payable': entry(409, (p) => `This payment is ${p.status} and can no longer be paid here`, { status: z.string() }),
  'payment.recurring_unavailable': entry(409, (p) => `${p.provider} does not renew payments by itself; pay each period instead`, { provider: z.string() }),
  'payment.provider_not_configured': entry(
    409,
    (p) => `The payment provider ${p.provider} is not configured here: set its environment variables and restart first`,
    { provider: z.string() },
  ),
  // Memberships
  'membership.tier_not_found': entry(404, () => 'Membership tier not found'),
  'membership.tier_archived': entry(409, () => 'This membership tier is no longer offered'),
  'membership.tier_name_taken': entry(409, (p) => `A tier named "${p.name}" already exists`, { name: z.string() }),
  'membership.tier_rank_taken': entry(409, (p) => `Another tier already has rank ${p.rank}`, { rank: z.number().int() }),
  'membership.tier_held': entry(409, (p) => `${p.members} fan(s) have held this tier: archive it instead of deleting it`, { members: z.number().int() }),
  'membership.tier_in_use': entry(409, () => 'Members-only articles are for this tier: choose another tier for them before deleting it'),
  'membership.downgrade_at_period_end': entry(409, (p) => `Switch to a lower tier once the current period ends (${p.endsAt})`, { endsAt: z.string() }),
  'membership.renews_automatically': entry(409, () => 'This membership renews by itself; cancel the automatic renewal before paying for periods yourself'),
  'membership.auto_renew_join_only': entry(409, () => 'Automatic renewal starts with a new membership; pay this period once'),
  'membership.not_member': entry(404, () => 'No membership here yet'),
  'membership.not_cancelable': entry(409, (p) => `A ${p.status} membership cannot be canceled`, { status: z.string() }),
  'membership.purchase_not_found': entry(404, () => 'Membership purchase not found'),
  'membership.purchase_not_refundable': entry(409, (p) => `This purchase cannot be refunded: ${p.reason}`, { reason: z.string() }),
  'membership.tier_conflict': entry(409, (p) => `The fan is a member of ${p.tier} until ${p.endsAt}; grant that tier or wait until it ends`, {
    tier: z.string(),
    endsAt: z.string(),
  }),
  'membership.offer_not_found': entry(404, () => 'This offer does not exist'),
  'membership.offer_code_taken': entry(409, (p) => `An offer with the code ${p.code} already exists`, { code: z.string() }),
  'membership.offer_ended': entry(409, (p) => `This offer ended on ${p.endedAt}`, { endedAt: z.string() }),
  'membership.offer_exhausted': entry(409, () => 'This offer has been taken up by as many fans as it was for'),
  'membership.offer_mismatch': entry(400, () => 'This offer is for another tier or period'),
  'membership.offer_used': entry(409, () => 'You have already used this offer'),
  'membership.offer_new_members_only': entry(409, () => 'This offer is for new members'),
  'membership.offer_no_auto_renew': entry(409, () => 'An offer pays for the first period once; automatic renewal can start after it'),
  'membership.gift_not_found': entry(404, () => 'Gift not found'),
  'membership.gift_to_self': entry(400, () => 'A gift is for someone else: use the membership page to join yourself'),
  'membership.gift_claimed': entry(409, () => 'This gift has already been claimed'),
  'membership.gift_not_claimable': entry(409, (p) => `This gift is ${p.status} and cannot be claimed`, { status: z.string() }),
  'payment.provider_failed': entry(502, (p) => `The payment provider ${p.provider} could not do it (${p.code})`, { provider: z.string(), code: z.string() }),
  'payment.currency_unsupported': entry(400, (p) => `The payment provider ${p.provider} cannot take payments in ${p.currency}`, {
    provider: z.string(),
    currency: z.string(),
  }),
  'payment.method_unsupported': entry(400, (p) => `The payment provider ${p.provider} does not offer paying by ${p.method}`, {
    provider: z.string(),
    method: z.string(),
  }),
  'payment.payer_required': entry(400, (p) => `The payment provider ${p.provider} needs the payer's ${p.field} to pay this way`, {
    provider: z.string(),
    field: z.string(),
  }),

  // Store
  'store.product_not_found': entry(404, () => 'Product not found'),
  'store.variant_not_found': entry(404, () => 'Variant not found'),
  'store.category_not_found': entry(404, () => 'Store category not found'),
  'store.slug_taken': entry(409, (p) => `Another product already has the address ${p.slug}`, { slug: z.string() }),
  'store.sku_taken': entry(409, (p) => `Another variant already has the SKU ${p.sku}`, { sku: z.string() }),
  'store.category_slug_taken': entry(409, (p) => `Another category already has the address ${p.slug}`, { slug: z.string() }),
  'store.currency_mismatch': entry(409, (p) => `This product sells in ${p.currency}: price every variant in it`, { currency: z.string() }),
  'store.stock_below_reserved': entry(409, (p) => `${p.reserved} unit(s) are held by checkouts: stock cannot go below that`, {
    reserved: z.number().int(),
  }),
  'store.variant_archived': entry(409, () => 'This variant was ordered and is archived: it is kept as ordered and can no longer be changed'),
  'store.no_active_variant': entry(409, () => 'Add an active variant before publishing: fans need something to pick'),
  'store.product_published': entry(409, () => 'Unpublish the product before deleting it'),
  'store.product_ordered': entry(409, () => 'This product has been ordered: unpublish it instead of deleting it'),
  'store.out_of_stock': entry(409, (p) => `Only ${p.available} of ${p.sku} left: fewer than asked for`, { sku: z.string(), available: z.number().int() }),
  'festival.not_found': entry(404, () => 'Festival not found'),
  'festival.item_not_found': entry(404, () => 'Festival item not found'),
  'festival.busy': entry(429, () => 'The festival is very busy: try again in a second', { retryAfterSeconds: z.number().int() }),
  'festival.challenge_required': entry(403, () => 'Prove you are not a script: solve the challenge and send it with the attempt', {
    challenge: altchaChallenge,
    reason: z.enum(['fan_rate', 'visitor_rate']),
  }),
  'festival.challenge_invalid': entry(403, () => 'That challenge answer is wrong, expired, already used or not yours: solve this new one', {
    challenge: altchaChallenge,
    reason: z.enum(['invalid', 'expired', 'reused', 'not_yours']),
  }),
  'festival.too_many_attempts': entry(429, (p) => `Too many attempts: try again in ${p.retryAfterSeconds} seconds`, { retryAfterSeconds: seconds }),
  'festival.quantity_above_limit': entry(400, (p) => `At most ${p.limit} per fan`, { limit: z.number().int() }),
  'festival.slug_taken': entry(409, (p) => `Another festival already has the address ${p.slug}`, { slug: z.string() }),
  'festival.item_taken': entry(409, (p) => `${p.sku} is already on sale at this festival`, { sku: z.string() }),
  'festival.price_above_list': entry(409, (p) => `The festival price of ${p.sku} must not be above its list price`, {
    sku: z.string(),
    listMinor: z.number().int(),
  }),
  'festival.variant_not_on_sale': entry(409, (p) => `${p.sku} is not on sale in the store (publish its product, activate the variant)`, { sku: z.string() }),
  'festival.no_items': entry(409, () => 'Add an item before publishing the festival'),
  'festival.starts_in_past': entry(409, () => 'The festival must start in the future to be published'),
  'festival.canceled': entry(409, () => 'This festival was canceled: it can no longer be changed'),
  'festival.ended': entry(409, () => 'This festival is over'),
  'festival.sale_opened': entry(409, () => 'The sale has opened: items, quotas and dates can no longer change'),
  'festival.reservation_not_required': entry(409, () => 'This festival does not take reservations: every fan may take part'),
  'festival.reservations_closed': entry(409, () => 'Reservations for this festival are closed'),

  // Cart, checkout and orders
  'cart.full': entry(409, (p) => `A cart holds at most ${p.max} different items: check out or remove some first`, { max: z.number().int() }),
  'order.not_found': entry(404, () => 'Order not found'),
  'order.line_not_found': entry(404, (p) => `This order has no line ${p.lineId}`, { lineId: z.string() }),
  'order.cart_empty': entry(409, () => 'The cart is empty: add something first'),
  'order.cart_has_problems': entry(409, (p) => `${p.lines} line(s) of the cart cannot be bought as they are: fix them first`, { lines: z.number().int() }),
  'order.price_changed': entry(409, (p) => `The cart now costs ${p.totalMinor} (minor units, ${p.currency}): check the new total and try again`, {
    totalMinor: z.number().int(),
    currency: z.string(),
  }),
  'order.address_required': entry(409, () => 'Add the address to ship to before paying this order'),
  'order.wrong_state': entry(409, (p) => `A ${p.status} order cannot do this`, { status: z.string() }),
  'order.payment_window_over': entry(409, () => 'The time to pay for this order is over: it is canceled and its items are back on sale'),
  'order.refund_exceeds': entry(409, (p) => `At most ${p.refundable} unit(s) of ${p.sku} can still be refunded`, {
    sku: z.string(),
    refundable: z.number().int(),
  }),
  'order.nothing_to_refund': entry(409, () => 'Everything in this order has already been refunded'),
  'order.csv_invalid': entry(400, (p) => `The CSV cannot be read: ${p.reason}`, { reason: z.string() }),
  'order.shipment_duplicate': entry(409, (p) => `Order ${p.orderNumber} is on an earlier row of this file`, { orderNumber: z.string() }),

  // Background work and retries
  'job.already_running': entry(409, (p) => `${p.job} is already running; wait for it to finish`, { job: z.string() }),
  'job.failed': entry(500, (p) => `${p.job} failed: ${p.reason}`, { job: z.string(), reason: z.string() }),
  'workflow.run_not_found': entry(404, () => 'Workflow run not found'),
  'idempotency.sign_in_required': entry(401, () => 'Sign in to send an Idempotency-Key'),
  'idempotency.key_required': entry(400, () => 'Send an Idempotency-Key header (a new UUID per attempt; the same one when retrying it)'),
  'idempotency.invalid_key': entry(400, (p) => `Idempotency-Key ${p.reason}`, { reason: z.string() }),
  'idempotency.key_reused': entry(409, () => 'This Idempotency-Key was already used for a different request; send a new key'),
  'idempotency.in_progress': entry(409, () => 'A request with this Idempotency-Key is still being processed; retry once it has finished'),
  'idempotency.busy': entry(503, () => 'This Idempotency-Key is changing hands; retry in a moment'),
  'database.in_use': entry(
    409,
    (p) => `The embedded database in ${p.dataDir} is in use by another Fanbase process; stop it first, or set DATABASE_URL to share a PostgreSQL server`,
    {
      dataDir: z.string(),
    },
  ),
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorParams<C extends ErrorCode> = z.infer<(typeof ERROR_CODES)[C]['params']>;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/**
 * What is wrong with one field, in `details` (validation, and conflicts on a field such as a
 * taken email): `issue` names it, `params` fill it in; `message` is the English text. The web app
 * translates `issue` (`errors.fields.<issue>`) and shows it on the form field `path` names.
 */
export const FIELD_ISSUES = {
  invalid: {},
  required: {},
  too_short: { minimum: z.number() },
  too_long: { maximum: z.number() },
  too_small: { minimum: z.number() },
  too_big: { maximum: z.number() },
  too_few: { minimum: z.number() },
  too_many: { maximum: z.number() },
  invalid_email: {},
  invalid_url: {},
  invalid_option: {},
  nul_character: {},
  taken: {},
  not_found: {},
  sponsored_only: {},
  before_start: {},
  duplicate: {},
} as const satisfies Record<string, z.ZodRawShape>;

export type FieldIssueCode = keyof typeof FIELD_ISSUES;
export const FIELD_ISSUE_LIST = Object.keys(FIELD_ISSUES) as FieldIssueCode[];

export type FieldIssue = {
  path: string;
  /** Where the field is: body, querystring, params, headers. */
  in?: string;
  issue: FieldIssueCode;
  params?: Record<string, string | number>;
  message: string;
};

/** The error answer: `{"error": ErrorBody}`. */
export type ErrorBody = { code: ErrorCode; message: string; params: Record<string, unknown>; details?: FieldIssue[] };
