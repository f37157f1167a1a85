import { requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type PageQuery } from '../../core/pagination.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { FanListItemDto } from '../fans/fans.schemas.ts';
import type { FansService } from '../fans/fans.service.ts';
import type { ChannelService } from '../channel/channel.service.ts';
import type { CrmRepository, SegmentClock, SegmentRow } from './segments.repository.ts';
import { segmentFilter, type InvalidFilterDto, type SegmentDto, type SegmentFilter } from './segments.schemas.ts';

const EXPORT_BATCH = 1000;

/** Tags staff put on fans, and segments: saved filters with live counts, listed and exported. */
export function createSegmentsService(deps: { repo: CrmRepository; fans: FansService; channel: ChannelService }) {
  const { repo, fans, channel } = deps;
  const clockOf = async (ctx: Ctx): Promise<SegmentClock> => ({ now: ctx.now(), timeZone: (await channel.settings(ctx)).timeZone });

  /** The saved filter, or why it no longer parses: one bad row must not break every list. */
  const parseFilter = (row: SegmentRow): { filter: SegmentFilter; invalid: null } | { filter: null; invalid: InvalidFilterDto } => {
    const parsed = segmentFilter.safeParse(row.filter);
    if (parsed.success) return { filter: parsed.data, invalid: null };
    const details = parsed.error.issues.map((i) => ({ path: ['filter', ...i.path].join('.'), message: i.message }));
    return {
      filter: null,
      invalid: { message: `The saved filter is no longer valid (${details[0]!.path}: ${details[0]!.message}); edit or delete the segment`, details },
    };
  };

  /** The filter to count, page or export; a segment whose saved filter no longer parses is refused (409). */
  const usableFilter = (row: SegmentRow): SegmentFilter => {
    const { filter, invalid } = parseFilter(row);
    if (invalid)
      throw new AppError('segment.invalid_filter', {}, { message: invalid.message, details: invalid.details.map((d) => ({ ...d, issue: 'invalid' as const })) });
    return filter;
  };

  const toDto = async (ctx: Ctx, row: SegmentRow): Promise<SegmentDto> => {
    const { filter, invalid } = parseFilter(row);
    return {
      id: row.id,
      name: row.name,
      filter,
      count: filter ? await repo.count(ctx.db, filter, await clockOf(ctx)) : null,
      invalidFilter: invalid,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  };
  /** Tier ids that name no tier are refused (400): archived tiers are fine, members keep them. */
  async function checkTiers(ctx: Ctx, filter: SegmentFilter) {
    const unknown = await repo.unknownTierIds(ctx.db, [...new Set(filter.tierIds ?? [])]);
    if (unknown.length === 0) return;
    throw new AppError(
      'segment.unknown_tier',
      { tierIds: unknown },
      { details: unknown.map((id) => ({ path: 'filter.tierIds', issue: 'not_found' as const, message: `no tier ${id}` })) },
    );
  }
  const nameTaken = (name: string) => new AppError('segment.name_taken', { name }, { details: [{ path: 'name', issue: 'taken', message: 'is already used' }] });

  async function load(ctx: Ctx, id: string) {
    const row = await repo.findSegment(ctx.db, id);
    if (!row) throw notFound('segment.not_found');
    return row;
  }

  async function loadByName(ctx: Ctx, name: string) {
    const row = await repo.findSegmentByName(ctx.db, name);
    if (!row) throw notFound('segment.not_found', `No segment named "${name}"`);
    return row;
  }

  return {
    async tagsOf(ctx: Ctx, fanId: string) {
      requireStaff(ctx);
      if (!(await repo.fanExists(ctx.db, fanId))) throw notFound('fan.not_found');
      return repo.tagsOf(ctx.db, fanId);
    },
    async addTag(ctx: Ctx, fanId: string, tag: string) {
      requireStaff(ctx);
      if (!(await repo.fanExists(ctx.db, fanId))) throw notFound('fan.not_found');
      await repo.addTag(ctx.db, fanId, tag, ctx.now());
      return repo.tagsOf(ctx.db, fanId);
    },
    async removeTag(ctx: Ctx, fanId: string, tag: string) {
      requireStaff(ctx);
      if (!(await repo.fanExists(ctx.db, fanId))) throw notFound('fan.not_found');
      await repo.removeTag(ctx.db, fanId, tag);
      return repo.tagsOf(ctx.db, fanId);
    },
    /** One tag on many fans, in one transaction; an unknown fan id refuses the whole request. */
    async tagMany(ctx: Ctx, tag: string, fanIds: string[]) {
      requireStaff(ctx);
      const ids = [...new Set(fanIds)];
      return inTransaction(ctx, async (tx) => {
        const known = await repo.existingFanIds(tx.db, ids);
        const missing = ids.filter((id) => !known.has(id));
        if (missing.length) {
          throw new AppError(
            'fan.not_found',
            {},
            {
              message: `${missing.length} of these fans do not exist; nobody was tagged`,
              details: missing.map((id) => ({ path: 'fanIds', issue: 'not_found', message: `no fan ${id}` })),
            },
          );
        }
        const tagged = await repo.addTags(
          tx.db,
          ids.map((fanId) => ({ fanId, tag, createdAt: tx.now() })),
        );
        return { tagged, alreadyTagged: ids.length - tagged };
      });
    },
    /** Used by imports: tags for many fans at once (idempotent). */
    async addTagsMany(ctx: Ctx, rows: { fanId: string; tag: string }[]) {
      requireStaff(ctx);
      await repo.addTags(ctx.db, rows);
    },
    async tagCounts(ctx: Ctx) {
      requireStaff(ctx);
      return repo.tagCounts(ctx.db);
    },

    async preview(ctx: Ctx, filter: SegmentFilter) {
      requireStaff(ctx);
      await checkTiers(ctx, filter);
      return { count: await repo.count(ctx.db, filter, await clockOf(ctx)) };
    },
    async list(ctx: Ctx) {
      requireStaff(ctx);
      return Promise.all((await repo.listSegments(ctx.db)).map((r) => toDto(ctx, r)));
    },
    async get(ctx: Ctx, id: string) {
      requireStaff(ctx);
      return toDto(ctx, await load(ctx, id));
    },
    /** Saved and counted in one transaction: a segment whose answer fails is not left behind. */
    async create(ctx: Ctx, input: { name: string; filter: SegmentFilter }) {
      requireStaff(ctx);
      await checkTiers(ctx, input.filter);
      try {
        return await inTransaction(ctx, async (tx) => {
          const now = tx.now();
          return toDto(tx, await repo.insertSegment(tx.db, { id: newId(), name: input.name, filter: input.filter, createdAt: now, updatedAt: now }));
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(input.name);
        throw err;
      }
    },
    async update(ctx: Ctx, id: string, input: { name: string; filter: SegmentFilter }) {
      requireStaff(ctx);
      await checkTiers(ctx, input.filter);
      try {
        return await inTransaction(ctx, async (tx) => {
          const row = await repo.updateSegment(tx.db, id, { ...input, updatedAt: tx.now() });
          if (!row) throw notFound('segment.not_found');
          return toDto(tx, row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(input.name);
        throw err;
      }
    },
    async remove(ctx: Ctx, id: string) {
      requireStaff(ctx);
      if (!(await repo.deleteSegment(ctx.db, id))) throw notFound('segment.not_found');
    },
    /**
     * A segment to export, by id or by name: its name and filter. Refused when its saved filter
     * no longer parses (exporting every fan instead would be wrong).
     */
    async exportable(ctx: Ctx, ref: { id: string } | { name: string }) {
      requireStaff(ctx);
      const row = 'id' in ref ? await load(ctx, ref.id) : await loadByName(ctx, ref.name);
      return { name: row.name, filter: usableFilter(row) };
    },

    /** A page of the segment's fans (ordered by id, stable while paging). */
    async fansOf(ctx: Ctx, id: string, q: PageQuery): Promise<Page<FanListItemDto>> {
      requireStaff(ctx);
      const filter = usableFilter(await load(ctx, id));
      const clock = await clockOf(ctx);
      const [allIds, total] = await Promise.all([repo.ids(ctx.db, filter, clock, null, offsetOf(q) + q.pageSize), repo.count(ctx.db, filter, clock)]);
      const ids = allIds.slice(offsetOf(q));
      const people = await fans.getMany(ctx, ids);
      return { items: ids.flatMap((i) => people.get(i) ?? []), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * Export rows, streamed in batches of 1,000 by keyset: memory stays flat whatever the
     * segment's size. `filter` undefined exports every fan.
     */
    async *exportRows(ctx: Ctx, filter: SegmentFilter = {}) {
      requireStaff(ctx);
      let after: string | null = null;
      const clock = await clockOf(ctx);
      for (;;) {
        const ids = await repo.ids(ctx.db, filter, clock, after, EXPORT_BATCH);
        if (ids.length === 0) return;
        for (const r of await repo.exportRows(ctx.db, ids)) {
          yield {
            email: r.email,
            display_name: r.displayName,
            status: r.status,
            followed_at: r.firstFollowedAt?.toISOString() ?? '',
            following_since: r.followingSince?.toISOString() ?? '',
            level: r.level,
            tags: r.tags,
            signed_up_at: r.createdAt.toISOString(),
          };
        }
        after = ids[ids.length - 1]!;
      }
    },
  };
}
export type SegmentsService = ReturnType<typeof createSegmentsService>;
