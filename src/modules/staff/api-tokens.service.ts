import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { hashSecret, newId } from '../../core/ids.ts';
import type { StaffRepository } from './staff.repository.ts';
import { toApiTokenDto } from './staff.schemas.ts';
import { newApiTokenSecret } from './staff.service.ts';

function ownStaffId(ctx: Ctx): string {
  requireStaff(ctx);
  if (ctx.actor.kind !== 'staff') {
    throw forbidden('API tokens belong to a staff member');
  }
  return ctx.actor.staffId;
}

/** Personal API tokens for scripts: the secret is shown once, only its hash is stored. */
export function createApiTokensService(deps: { repo: StaffRepository }) {
  const { repo } = deps;
  return {
    async create(ctx: Ctx, name: string) {
      const staffId = ownStaffId(ctx);
      const secret = newApiTokenSecret();
      const row = await repo.insertToken(ctx.db, {
        id: newId(),
        staffId,
        name,
        prefix: secret.slice(0, 10),
        tokenHash: hashSecret(secret),
        createdAt: ctx.now(),
      });
      return { token: toApiTokenDto(row), secret };
    },
    async list(ctx: Ctx) {
      const staffId = ownStaffId(ctx);
      return (await repo.listTokens(ctx.db, staffId)).map(toApiTokenDto);
    },
    async revoke(ctx: Ctx, id: string) {
      const staffId = ownStaffId(ctx);
      if (!(await repo.deleteToken(ctx.db, staffId, id))) {
        throw notFound('token.not_found');
      }
    },
  };
}
export type ApiTokensService = ReturnType<typeof createApiTokensService>;
