import { z } from 'zod';
import { emailField, isoDate, nameField, passwordField } from '../../core/fields.ts';
import { pageOf, pageQuery } from '../../core/pagination.ts';
import { activitySource } from '../timeline/timeline.schemas.ts';
import type { FanRow, FanSelfRow } from './fans.repository.ts';
import { FOLLOW_STATUSES } from './fans.table.ts';

export { FOLLOW_STATUSES };

export const signupBody = z.object({
  email: emailField,
  password: passwordField,
  displayName: nameField,
});
export type SignupInput = z.infer<typeof signupBody>;

export const loginBody = z.object({ email: emailField, password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof loginBody>;

export const followBody = z.object({ source: activitySource.optional() }).optional();

export const fanSelfDto = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  following: z.boolean(),
  followingSince: isoDate.nullable(),
  createdAt: isoDate,
});
export type FanSelfDto = z.infer<typeof fanSelfDto>;

export const fanListItemDto = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(FOLLOW_STATUSES),
  followingSince: isoDate.nullable(),
  createdAt: isoDate,
});
export type FanListItemDto = z.infer<typeof fanListItemDto>;

export const fanListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(FOLLOW_STATUSES).optional(),
});
export type FanListQuery = z.infer<typeof fanListQuery>;
export const fanPage = pageOf(fanListItemDto);

export const fanStatsDto = z.object({ fans: z.number().int(), followers: z.number().int() });
export type FanStatsDto = z.infer<typeof fanStatsDto>;

export const toFanSelfDto = (row: FanSelfRow): FanSelfDto => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  following: row.followStatus === 'following',
  followingSince: row.followingSince?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export const toFanListItemDto = (row: FanRow): FanListItemDto => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  status: row.followStatus,
  followingSince: row.followingSince?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
