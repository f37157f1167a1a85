import { requireFan, requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type CursorQuery, type Page } from '../../core/pagination.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { articleIdOfSource, sourceTypeOf } from '../timeline/timeline.schemas.ts';
import type { TimelineService } from '../timeline/timeline.service.ts';
import type { FansRepository, FanRow } from './fans.repository.ts';
import { toFanListItemDto, toFanSelfDto, type FanListItemDto, type FanListQuery, type FanSelfDto, type LoginInput, type SignupInput } from './fans.schemas.ts';

const invalidCredentials = () => new AppError('auth.invalid_credentials');

export function createFansService(deps: { repo: FansRepository; auth: AuthService; timeline: TimelineService }) {
  const { repo, auth, timeline } = deps;

  async function loadSelf(ctx: Ctx): Promise<FanRow> {
    const fanId = requireFan(ctx);
    const row = await repo.findById(ctx.db, fanId);
    if (!row) throw notFound('fan.not_found');
    return row;
  }

  return {
    /** Creates the fan account and a session for it. */
    async signup(ctx: Ctx, input: SignupInput) {
      const passwordHash = await auth.hashPassword(input.password);
      try {
        const row = await repo.insert(ctx.db, {
          id: newId(),
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          createdAt: ctx.now(),
        });
        const session = await auth.startSession(ctx, 'fan', row.id);
        return { fan: toFanSelfDto(row), session };
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError('fan.email_taken', {}, { details: [{ path: 'email', issue: 'taken', message: 'is already registered' }] });
        }
        throw err;
      }
    },

    async login(ctx: Ctx, input: LoginInput) {
      const row = await repo.findByEmail(ctx.db, input.email);
      if (!(await auth.verifyPassword(row?.passwordHash ?? null, input.password)) || !row) {
        throw invalidCredentials();
      }
      const session = await auth.startSession(ctx, 'fan', row.id);
      return { fan: toFanSelfDto(row), session };
    },

    /** The signed-in fan's id for a session token, or undefined. */
    async resolveSession(ctx: Ctx, token: string): Promise<string | undefined> {
      return auth.resolveSession(ctx, 'fan', token);
    },

    async me(ctx: Ctx): Promise<FanSelfDto> {
      return toFanSelfDto(await loadSelf(ctx));
    },

    /** Who is signed in on the fan site: the fan, or null for a visitor (not an error: most page loads are visitors'). */
    async session(ctx: Ctx): Promise<FanSelfDto | null> {
      if (ctx.actor.kind !== 'fan') return null;
      const row = await repo.findById(ctx.db, ctx.actor.fanId);
      return row ? toFanSelfDto(row) : null;
    },

    /**
     * Follow is idempotent: the state flips and the `followed` activity is written in one
     * statement (the UPDATE and the activity's INSERT together: atomic without a transaction), or
     * nothing happens when the fan already follows (then the fan is read). An unfollow's
     * attribution (the last article read) is looked up inside that same statement. Analytics,
     * article counters, loyalty and the segments' copy of the follow state follow after commit, as
     * stream consumers. One statement either way, counted in fans.cost.spec.ts.
     */
    async follow(ctx: Ctx, source = 'direct'): Promise<FanSelfDto> {
      const fanId = requireFan(ctx);
      const at = ctx.now();
      const changed = await timeline.recordWithChange(ctx, repo.markFollowing(fanId, at, sourceTypeOf(source)), {
        fanId,
        kind: 'followed',
        source,
        articleId: articleIdOfSource(source),
        at,
      });
      return toFanSelfDto(changed ?? (await loadSelf(ctx)));
    },

    async unfollow(ctx: Ctx, source = 'direct'): Promise<FanSelfDto> {
      const fanId = requireFan(ctx);
      const at = ctx.now();
      const changed = await timeline.recordWithChange(ctx, repo.markUnfollowed(fanId, at), {
        fanId,
        kind: 'unfollowed',
        source,
        articleId: articleIdOfSource(source),
        at,
      });
      return toFanSelfDto(changed ?? (await loadSelf(ctx)));
    },

    /** A fan reads only their own timeline: the id comes from the session, never the request. */
    async myActivities(ctx: Ctx, q: CursorQuery) {
      const fanId = requireFan(ctx);
      return timeline.listForFan(ctx, fanId, q);
    },

    async list(ctx: Ctx, q: FanListQuery): Promise<Page<FanListItemDto>> {
      requireStaff(ctx);
      const { rows, total } = await repo.list(ctx.db, {
        q: q.q || undefined,
        status: q.status,
        limit: q.pageSize,
        offset: offsetOf(q),
      });
      return { items: rows.map(toFanListItemDto), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: Ctx, fanId: string): Promise<FanListItemDto> {
      requireStaff(ctx);
      const row = await repo.findById(ctx.db, fanId);
      if (!row) throw notFound('fan.not_found');
      return toFanListItemDto(row);
    },

    async activities(ctx: Ctx, fanId: string, q: CursorQuery) {
      requireStaff(ctx);
      if (!(await repo.findById(ctx.db, fanId))) throw notFound('fan.not_found');
      return timeline.listForFan(ctx, fanId, q);
    },

    async stats(ctx: Ctx) {
      requireStaff(ctx);
      return repo.counts(ctx.db);
    },

    /** Fan quality per acquisition source (30-day retention by default). */
    async retentionBySource(ctx: Ctx, days = 30) {
      requireStaff(ctx);
      return repo.retentionBySource(ctx.db, days, ctx.now());
    },

    /**
     * Import: creates the fans whose email is new (with a `followed` activity from `import` at
     * their followed-at), leaves existing ones as they are. Returns email → id for every row.
     * Run it inside a transaction. Cost, whatever the batch's size (counted in fans.cost.spec.ts):
     * 2 statements when every email is new, 3 when some fans were already there (their ids are
     * read); derived figures follow after commit.
     */
    async importBatch(ctx: Ctx, rows: { email: string; displayName: string; followedAt: Date | null }[]) {
      requireStaff(ctx);
      const now = ctx.now();
      const created = await repo.insertManyNew(
        ctx.db,
        rows.map((r) => ({
          id: newId(),
          email: r.email,
          displayName: r.displayName,
          followStatus: r.followedAt ? ('following' as const) : ('never_followed' as const),
          followingSince: r.followedAt,
          firstFollowedAt: r.followedAt,
          firstFollowSource: r.followedAt ? 'import' : null,
          createdAt: now,
        })),
      );
      await timeline.recordMany(
        ctx,
        created.filter((f) => f.firstFollowedAt).map((f) => ({ fanId: f.id, kind: 'followed' as const, source: 'import', at: f.firstFollowedAt! })),
      );
      const createdEmails = new Set(created.map((f) => f.email));
      const ids = new Map(created.map((f) => [f.email, f.id]));
      const existing = rows.filter((r) => !createdEmails.has(r.email)).map((r) => r.email);
      for (const [email, id] of await repo.idsByEmail(ctx.db, existing)) ids.set(email, id);
      return { ids, createdEmails };
    },

    /** Several fans by id, for staff lists built elsewhere (super fans, candidates). */
    async getMany(ctx: Ctx, ids: string[]): Promise<Map<string, FanListItemDto>> {
      requireStaff(ctx);
      return new Map((await repo.findMany(ctx.db, ids)).map((r) => [r.id, toFanListItemDto(r)]));
    },

    /** Public figure shown on the fan site. */
    async followerCount(ctx: Ctx): Promise<number> {
      return repo.countFollowers(ctx.db);
    },
  };
}
export type FansService = ReturnType<typeof createFansService>;
