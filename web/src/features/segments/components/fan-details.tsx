import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { FanListItem } from '../../segments/types';
import { FanStatusTag } from '../../segments/components/fan-status-tag';

/** Everything the console knows about one fan, as a description list. */
export function FanDetails({ fan }: { fan: FanListItem }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();

  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 1, xxl: 2 }}
      styles={{ label: { width: 140 } }}
      items={[
        { key: 'displayName', label: t('fans.columns.displayName'), children: fan.displayName },
        {
          key: 'email',
          label: t('fans.columns.email'),
          children: <Typography.Text copyable>{fan.email}</Typography.Text>,
        },
        { key: 'status', label: t('fans.columns.status'), children: <FanStatusTag status={fan.status} /> },
        {
          key: 'followingSince',
          label: t('fans.columns.followingSince'),
          children: fan.followingSince ? dateTime(fan.followingSince) : '—',
        },
        { key: 'createdAt', label: t('fans.columns.signedUp'), children: dateTime(fan.createdAt) },
        {
          key: 'id',
          label: t('fans.fanId'),
          children: (
            <Typography.Text type="secondary" copyable style={{ fontFamily: 'monospace' }}>
              {fan.id}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
