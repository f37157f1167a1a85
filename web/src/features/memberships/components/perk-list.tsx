import { CheckOutlined } from '../../../components/ui/icons';
import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Perk } from '../fan-types';

/** A tier's perks in words, typed ones first in a fixed order, then the free-text ones. */
export function usePerkText() {
  const { t } = useTranslation();
  return (perk: Perk): string => {
    switch (perk.kind) {
      case 'members_only_articles':
        return t('membership.perk.membersOnlyArticles');
      case 'early_access':
        return t('membership.perk.earlyAccess', { minutes: perk.minutes });
      case 'store_discount':
        return t('membership.perk.storeDiscount', { percent: perk.percent });
      case 'event_priority':
        return t('membership.perk.eventPriority');
      case 'text':
        return perk.text;
    }
  };
}

export function PerkList({ perks }: { perks: Perk[] }) {
  const text = usePerkText();
  const { token } = theme.useToken();
  if (perks.length === 0) return null;
  return (
    <Flex vertical gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {perks.map((perk, i) => (
        <Flex key={`${perk.kind}-${i}`} component="li" gap={8} align="baseline">
          <CheckOutlined style={{ color: token.colorSuccess, flex: 'none' }} />
          <Typography.Text>{text(perk)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
