import { requireFan } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { TimelineService } from '../timeline/timeline.service.ts';
import { eligibilityOf, opensAtFor, type Eligibility } from './festival-eligibility.ts';
import type { FestivalCatalogue, FestivalMembership } from './festival-ports.ts';
import type { FestivalRepository, FestivalRow } from './festival.repository.ts';
import { festivalFieldsOf, missingVariant, toVariantRef, type EligibilityDto, type FanFestivalDto, type FanFestivalSummaryDto } from './festival.schemas.ts';
import type { FestivalGate } from './gate/festival-gate.ts';

export type FestivalSiteDeps = {
  repo: FestivalRepository;
  catalogue: FestivalCatalogue;
  membership: FestivalMembership;
  gate: FestivalGate;
  timeline: Pick<TimelineService, 'record'>;
};

const toEligibilityDto = (e: Eligibility): EligibilityDto => ({
  state: e.state,
  reason: e.state === 'not_eligible' ? e.reason : null,
  opensAt: e.opensAt.toISOString(),
});

/** Reservations stop at their close, or at the start. */
export const reservationsUntil = (f: Pick<FestivalRow, 'startsAt' | 'reservationsCloseAt'>): Date => f.reservationsCloseAt ?? f.startsAt;

/**
 * The fan site's festivals: published ones only (a draft or a canceled one is not found), each
 * with its items, live remaining from the gate, the reader's reservations, eligibility and
 * opening time, and the server's clock for the countdown. Fans reserve items where required.
 */
export function createFestivalSiteService(deps: FestivalSiteDeps) {
  const { repo, catalogue, membership, gate, timeline } = deps;

  async function published(ctx: Ctx, slug: string): Promise<FestivalRow> {
    const f = await repo.findBySlug(ctx.db, slug);
    if (!f || f.status !== 'published') throw new AppError('festival.not_found');
    return f;
  }

  async function reservable(ctx: Ctx, slug: string, itemId: string) {
    const fanId = requireFan(ctx);
    const f = await published(ctx, slug);
    const item = await repo.findItem(ctx.db, f.id, itemId);
    if (!item) throw new AppError('festival.item_not_found');
    if (!f.requiresReservation) throw new AppError('festival.reservation_not_required');
    if (ctx.now() >= reservationsUntil(f)) throw new AppError('festival.reservations_closed');
    return { fanId, f, item };
  }

  return {
    /** Published festivals not over yet, soonest first, with the reader's opening time. Cost: 1 query + memberships'. */
    async upcoming(ctx: Ctx): Promise<{ serverTime: string; festivals: FanFestivalSummaryDto[] }> {
      const [rows, minutes] = await Promise.all([repo.listUpcoming(ctx.db, ctx.now(), 10), membership.earlyAccessMinutes(ctx)]);
      return {
        serverTime: ctx.now().toISOString(),
        festivals: rows.map((f) => ({
          slug: f.slug,
          name: f.name,
          startsAt: f.startsAt.toISOString(),
          endsAt: f.endsAt.toISOString(),
          requiresReservation: f.requiresReservation,
          opensAt: opensAtFor(f.startsAt, minutes).toISOString(),
        })),
      };
    },

    /** One published festival by its address, as this reader sees it. Cost: 2–3 queries, the catalogue's, one gate read per item. */
    async bySlug(ctx: Ctx, slug: string): Promise<FanFestivalDto> {
      const f = await published(ctx, slug);
      const fanId = ctx.actor.kind === 'fan' ? ctx.actor.fanId : null;
      const [items, mine, minutes, longest] = await Promise.all([
        repo.itemsOf(ctx.db, [f.id]),
        fanId ? repo.reservedBy(ctx.db, f.id, fanId) : Promise.resolve(new Set<string>()),
        membership.earlyAccessMinutes(ctx),
        membership.longestEarlyAccessMinutes(ctx),
      ]);
      const [variants, remaining] = await Promise.all([
        catalogue.variants(
          ctx,
          items.map((i) => i.variantId),
        ),
        Promise.all(items.map((i) => gate.remaining(i.id))),
      ]);
      const now = ctx.now();
      const eligibility = (reserved: boolean) =>
        toEligibilityDto(eligibilityOf({ now, festival: f, earlyAccessMinutes: minutes, longestEarlyAccessMinutes: longest, reserved }));
      const until = reservationsUntil(f);
      return {
        ...festivalFieldsOf(f),
        serverTime: now.toISOString(),
        reservationsUntil: until.toISOString(),
        reservationsOpen: f.requiresReservation && now < until,
        earlyAccessMinutes: minutes,
        signedIn: fanId !== null,
        eligibility: eligibility(mine.size > 0),
        items: items.map((i, n) => ({
          id: i.id,
          variant: toVariantRef(variants.get(i.variantId) ?? missingVariant(i.variantId)),
          price: { amountMinor: i.priceMinor, currency: i.currency },
          quota: i.quota,
          perFanLimit: i.perFanLimit,
          // The gate holds the item from publication on; until it does (a restart), nothing was sold.
          remaining: remaining[n] ?? i.quota,
          reserved: mine.has(i.id),
          eligibility: eligibility(mine.has(i.id)),
        })),
      };
    },

    /**
     * Reserves an item for the signed-in fan, until reservations close; a second time changes
     * nothing. A new reservation is a `festival_reserved` activity, written with it.
     */
    async reserve(ctx: Ctx, slug: string, itemId: string) {
      const { fanId, f, item } = await reservable(ctx, slug, itemId);
      const sku = (await catalogue.variants(ctx, [item.variantId])).get(item.variantId)?.sku ?? '';
      await inTransaction(ctx, async (tx) => {
        const added = await repo.reserve(tx.db, { itemId, fanId, festivalId: f.id, createdAt: tx.now() });
        if (added) await timeline.record(tx, { fanId, kind: 'festival_reserved', data: { festivalId: f.id, festival: f.name, itemId, sku }, at: tx.now() });
      });
      return { itemId, reserved: true, reservations: await repo.countForItem(ctx.db, itemId) };
    },

    /** Takes a reservation back, until reservations close; without one, nothing changes. */
    async unreserve(ctx: Ctx, slug: string, itemId: string) {
      const { fanId } = await reservable(ctx, slug, itemId);
      await repo.unreserve(ctx.db, itemId, fanId);
      return { itemId, reserved: false, reservations: await repo.countForItem(ctx.db, itemId) };
    },
  };
}
export type FestivalSiteService = ReturnType<typeof createFestivalSiteService>;
