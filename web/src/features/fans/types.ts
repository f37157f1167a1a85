import type { FanSelfDto, LoginInput, SignupInput } from '@server/modules/fans/fans.schemas.ts';

/** The signed-in fan, as the fan site sees themselves. */
export type FanSelf = FanSelfDto;
export type FanSignupInput = SignupInput;
export type FanLoginInput = LoginInput;
