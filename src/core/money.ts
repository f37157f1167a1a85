import { z } from 'zod';

/** Money is integer minor units (fen for CNY) plus an ISO 4217 currency. */
export const DEFAULT_CURRENCY = 'CNY';

export const moneySchema = z.object({
  amountMinor: z.number().int('must be whole minor units (fen)').min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code')
    .default(DEFAULT_CURRENCY),
});
export type Money = z.infer<typeof moneySchema>;
