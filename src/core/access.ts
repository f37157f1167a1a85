import type { Ctx } from './context.ts';
import { forbidden, unauthenticated } from './errors.ts';

/** The first line of every service method that needs a signed-in fan. */
export function requireFan(ctx: Ctx): string {
  if (ctx.actor.kind === 'fan') return ctx.actor.fanId;
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  throw forbidden('Only a signed-in fan can do this');
}

/** Staff, or the system (CLI, jobs). Fans are never staff. */
export function requireStaff(ctx: Ctx): void {
  if (ctx.actor.kind === 'staff' || ctx.actor.kind === 'system') return;
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  throw forbidden('Only staff can do this');
}

export function requireOwner(ctx: Ctx): void {
  requireStaff(ctx);
  if (ctx.actor.kind === 'staff' && ctx.actor.role !== 'owner') {
    throw forbidden('Only the owner can do this');
  }
}
