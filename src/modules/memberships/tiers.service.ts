import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { isForeignKeyViolation } from '../../db/errors.ts';
import type { MembershipsRepository, TierRow } from './memberships.repository.ts';
import { toTierDto, type TierDto, type TierInput, type TierPatch } from './memberships.schemas.ts';

/**
 * Membership tiers: staff define them (prices apply to periods bought from then on: each
 * purchase keeps its own price), fans see the active ones. A tier anyone has held is archived,
 * never deleted.
 */
export function createTiersService(deps: { repo: MembershipsRepository }) {
  const { repo } = deps;
  const rankListeners: ((ctx: Ctx) => Promise<void>)[] = [];

  async function checkUnique(ctx: Ctx, input: { name?: string; rank?: number }, self?: string) {
    if (input.name !== undefined) {
      const named = await repo.findTierByName(ctx.db, input.name);
      if (named && named.id !== self) throw new AppError('membership.tier_name_taken', { name: input.name });
    }
    if (input.rank !== undefined) {
      const ranked = await repo.findTierByRank(ctx.db, input.rank);
      if (ranked && ranked.id !== self) throw new AppError('membership.tier_rank_taken', { rank: input.rank });
    }
  }

  return {
    /** A tier's row for other parts of memberships (no access check: prices and names are public). */
    async row(ctx: Ctx, id: string): Promise<TierRow> {
      const tier = await repo.findTier(ctx.db, id);
      if (!tier) throw new AppError('membership.tier_not_found');
      return tier;
    },
    async rows(ctx: Ctx, ids: string[]): Promise<Map<string, TierRow>> {
      const all = await repo.listTiers(ctx.db, { includeArchived: true });
      return new Map(all.filter((t) => ids.includes(t.id)).map((t) => [t.id, t]));
    },
    async names(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
      return new Map([...(await this.rows(ctx, ids))].map(([id, t]) => [id, t.name]));
    },

    /** What the membership page offers: active tiers, lowest rank first. */
    async offered(ctx: Ctx): Promise<TierDto[]> {
      return (await repo.listTiers(ctx.db, { includeArchived: false })).map(toTierDto);
    },

    async list(ctx: Ctx) {
      requireStaff(ctx);
      const [tiers, counts] = await Promise.all([repo.listTiers(ctx.db, { includeArchived: true }), repo.tierCounts(ctx.db)]);
      return tiers.map((t) => ({
        ...toTierDto(t),
        members: counts.get(t.id)?.members ?? 0,
        holders: counts.get(t.id)?.holders ?? 0,
        createdAt: t.createdAt.toISOString(),
      }));
    },

    async create(ctx: Ctx, input: TierInput): Promise<TierDto> {
      requireStaff(ctx);
      await checkUnique(ctx, input);
      const now = ctx.now();
      return toTierDto(await repo.insertTier(ctx.db, { id: newId(), ...input, createdAt: now, updatedAt: now }));
    },

    /** Other modules react to a tier's new rank (loyalty re-levels every fan: a rule may read the rank). */
    onRankChanged(listener: (ctx: Ctx) => Promise<void>) {
      rankListeners.push(listener);
    },

    /** Edits a tier; a new price applies to periods bought from now on. */
    async update(ctx: Ctx, id: string, patch: TierPatch): Promise<TierDto> {
      requireStaff(ctx);
      const before = await this.row(ctx, id);
      await checkUnique(ctx, patch, id);
      const updated = (await repo.updateTier(ctx.db, id, { ...patch, updatedAt: ctx.now() }))!;
      if (updated.rank !== before.rank) for (const listener of rankListeners) await listener(ctx);
      return toTierDto(updated);
    },

    /** No longer offered: members keep it until their period ends. */
    async setArchived(ctx: Ctx, id: string, archived: boolean): Promise<TierDto> {
      requireStaff(ctx);
      await this.row(ctx, id);
      return toTierDto((await repo.updateTier(ctx.db, id, { status: archived ? 'archived' : 'active', updatedAt: ctx.now() }))!);
    },

    /** Only a tier nobody has ever held can be deleted (a mistake); any other is archived. */
    async remove(ctx: Ctx, id: string) {
      requireStaff(ctx);
      await this.row(ctx, id);
      const holders = (await repo.tierCounts(ctx.db)).get(id)?.holders ?? 0;
      const used = await repo.tierUsed(ctx.db, id);
      if (holders > 0 || used) throw new AppError('membership.tier_held', { members: holders });
      try {
        await repo.deleteTier(ctx.db, id);
      } catch (err) {
        // Members-only articles name their tier (articles.members_tier_id restricts the delete).
        if (isForeignKeyViolation(err)) throw new AppError('membership.tier_in_use');
        throw err;
      }
    },
  };
}
export type TiersService = ReturnType<typeof createTiersService>;
