import { DEFAULT_CURRENCY, toMajor, toMinor } from '../../../lib/format-money';
import type { AdminArticle, ArticleInput, ArticleKind } from '../types';

/** The editor's fields. The ad fee is typed in yuan (major units) and sent in fen. */
export interface ArticleFormValues {
  title: string;
  summary: string;
  coverUrl: string;
  kind: ArticleKind;
  advertiser: string;
  adFee: number | null;
  /** The tier whose members (and higher ones) read it; '' for everyone. */
  membersTierId: string;
  bodyMarkdown: string;
}

export function toFormValues(article: AdminArticle | undefined): ArticleFormValues {
  return {
    title: article?.title ?? '',
    summary: article?.summary ?? '',
    coverUrl: article?.coverUrl ?? '',
    kind: article?.kind ?? 'original',
    advertiser: article?.advertiser ?? '',
    adFee: article?.adFee ? toMajor(article.adFee.amountMinor, article.adFee.currency) : null,
    membersTierId: article?.membersTier?.id ?? '',
    bodyMarkdown: article?.bodyMarkdown ?? '',
  };
}

/** What the API takes. Advertiser and fee go only with a sponsored article (the API rejects them otherwise). */
export function toArticleInput(values: Partial<ArticleFormValues> | undefined, currency = DEFAULT_CURRENCY): ArticleInput {
  const sponsored = values?.kind === 'sponsored';
  const fee = values?.adFee;
  return {
    title: (values?.title ?? '').trim(),
    summary: (values?.summary ?? '').trim(),
    coverUrl: values?.coverUrl?.trim() || null,
    bodyMarkdown: values?.bodyMarkdown ?? '',
    kind: values?.kind ?? 'original',
    advertiser: sponsored ? values?.advertiser?.trim() || null : null,
    adFee: sponsored && typeof fee === 'number' ? { amountMinor: toMinor(fee, currency), currency } : null,
    membersTierId: values?.membersTierId || null,
  };
}

/** Whether the fields differ from what was last saved (always true for an article not saved yet). */
export function hasChanges(values: Partial<ArticleFormValues> | undefined, saved: AdminArticle | undefined): boolean {
  if (!saved) return true;
  const currency = saved.adFee?.currency ?? DEFAULT_CURRENCY;
  return JSON.stringify(toArticleInput(values, currency)) !== JSON.stringify(toArticleInput(toFormValues(saved), currency));
}

/** Form field for a field path of a 400 answer: `adFee.amountMinor` belongs to the fee field. */
export function fieldOfPath(path: string): keyof ArticleFormValues | null {
  const head =
    path
      .replace(/^\/+/, '')
      .replace(/^body[./]/, '')
      .split(/[./]/)[0] ?? '';
  const fields: Array<keyof ArticleFormValues> = ['title', 'summary', 'coverUrl', 'kind', 'advertiser', 'adFee', 'membersTierId', 'bodyMarkdown'];
  return fields.find((field) => field === head) ?? null;
}
