import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus, Perk, PurchaseKind, TierStatus } from '../types';
import { usePerkText } from './use-perk-text';

/** Preset colours (their text is darkened to 4.5:1 in styles.css), not antd's status colours, which are lighter. */
const STATUS_COLORS: Record<MembershipStatus, string> = {
  active: 'green',
  canceled: 'orange',
  past_due: 'red',
  expired: 'default',
};

export function MembershipStatusTag({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`membership-status-${status}`}>
      {t(`memberships.status.${status}`)}
    </Tag>
  );
}

export function TierStatusTag({ status }: { status: TierStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`memberships.tierStatus.${status}`)}</Tag>;
}

const KIND_COLORS: Record<PurchaseKind, string> = { join: 'blue', renewal: 'cyan', upgrade: 'purple', comp: 'gold', gift: 'magenta' };

export function PurchaseKindTag({ kind }: { kind: PurchaseKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`memberships.kinds.${kind}`)}</Tag>;
}

/** A tier's perks, one tag each (free-text ones as written). */
export function PerkTags({ perks }: { perks: Perk[] }) {
  const { t } = useTranslation();
  const perkText = usePerkText();
  if (perks.length === 0) return <Typography.Text type="secondary">{t('memberships.noPerks')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {perks.map((perk, i) => (
        <Tag key={`${perk.kind}-${i}`} color={perk.kind === 'text' ? undefined : 'blue'} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
          {perkText(perk)}
        </Tag>
      ))}
    </Flex>
  );
}
