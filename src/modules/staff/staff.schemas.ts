import { z } from 'zod';
import { emailField, isoDate, nameField, passwordField } from '../../core/fields.ts';
import type { ApiTokenRow, InvitationRow, StaffRow } from './staff.repository.ts';

export const setupBody = z.object({ email: emailField, name: nameField, password: passwordField });
export type SetupInput = z.infer<typeof setupBody>;

export const staffLoginBody = z.object({ email: emailField, password: z.string().min(1).max(200) });
export type StaffLoginInput = z.infer<typeof staffLoginBody>;

export const inviteBody = z.object({ email: emailField, name: nameField });
export type InviteInput = z.infer<typeof inviteBody>;

export const acceptInviteBody = z.object({ password: passwordField });
export const invitationTokenParam = z.object({ token: z.string().min(16).max(128) });

export const createTokenBody = z.object({ name: nameField });

export const staffDto = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'staff']),
  createdAt: isoDate,
});
export type StaffDto = z.infer<typeof staffDto>;

export const invitationDto = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  expiresAt: isoDate,
  createdAt: isoDate,
  /** Present only right after creation: the link is not stored, only its hash. */
  url: z.string().optional(),
});
export type InvitationDto = z.infer<typeof invitationDto>;

export const invitationPreviewDto = z.object({ email: z.string(), name: z.string(), expiresAt: isoDate });

export const apiTokenDto = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenDto>;

export const toStaffDto = (r: StaffRow): StaffDto => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.createdAt.toISOString(),
});

export const toInvitationDto = (r: InvitationRow, url?: string): InvitationDto => ({
  id: r.id,
  email: r.email,
  name: r.name,
  expiresAt: r.expiresAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
  ...(url ? { url } : {}),
});

export const toApiTokenDto = (r: ApiTokenRow): ApiTokenDto => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});
export type InvitationPreviewDto = z.infer<typeof invitationPreviewDto>;
