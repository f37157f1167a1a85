import { requireOwner, requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { hashSecret, newId, newSecret } from '../../core/ids.ts';
import type { StaffRepository } from './staff.repository.ts';
import { toInvitationDto, type InviteInput } from './staff.schemas.ts';
import type { StaffService } from './staff.service.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const invalidInvitation = () => new AppError('invitation.not_found');

/** The owner invites staff by link (shown once to the owner); the invitee sets a password. */
export function createInvitationsService(deps: { repo: StaffRepository; staff: StaffService; publicBaseUrl: string }) {
  const { repo, staff, publicBaseUrl } = deps;
  return {
    async invite(ctx: Ctx, input: InviteInput) {
      requireOwner(ctx);
      if (await staff.emailTaken(ctx, input.email)) {
        throw new AppError('staff.email_taken', { email: input.email }, { details: [{ path: 'email', issue: 'taken', message: 'is already a staff member' }] });
      }
      const token = newSecret();
      const row = await repo.insertInvitation(ctx.db, {
        id: newId(),
        email: input.email,
        name: input.name,
        tokenHash: hashSecret(token),
        invitedBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
        createdAt: ctx.now(),
        expiresAt: new Date(ctx.now().getTime() + INVITATION_TTL_MS),
      });
      return toInvitationDto(row, `${publicBaseUrl}/console/invite/${token}`);
    },

    async listPending(ctx: Ctx) {
      requireStaff(ctx);
      return (await repo.listLiveInvitations(ctx.db, ctx.now())).map((r) => toInvitationDto(r));
    },

    async revoke(ctx: Ctx, id: string) {
      requireOwner(ctx);
      if (!(await repo.deleteInvitation(ctx.db, id))) throw invalidInvitation();
    },

    async preview(ctx: Ctx, token: string) {
      const row = await repo.findLiveInvitation(ctx.db, hashSecret(token), ctx.now());
      if (!row) throw invalidInvitation();
      return { email: row.email, name: row.name, expiresAt: row.expiresAt.toISOString() };
    },

    /** One transaction: the link is spent exactly once, even when submitted twice at once. */
    async accept(ctx: Ctx, token: string, password: string) {
      return inTransaction(ctx, async (tx) => {
        const row = await repo.findLiveInvitation(tx.db, hashSecret(token), tx.now());
        if (!row || !(await repo.deleteInvitation(tx.db, row.id))) throw invalidInvitation();
        return staff.createInvited(tx, { email: row.email, name: row.name, password });
      });
    },
  };
}
export type InvitationsService = ReturnType<typeof createInvitationsService>;
