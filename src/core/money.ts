import { z } from 'zod';
import { INT8_SAFE_MAX, int8Field } from './bounds.ts';

/** Money is integer minor units (fen for CNY) plus an ISO 4217 currency. */
export const DEFAULT_CURRENCY = 'CNY';

export const moneySchema = z.object({
  /** Stored in an int8 column. */
  amountMinor: int8Field(0, INT8_SAFE_MAX, 'must be whole minor units (fen)'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code')
    .default(DEFAULT_CURRENCY),
});
export type Money = z.infer<typeof moneySchema>;
