import { DeleteOutlined, DownloadOutlined, EditOutlined } from '../../../components/ui/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageHeader } from '../../../components/ui/page-header';
import { useDeleteSegment } from '../../../features/segments/api/delete-segment';
import { useSegment } from '../../../features/segments/api/get-segment';
import { useSegmentFans } from '../../../features/segments/api/get-segment-fans';
import { FansTable } from '../../../features/segments/components/fans-table';
import { SegmentDrawer } from '../../../features/segments/components/segment-drawer';
import { SegmentFilterTags } from '../../../features/segments/components/segment-filter-tags';
import { SegmentInvalidFilterAlert } from '../../../features/segments/components/segment-invalid-filter';
import { useApiError, useErrorText } from '../../../lib/use-api-error';
import { FiguresCatchingUp } from '../../../features/stream/components/figures-catching-up';
import type { StreamConsumer } from '../../../features/stream/types';
import { queryKeys } from '../../../lib/query-keys';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** The segment's count and fans filter on follow state, level and activity: the loyalty consumer keeps them. */
const CONSUMERS: StreamConsumer[] = ['loyalty.signals'];

const LIST_PATH = '/console/segments';
const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** One segment: its filter, its fans right now (paged in the URL), edit, delete and CSV export. */
export function SegmentPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  const segment = useSegment(id);
  const fans = useSegmentFans(id, { page, pageSize });
  const remove = useDeleteSegment();
  useDocumentTitle(segment.data?.name ?? t('nav.segments'), 'Fanbase');
  // A saved filter that no longer parses matches nobody until it is edited; its fans and export are refused.
  const invalid = Boolean(segment.data?.invalidFilter);

  const goBack = () => (location.key !== 'default' ? navigate(-1) : navigate(LIST_PATH));

  if (segment.isError) {
    return (
      <>
        <PageHeader title={t('nav.segments')} onBack={() => navigate(LIST_PATH)} backLabel={t('common.back')} />
        <ErrorResult error={segment.error} onRetry={() => void segment.refetch()} />
      </>
    );
  }

  const onDelete = () =>
    remove.mutateAsync(id).then(
      () => {
        void message.success(t('segments.deleted', { name: segment.data?.name ?? '' }));
        void navigate(LIST_PATH, { replace: true });
      },
      (error: unknown) => showError(error),
    );

  return (
    <>
      <PageHeader
        title={segment.data?.name ?? t('nav.segments')}
        subtitle={t('segments.detailSubtitle')}
        onBack={goBack}
        backLabel={t('common.back')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/admin/fans/export.csv?segment=${encodeURIComponent(id)}`}
              download
              disabled={invalid}
              data-testid="segment-export"
            >
              {t('segments.export')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!segment.data} data-testid="segment-edit">
              {t('segments.edit')}
            </Button>
            <Popconfirm
              title={t('segments.deleteConfirmTitle', { name: segment.data?.name ?? '' })}
              description={t('segments.deleteConfirmBody')}
              okText={t('segments.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onDelete}
            >
              <Button danger icon={<DeleteOutlined />} disabled={!segment.data} data-testid="segment-delete">
                {t('segments.delete')}
              </Button>
            </Popconfirm>
          </>
        }
      />
      <Flex vertical gap={16}>
        <FiguresCatchingUp consumers={CONSUMERS} refresh={[queryKeys.consoleSegments]} />
        <Card>
          {segment.data && invalid ? (
            <SegmentInvalidFilterAlert problem={segment.data.invalidFilter} />
          ) : segment.data?.filter ? (
            <Flex wrap gap={32} align="center">
              <Statistic
                title={t('segments.columns.count')}
                value={segment.data.count ?? 0}
                formatter={(value) => new Intl.NumberFormat(i18n.resolvedLanguage).format(Number(value))}
                data-testid="segment-detail-count"
              />
              <Flex vertical gap={6} style={{ flex: 1, minWidth: 240 }}>
                <Typography.Text type="secondary">{t('segments.columns.filter')}</Typography.Text>
                <SegmentFilterTags filter={segment.data.filter} />
              </Flex>
            </Flex>
          ) : (
            <Skeleton active paragraph={{ rows: 1 }} />
          )}
        </Card>
        <Card title={t('segments.fansTitle')} hidden={invalid}>
          {fans.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(fans.error)} style={{ marginBottom: 16 }} /> : null}
          <FansTable
            data={fans.data}
            loading={fans.isFetching}
            filtered
            emptyText={t('segments.noFans')}
            onPageChange={(nextPage, nextSize) => {
              const next = new URLSearchParams(params);
              if (nextSize !== pageSize || nextPage === 1) next.delete('page');
              else next.set('page', String(nextPage));
              if (nextSize === DEFAULT_PAGE_SIZE) next.delete('pageSize');
              else next.set('pageSize', String(nextSize));
              setParams(next, { replace: true });
            }}
            fanHref={(fan) => `/console/fans/${fan.id}`}
          />
        </Card>
      </Flex>
      <SegmentDrawer open={editing} segment={segment.data} onClose={() => setEditing(false)} />
    </>
  );
}
