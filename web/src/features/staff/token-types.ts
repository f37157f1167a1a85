import type { ApiTokenDto } from '@server/modules/staff/staff.schemas.ts';

/** A personal API token of the signed-in staff member; the secret is never listed. */
export type ApiToken = ApiTokenDto;

export interface CreatedToken {
  token: ApiToken;
  /** Shown once, right after creation. */
  secret: string;
}
