import { z } from 'zod';
import { int4Field } from '../../core/bounds.ts';
import { isoDate } from '../../core/fields.ts';
import { timeZoneField } from '../../core/time-zone.ts';

export const channelSettingsBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  description: z.string().trim().max(1000, 'must be at most 1000 characters'),
  /** Hours before an unfollow in which the last article read takes the blame (1–720). */
  unfollowWindowHours: int4Field(1, 720).optional(),
  /** The reporting day's time zone (IANA). Changing it re-counts the daily analytics in the background. */
  timeZone: timeZoneField.optional(),
});
export type ChannelSettingsInput = z.infer<typeof channelSettingsBody>;

/** Where links point, from the server's configuration (PUBLIC_BASE_URL), not editable here. */
export const publicAddressDto = z.object({
  /** The base of invitation and share links. */
  publicBaseUrl: z.string(),
  /** false: PUBLIC_BASE_URL is unset and links point to the address the server listens on. */
  publicBaseUrlConfigured: z.boolean(),
});
export type PublicAddress = z.infer<typeof publicAddressDto>;

export const channelSettingsDto = channelSettingsBody
  .extend({ unfollowWindowHours: z.number().int(), timeZone: z.string(), updatedAt: isoDate.nullable() })
  .extend(publicAddressDto.shape);
export type ChannelSettingsDto = z.infer<typeof channelSettingsDto>;

export const publicChannelDto = z.object({
  name: z.string(),
  description: z.string(),
  followerCount: z.number().int(),
});
export type PublicChannelDto = z.infer<typeof publicChannelDto>;
