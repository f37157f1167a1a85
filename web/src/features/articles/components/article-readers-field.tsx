import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMembershipTiers } from '../api/get-membership-tiers';
import type { AdminArticle, ReaderTier } from '../types';

interface ArticleReadersFieldProps {
  /** The tier the saved article is for: kept on offer even when archived. */
  saved: AdminArticle['membersTier'] | undefined;
}

/**
 * "Who can read": everyone, or members of one tier and every higher-ranked one. Offers the tiers
 * on sale; an archived tier only where the article already has it (the server refuses choosing one anew).
 */
export function ArticleReadersField({ saved }: ArticleReadersFieldProps) {
  const { t } = useTranslation();
  const tiers = useMembershipTiers();
  const chosen = Form.useWatch('membersTierId', Form.useFormInstance()) as string | undefined;
  const known: ReaderTier[] = tiers.data ?? [];
  const offered = known.filter((tier) => tier.status === 'active' || tier.id === saved?.id);
  if (saved && !offered.some((tier) => tier.id === saved.id)) offered.push(saved);
  offered.sort((a, b) => a.rank - b.rank);

  const options = [
    { value: '', label: t('articles.readers.everyone') },
    ...offered.map((tier) => ({
      value: tier.id,
      label: tier.status === 'archived' ? t('articles.readers.membersArchived', { tier: tier.name }) : t('articles.readers.members', { tier: tier.name }),
    })),
  ];
  const help = tiers.isError
    ? t('articles.readers.loadFailed')
    : tiers.isSuccess && offered.length === 0
      ? t('articles.readers.noTiers')
      : chosen
        ? t('articles.readers.help')
        : t('articles.readers.helpEveryone');

  return (
    // Always answered (Everyone by default): marked like the other fields that need one.
    <Form.Item name="membersTierId" label={t('articles.readers.label')} extra={help} required validateStatus={tiers.isError ? 'warning' : undefined}>
      <Select options={options} loading={tiers.isLoading} data-testid="article-readers" />
    </Form.Item>
  );
}
