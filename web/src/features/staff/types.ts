import type {
  InvitationDto,
  InvitationPreviewDto,
  InviteInput,
  SetupInput as SetupBody,
  StaffDto,
  StaffLoginInput as StaffLoginBody,
} from '@server/modules/staff/staff.schemas.ts';

export type StaffRole = StaffDto['role'];
export type StaffMember = StaffDto;
/** An invitation; `url` only right after creating it. */
export type Invitation = InvitationDto;
/** What an invitation link reveals before it is accepted. */
export type InvitationPreview = InvitationPreviewDto;
export type SetupInput = SetupBody;
export type StaffLoginInput = StaffLoginBody;
export type InvitationInput = InviteInput;
