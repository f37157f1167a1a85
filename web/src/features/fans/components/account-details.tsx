import { Badge, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { FanSelf } from '../types';

/** The signed-in fan's own account facts. */
export function AccountDetails({ fan }: { fan: FanSelf }) {
  const { t } = useTranslation();
  const { date, dateTime } = useDateFormat();

  return (
    <Descriptions
      column={{ xs: 1, sm: 1, md: 2 }}
      bordered
      size="middle"
      items={[
        { key: 'displayName', label: t('auth.displayName'), children: fan.displayName },
        { key: 'email', label: t('auth.email'), children: fan.email },
        {
          key: 'status',
          label: t('account.status'),
          children: fan.following ? (
            <Badge status="success" text={t('account.statusFollowing')} />
          ) : (
            <Badge status="default" text={t('account.statusNotFollowing')} />
          ),
        },
        {
          key: 'followingSince',
          label: t('account.followingSince'),
          children: fan.followingSince ? dateTime(fan.followingSince) : '—',
        },
        { key: 'createdAt', label: t('account.joined'), children: date(fan.createdAt) },
      ]}
    />
  );
}
