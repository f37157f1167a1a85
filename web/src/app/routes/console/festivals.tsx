import { Button, Card, Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PlusOutlined } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { useChannelSettings } from '../../../features/channel/api/get-channel-settings';
import { useAdminFestivals } from '../../../features/festival/api/get-admin-festivals';
import { FestivalsTable } from '../../../features/festival/components/festivals-table';
import { FESTIVAL_STATUSES, type FestivalStatus } from '../../../features/festival/types';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlListParams } from '../../../lib/use-url-list-params';

/** `/console/festivals`: every festival with status, dates, items and reservations; filter by status. */
export function FestivalsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, page, pageSize, update, onPageChange } = useUrlListParams();
  useDocumentTitle(t('nav.festival'), 'Fanbase');
  const status = FESTIVAL_STATUSES.find((s) => s === params.get('status'));
  const festivals = useAdminFestivals({ status, page, pageSize });
  const timeZone = useChannelSettings().data?.timeZone ?? 'UTC';

  return (
    <>
      <PageHeader
        title={t('nav.festival')}
        subtitle={t('festival.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/console/festivals/new')} data-testid="new-festival">
            {t('festival.new')}
          </Button>
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <Segmented<'all' | FestivalStatus>
            value={status ?? 'all'}
            onChange={(v) => update({ status: v === 'all' ? null : v })}
            options={[{ value: 'all', label: t('festival.status.all') }, ...FESTIVAL_STATUSES.map((s) => ({ value: s, label: t(`festival.status.${s}`) }))]}
          />
          <FestivalsTable data={festivals.data} loading={festivals.isLoading} timeZone={timeZone} onPageChange={onPageChange} />
        </Flex>
      </Card>
    </>
  );
}
