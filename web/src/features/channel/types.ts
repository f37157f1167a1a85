import type { ChannelSettingsDto, PublicChannelDto } from '@server/modules/channel/channel.schemas.ts';

/** The channel as the public fan site sees it. */
export type Channel = PublicChannelDto;

/** The channel's editable settings, as staff see them (`updatedAt` null until first saved). */
export type ChannelSettings = ChannelSettingsDto;

export interface ChannelSettingsInput {
  name: string;
  description: string;
  unfollowWindowHours: number;
  timeZone: string;
}
