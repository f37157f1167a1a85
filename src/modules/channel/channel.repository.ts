import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channelSettings } from './channel.table.ts';

export type ChannelRow = typeof channelSettings.$inferSelect;

export const channelRepository = {
  async get(db: Db): Promise<ChannelRow | undefined> {
    const [row] = await db.select().from(channelSettings).where(eq(channelSettings.id, 1)).limit(1);
    return row;
  },
  async upsert(db: Db, values: { name: string; description: string; unfollowWindowHours: number; timeZone: string; updatedAt: Date }): Promise<ChannelRow> {
    const [row] = await db
      .insert(channelSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: channelSettings.id, set: values })
      .returning();
    return row!;
  },
};
export type ChannelRepository = typeof channelRepository;
