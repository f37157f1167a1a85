/** The signed-in fan, as the fan site sees themselves. */
export interface FanSelf {
  id: string;
  email: string;
  displayName: string;
  following: boolean;
  followingSince: string | null;
  createdAt: string;
}

export interface FanSignupInput {
  email: string;
  password: string;
  displayName: string;
}

export interface FanLoginInput {
  email: string;
  password: string;
}
