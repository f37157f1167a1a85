import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import type { StreamRunner } from './stream.runner.ts';
import type { StreamStatusDto } from './stream.schemas.ts';

/** What staff may ask of the activity stream: whether derived figures are up to date. */
export function createStreamService(deps: { runner: Pick<StreamRunner<unknown>, 'status'> }) {
  return {
    async status(ctx: Ctx): Promise<StreamStatusDto> {
      requireStaff(ctx);
      const consumers = await deps.runner.status(ctx);
      return { consumers, behind: consumers.some((c) => c.pending > 0) };
    },
  };
}
export type StreamService = ReturnType<typeof createStreamService>;
