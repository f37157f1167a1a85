/** The channel as the public fan site sees it. */
export interface Channel {
  name: string;
  description: string;
  followerCount: number;
}

/** The channel's editable settings, as staff see them. */
export interface ChannelSettings {
  name: string;
  description: string;
  /** An unfollow is blamed on the last article the fan read within this many hours (1–720). */
  unfollowWindowHours: number;
  /** IANA time zone of the channel's days (analytics, segment dates). */
  timeZone: string;
  /** `null` until the settings were first saved. */
  updatedAt: string | null;
}

export interface ChannelSettingsInput {
  name: string;
  description: string;
  unfollowWindowHours: number;
  timeZone: string;
}
