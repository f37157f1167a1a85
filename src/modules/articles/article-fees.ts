import type { Ctx } from '../../core/context.ts';
import type { LedgerEntryInput, LedgerService } from '../ledger/ledger.service.ts';
import type { ArticleRow } from './articles.repository.ts';

/** The ledger source of sponsored-article fees; source ids are `<articleId>:<n>`, n = 1, 2, … */
export const ARTICLE_FEE_SOURCE = 'article_fee';

/**
 * Brings the ledger's total for one article to its current fee: a sponsored article that was
 * ever published owes its fee (debit ads_receivable, credit ad_revenue); any other article owes
 * nothing. The first post records the fee, later ones the difference (a fee or currency change,
 * or the article no longer sponsored): the ledger is never updated. Nothing is posted when the
 * totals already agree, so re-publishing or editing other fields writes nothing.
 *
 * Call inside the transaction that wrote the article row: that row's lock makes the next `n`
 * this call's alone, and `(source, source id)` refuses a second post of the same `n` anyway.
 */
export async function syncAdFee(tx: Ctx, ledger: LedgerService, article: ArticleRow): Promise<void> {
  const owed = new Map<string, number>();
  if (article.firstPublishedAt && article.kind === 'sponsored' && article.adFeeMinor && article.adFeeCurrency) {
    owed.set(article.adFeeCurrency, article.adFeeMinor);
  }
  const recorded = await ledger.sourceTotals(tx, { source: ARTICLE_FEE_SOURCE, ref: article.id, account: 'ad_revenue' });
  const currencies = new Set([...owed.keys(), ...recorded.sums.map((s) => s.currency)]);
  const entries: LedgerEntryInput[] = [];
  for (const currency of [...currencies].sort()) {
    // ad_revenue holds credits: what was recorded is minus its sum.
    const already = -(recorded.sums.find((s) => s.currency === currency)?.amountMinor ?? 0);
    const diff = (owed.get(currency) ?? 0) - already;
    if (diff === 0) continue;
    entries.push({ account: 'ads_receivable', amountMinor: diff, currency }, { account: 'ad_revenue', amountMinor: -diff, currency });
  }
  if (entries.length === 0) return;
  const first = recorded.transactions === 0;
  const title = article.title.slice(0, 200);
  await ledger.post(tx, {
    source: ARTICLE_FEE_SOURCE,
    sourceId: `${article.id}:${recorded.transactions + 1}`,
    occurredAt: tx.now(),
    memo: first ? `Sponsored article fee: ${title}` : `Sponsored article fee change: ${title}`,
    entries,
  });
}
