import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import type { FansService } from '../fans/fans.service.ts';
import type { ChannelRepository } from './channel.repository.ts';
import type { ChannelSettingsDto, ChannelSettingsInput } from './channel.schemas.ts';

/** Shown until staff name the channel in console settings. */
export const DEFAULT_CHANNEL = { name: 'Fanbase', description: '', unfollowWindowHours: 24 };

export function createChannelService(deps: { repo: ChannelRepository; fans: FansService }) {
  const { repo, fans } = deps;

  async function settings(ctx: Ctx): Promise<ChannelSettingsDto> {
    const row = await repo.get(ctx.db);
    return row
      ? { name: row.name, description: row.description, unfollowWindowHours: row.unfollowWindowHours, updatedAt: row.updatedAt.toISOString() }
      : { ...DEFAULT_CHANNEL, updatedAt: null };
  }

  return {
    /** Public profile for the fan site. */
    async publicProfile(ctx: Ctx) {
      const [s, followerCount] = await Promise.all([settings(ctx), fans.followerCount(ctx)]);
      return { name: s.name, description: s.description, followerCount };
    },
    async getSettings(ctx: Ctx): Promise<ChannelSettingsDto> {
      requireStaff(ctx);
      return settings(ctx);
    },
    async updateSettings(ctx: Ctx, input: ChannelSettingsInput): Promise<ChannelSettingsDto> {
      requireStaff(ctx);
      // A client that does not send the window keeps the current one.
      const unfollowWindowHours = input.unfollowWindowHours ?? (await settings(ctx)).unfollowWindowHours;
      const row = await repo.upsert(ctx.db, { ...input, unfollowWindowHours, updatedAt: ctx.now() });
      return { name: row.name, description: row.description, unfollowWindowHours: row.unfollowWindowHours, updatedAt: row.updatedAt.toISOString() };
    },
  };
}
export type ChannelService = ReturnType<typeof createChannelService>;
