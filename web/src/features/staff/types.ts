export type StaffRole = 'owner' | 'staff';

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  name: string;
  expiresAt: string;
  createdAt: string;
  /** Only present right after creating the invitation. */
  url?: string;
}

/** What an invitation link reveals before it is accepted. */
export interface InvitationPreview {
  email: string;
  name: string;
  expiresAt: string;
}

export interface SetupInput {
  email: string;
  name: string;
  password: string;
}

export interface StaffLoginInput {
  email: string;
  password: string;
}

export interface InvitationInput {
  email: string;
  name: string;
}
