import type { z } from 'zod';
import type { ledgerBalanceDto, ledgerTransactionDto } from '@server/modules/ledger/ledger.schemas.ts';

export const LEDGER_ACCOUNTS = ['provider_clearing', 'membership_revenue', 'store_revenue', 'ad_revenue', 'ads_receivable', 'refunds', 'fan_credit'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
export type LedgerBalance = z.infer<typeof ledgerBalanceDto>;
export type LedgerTransaction = z.infer<typeof ledgerTransactionDto>;
export type LedgerPage = { items: LedgerTransaction[]; total: number; page: number; pageSize: number };
