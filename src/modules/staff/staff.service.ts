import { requireOwner, requireStaff } from '../../core/access.ts';
import { inTransaction, type Actor, type Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { hashSecret, newId, newSecret } from '../../core/ids.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { StaffRepository } from './staff.repository.ts';
import { toStaffDto, type SetupInput, type StaffDto, type StaffLoginInput } from './staff.schemas.ts';

const emailTaken = (email: string) => new AppError('staff.email_taken', { email });

const alreadySetUp = () => new AppError('setup.already_done');

/** Staff accounts: first-run owner setup, sign-in, the staff list and removal. */
export function createStaffService(deps: { repo: StaffRepository; auth: AuthService }) {
  const { repo, auth } = deps;

  /** One insert for every door; a duplicate email (or second owner) becomes `onDuplicate()`. */
  async function insertAccount(ctx: Ctx, input: SetupInput, role: 'owner' | 'staff', onDuplicate: () => AppError) {
    const passwordHash = await auth.hashPassword(input.password);
    try {
      return await repo.insert(ctx.db, { id: newId(), email: input.email, name: input.name, role, passwordHash, createdAt: ctx.now() });
    } catch (err) {
      if (isUniqueViolation(err)) throw onDuplicate();
      throw err;
    }
  }

  return {
    async needsSetup(ctx: Ctx): Promise<boolean> {
      return (await repo.count(ctx.db)) === 0;
    },

    /** Creates the owner. Works once; a racing second setup fails on the single-owner index. */
    async setupOwner(ctx: Ctx, input: SetupInput) {
      if ((await repo.count(ctx.db)) > 0) throw alreadySetUp();
      const row = await insertAccount(ctx, input, 'owner', alreadySetUp);
      const session = await auth.startSession(ctx, 'staff', row.id);
      return { staff: toStaffDto(row), session };
    },

    /** CLI door: create the owner, or a staff member once an owner exists. */
    async createAccount(ctx: Ctx, input: SetupInput): Promise<StaffDto> {
      requireStaff(ctx);
      const role = (await repo.count(ctx.db)) === 0 ? 'owner' : 'staff';
      return toStaffDto(await insertAccount(ctx, input, role, () => emailTaken(input.email)));
    },

    async login(ctx: Ctx, input: StaffLoginInput) {
      const row = await repo.findByEmail(ctx.db, input.email);
      if (!(await auth.verifyPassword(row?.passwordHash ?? null, input.password)) || !row) {
        throw new AppError('auth.invalid_credentials');
      }
      const session = await auth.startSession(ctx, 'staff', row.id);
      return { staff: toStaffDto(row), session };
    },

    /** Cookie session → staff actor (role read fresh, so removal takes effect at once). */
    async actorForSession(ctx: Ctx, token: string): Promise<Actor | undefined> {
      const staffId = await auth.resolveSession(ctx, 'staff', token);
      const row = staffId ? await repo.findById(ctx.db, staffId) : undefined;
      return row ? { kind: 'staff', staffId: row.id, role: row.role } : undefined;
    },

    /** The staff member a session cookie belongs to, or null (no error: a visitor is not a failure). */
    async session(ctx: Ctx, token: string): Promise<StaffDto | null> {
      const staffId = await auth.resolveSession(ctx, 'staff', token);
      const row = staffId ? await repo.findById(ctx.db, staffId) : undefined;
      return row ? toStaffDto(row) : null;
    },

    /** Personal API token → staff actor. */
    async actorForToken(ctx: Ctx, token: string): Promise<Actor | undefined> {
      const row = await repo.useToken(ctx.db, hashSecret(token), ctx.now());
      return row ? { kind: 'staff', staffId: row.id, role: row.role } : undefined;
    },

    async me(ctx: Ctx): Promise<StaffDto> {
      requireStaff(ctx);
      if (ctx.actor.kind !== 'staff') throw notFound('staff.not_found');
      const row = await repo.findById(ctx.db, ctx.actor.staffId);
      if (!row) throw notFound('staff.not_found');
      return toStaffDto(row);
    },

    async list(ctx: Ctx): Promise<StaffDto[]> {
      requireStaff(ctx);
      return (await repo.list(ctx.db)).map(toStaffDto);
    },

    /** Owner only; the owner cannot be removed. Ends the member's sessions; tokens cascade. */
    async remove(ctx: Ctx, staffId: string): Promise<void> {
      requireOwner(ctx);
      await inTransaction(ctx, async (tx) => {
        const row = await repo.findById(tx.db, staffId);
        if (!row) throw notFound('staff.not_found');
        if (row.role === 'owner') {
          throw new AppError('staff.owner_protected');
        }
        await repo.delete(tx.db, staffId);
        await auth.endAllSessions(tx, 'staff', staffId);
      });
    },

    /** Used by invitations: a staff account for an accepted invitation, with its session. */
    async createInvited(ctx: Ctx, input: { email: string; name: string; password: string }) {
      const row = await insertAccount(ctx, input, 'staff', () => emailTaken(input.email));
      const session = await auth.startSession(ctx, 'staff', row.id);
      return { staff: toStaffDto(row), session };
    },

    async emailTaken(ctx: Ctx, email: string): Promise<boolean> {
      return (await repo.findByEmail(ctx.db, email)) !== undefined;
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;

export const newApiTokenSecret = () => `fb_${newSecret(24)}`;
