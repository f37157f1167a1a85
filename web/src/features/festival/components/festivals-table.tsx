import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/ui/router-link';
import { formatInZone } from '../../../lib/zoned-time';
import type { AdminFestival, Page } from '../types';
import { FestivalStatusTag } from './festival-status-tag';

/** The console's festivals: status, dates in the brand's zone, items, quota and reservations. */
export function FestivalsTable(props: {
  data: Page<AdminFestival> | undefined;
  loading: boolean;
  timeZone: string;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const when = (iso: string) => formatInZone(iso, props.timeZone, locale);
  return (
    <Table<AdminFestival>
      rowKey="id"
      loading={props.loading}
      dataSource={props.data?.items ?? []}
      scroll={{ x: 760 }}
      pagination={{ current: props.data?.page, pageSize: props.data?.pageSize, total: props.data?.total, onChange: props.onPageChange, hideOnSinglePage: true }}
      locale={{ emptyText: t('festival.empty') }}
      data-testid="festivals-table"
      columns={[
        {
          title: t('festival.fields.name'),
          key: 'name',
          render: (_, f) => (
            <RouterLink to={`/console/festivals/${f.id}`} testId="festival-link">
              {f.name}
            </RouterLink>
          ),
        },
        { title: t('festival.fields.status'), key: 'status', render: (_, f) => <FestivalStatusTag status={f.status} /> },
        {
          title: t('festival.fields.when'),
          key: 'when',
          render: (_, f) => (
            <Typography.Text>
              {when(f.startsAt)} – {when(f.endsAt)}
            </Typography.Text>
          ),
        },
        { title: t('festival.fields.items'), key: 'items', align: 'right', render: (_, f) => f.items.length },
        { title: t('festival.fields.quota'), key: 'quota', align: 'right', render: (_, f) => f.items.reduce((n, i) => n + i.quota, 0) },
        {
          title: t('festival.fields.reservations'),
          key: 'reservations',
          align: 'right',
          render: (_, f) => (f.requiresReservation ? t('festival.reservedFans', { count: f.reservedFans }) : '—'),
        },
      ]}
    />
  );
}
