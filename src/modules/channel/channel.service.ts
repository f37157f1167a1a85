import { LRUCache } from 'lru-cache';
import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import type { FansService } from '../fans/fans.service.ts';
import type { ChannelRepository, ChannelRow } from './channel.repository.ts';
import type { ChannelSettingsDto, ChannelSettingsInput, PublicAddress } from './channel.schemas.ts';

/** Shown until staff name the channel in console settings. */
export const DEFAULT_CHANNEL = { name: 'Fanbase', description: '', unfollowWindowHours: 24, timeZone: 'UTC' };

type Settings = Omit<ChannelSettingsDto, 'updatedAt' | keyof PublicAddress> & { updatedAt: Date | null };
export type SettingsChange = { before: Settings; after: Settings };

const toSettings = (row: ChannelRow | undefined): Settings =>
  row
    ? { name: row.name, description: row.description, unfollowWindowHours: row.unfollowWindowHours, timeZone: row.timeZone, updatedAt: row.updatedAt }
    : { ...DEFAULT_CHANNEL, updatedAt: null };

/** `publicAddress`: where links point, shown with the settings so the console can warn while PUBLIC_BASE_URL is unset. */
export function createChannelService(deps: { repo: ChannelRepository; fans: FansService; publicAddress: PublicAddress }) {
  const { repo, fans, publicAddress } = deps;
  const toDto = (s: Settings): ChannelSettingsDto => ({ ...s, updatedAt: s.updatedAt?.toISOString() ?? null, ...publicAddress });
  // Read on every follow (reporting day) and unfollow (attribution window): cached for 5 s;
  // a change made here is seen at once, one made on another instance within 5 s.
  const cache = new LRUCache<'settings', Settings>({ max: 1, ttl: 5_000 });
  const listeners: ((ctx: Ctx, change: SettingsChange) => Promise<void>)[] = [];

  async function settings(ctx: Ctx): Promise<Settings> {
    let value = cache.get('settings');
    if (!value) {
      value = toSettings(await repo.get(ctx.db));
      cache.set('settings', value);
    }
    return value;
  }

  return {
    settings,

    /** Other modules react to a settings change (the daily analytics are re-counted for a new time zone). */
    onSettingsChanged(listener: (ctx: Ctx, change: SettingsChange) => Promise<void>) {
      listeners.push(listener);
    },

    /** Public profile for the fan site. */
    async publicProfile(ctx: Ctx) {
      const [s, followerCount] = await Promise.all([settings(ctx), fans.followerCount(ctx)]);
      return { name: s.name, description: s.description, followerCount };
    },
    async getSettings(ctx: Ctx): Promise<ChannelSettingsDto> {
      requireStaff(ctx);
      return toDto(toSettings(await repo.get(ctx.db)));
    },
    async updateSettings(ctx: Ctx, input: ChannelSettingsInput): Promise<ChannelSettingsDto> {
      requireStaff(ctx);
      // A client that does not send the window or the time zone keeps the current ones.
      const before = toSettings(await repo.get(ctx.db));
      const row = await repo.upsert(ctx.db, {
        name: input.name,
        description: input.description,
        unfollowWindowHours: input.unfollowWindowHours ?? before.unfollowWindowHours,
        timeZone: input.timeZone ?? before.timeZone,
        updatedAt: ctx.now(),
      });
      cache.clear();
      const after = toSettings(row);
      for (const listener of listeners) await listener(ctx, { before, after });
      return toDto(after);
    },
  };
}
export type ChannelService = ReturnType<typeof createChannelService>;
