import { DownloadOutlined, UploadOutlined } from '../../../components/ui/icons';
import { Alert, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { useFans } from '../../../features/segments/api/get-fans';
import { FansFilters } from '../../../features/segments/components/fans-filters';
import { FansStats } from '../../../features/segments/components/fans-stats';
import { FansTable } from '../../../features/segments/components/fans-table';
import { ImportFansModal } from '../../../features/segments/components/import-fans-modal';
import { FAN_STATUSES, type FanStatus } from '../../../features/segments/types';
import { useErrorText } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlListParams } from '../../../lib/use-url-list-params';

function toStatus(value: string | null): FanStatus | undefined {
  return FAN_STATUSES.find((status) => status === value);
}

/** Fan list: headline numbers, search, status filter, server-side paging (all kept in the URL); CSV import and export. */
export function FansPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { params, page, pageSize, update, onPageChange } = useUrlListParams();
  const [importing, setImporting] = useState(false);
  useDocumentTitle(t('nav.fans'), 'Fanbase');

  const q = params.get('q') ?? '';
  const status = toStatus(params.get('status'));
  const fans = useFans({ q: q || undefined, status, page, pageSize });

  return (
    <>
      <PageHeader
        title={t('nav.fans')}
        subtitle={t('fans.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href="/api/admin/fans/export.csv" download data-testid="export-all">
              {t('fans.exportAll')}
            </Button>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-csv">
              {t('fans.importCsv')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={16}>
        <FansStats />
        <Card>
          <Flex vertical gap={16}>
            <FansFilters
              q={q}
              status={status}
              onSearch={(value) => update({ q: value, page: null })}
              onStatusChange={(value) => update({ status: value ?? null, page: null })}
            />
            {fans.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(fans.error)} /> : null}
            <FansTable
              data={fans.data}
              loading={fans.isFetching}
              filtered={Boolean(q || status)}
              onPageChange={onPageChange}
              fanHref={(fan) => `/console/fans/${fan.id}`}
            />
          </Flex>
        </Card>
      </Flex>
      <ImportFansModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
