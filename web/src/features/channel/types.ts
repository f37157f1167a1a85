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
  updatedAt: string;
}

export interface ChannelSettingsInput {
  name: string;
  description: string;
}
