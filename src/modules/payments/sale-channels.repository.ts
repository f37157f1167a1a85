import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { paymentSaleChannels, type SaleChannel } from './payments.table.ts';

export type SaleChannelRow = typeof paymentSaleChannels.$inferSelect;

export const saleChannelsRepository = {
  /** Every choice the owner made (at most one row per channel of sale). */
  all: (db: Db): Promise<SaleChannelRow[]> => db.select().from(paymentSaleChannels),
  /** One channel's choice, by primary key. */
  async find(db: Db, channel: SaleChannel): Promise<SaleChannelRow | undefined> {
    const [row] = await db.select().from(paymentSaleChannels).where(eq(paymentSaleChannels.channel, channel));
    return row;
  },
  async upsert(db: Db, row: SaleChannelRow): Promise<void> {
    await db
      .insert(paymentSaleChannels)
      .values(row)
      .onConflictDoUpdate({ target: paymentSaleChannels.channel, set: { provider: row.provider, updatedAt: row.updatedAt } });
  },
  async remove(db: Db, channel: SaleChannel): Promise<void> {
    await db.delete(paymentSaleChannels).where(eq(paymentSaleChannels.channel, channel));
  },
};
export type SaleChannelsRepository = typeof saleChannelsRepository;
