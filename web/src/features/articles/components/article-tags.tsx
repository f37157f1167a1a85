import { Tag, Typography } from 'antd';
import { LockOutlined } from '../../../components/ui/icons';
import { useTranslation } from 'react-i18next';
import type { ArticleKind, ArticleStatus } from '../types';

const KIND_COLORS: Record<ArticleKind, string> = { original: 'blue', repost: 'purple', sponsored: 'orange' };
const KIND_LABELS = {
  original: 'articles.kind.original',
  repost: 'articles.kind.repost',
  sponsored: 'articles.kind.sponsored',
} as const satisfies Record<ArticleKind, string>;

const STATUS_COLORS: Record<ArticleStatus, string> = { draft: 'default', published: 'green' };
const STATUS_LABELS = {
  draft: 'articles.status.draft',
  published: 'articles.status.published',
} as const satisfies Record<ArticleStatus, string>;

export function useArticleKindLabel() {
  const { t } = useTranslation();
  return (kind: ArticleKind): string => (kind in KIND_LABELS ? t(KIND_LABELS[kind]) : kind);
}

export function useArticleStatusLabel() {
  const { t } = useTranslation();
  return (status: ArticleStatus): string => (status in STATUS_LABELS ? t(STATUS_LABELS[status]) : status);
}

/** Original / Repost / Ad (ads in orange, so they stand out in every list). */
export function ArticleKindTag({ kind }: { kind: ArticleKind }) {
  const label = useArticleKindLabel();
  return (
    <Tag color={KIND_COLORS[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label(kind)}
    </Tag>
  );
}

export function ArticleStatusTag({ status }: { status: ArticleStatus }) {
  const label = useArticleStatusLabel();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label(status)}
    </Tag>
  );
}

/** Console: "Members · Gold" on a members-only article. */
export function MembersTag({ tier }: { tier: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="gold" icon={<LockOutlined />} style={{ marginInlineEnd: 0 }} data-testid="members-tag">
      {t('articles.membersTag', { tier })}
    </Tag>
  );
}

/**
 * Fan site: a members-only article's badge. Locked for this reader: "For Gold members" with a
 * lock; open to them: "Gold members".
 */
export function MembersBadge({ tier, locked }: { tier: string; locked: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color="gold" icon={locked ? <LockOutlined /> : undefined} style={{ marginInlineEnd: 0 }} data-testid={locked ? 'locked-badge' : 'members-badge'}>
      {locked ? t('articleSite.lockedBadge', { tier }) : t('articleSite.membersBadge', { tier })}
    </Tag>
  );
}

/** "Ad · <advertiser>" on the fan site: every sponsored article says so, and who paid. */
export function AdLabel({ advertiser }: { advertiser: string | null }) {
  const { t } = useTranslation();
  return (
    <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="ad-label">
      {advertiser ? t('articleSite.adBy', { advertiser }) : t('articleSite.ad')}
    </Tag>
  );
}

/** +3 in green, −2 in red, 0 in grey. */
export function NetFans({ value }: { value: number }) {
  const { i18n } = useTranslation();
  const text = new Intl.NumberFormat(i18n.resolvedLanguage, { signDisplay: 'exceptZero' }).format(value);
  return (
    <Typography.Text strong={value !== 0} type={value > 0 ? 'success' : value < 0 ? 'danger' : 'secondary'}>
      {text}
    </Typography.Text>
  );
}
