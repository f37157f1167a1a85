import { DeleteOutlined, EditOutlined } from '../../../components/ui/icons';
import { Alert, App, Button, Empty, Flex, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/ui/router-link';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError, useErrorText } from '../../../lib/use-api-error';
import { useDeleteSegment } from '../../segments/api/delete-segment';
import { useSegments } from '../../segments/api/get-segments';
import type { Segment } from '../../segments/types';
import { SegmentFilterTags } from '../../segments/components/segment-filter-tags';
import { SegmentInvalidFilterTag } from '../../segments/components/segment-invalid-filter';

interface SegmentsTableProps {
  segmentHref: (id: string) => string;
  onEdit: (segment: Segment) => void;
  onCreate: () => void;
}

/** Saved segments with how many fans each matches now; edit in place, delete after a confirmation. */
export function SegmentsTable({ segmentHref, onEdit, onCreate }: SegmentsTableProps) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useDateFormat();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const segments = useSegments();
  const remove = useDeleteSegment();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);

  const columns: TableColumnsType<Segment> = [
    {
      title: t('segments.columns.name'),
      dataIndex: 'name',
      width: 220,
      render: (_, segment) => (
        <RouterLink to={segmentHref(segment.id)} testId="segment-link">
          <Typography.Text strong style={{ color: 'inherit' }}>
            {segment.name}
          </Typography.Text>
        </RouterLink>
      ),
    },
    {
      title: t('segments.columns.count'),
      dataIndex: 'count',
      width: 110,
      align: 'right',
      render: (value: number | null) =>
        value === null ? <Typography.Text type="secondary">—</Typography.Text> : <Typography.Text strong>{number.format(value)}</Typography.Text>,
    },
    {
      title: t('segments.columns.filter'),
      key: 'filter',
      render: (_, segment) => (segment.filter ? <SegmentFilterTags filter={segment.filter} /> : <SegmentInvalidFilterTag problem={segment.invalidFilter} />),
    },
    { title: t('segments.columns.updated'), dataIndex: 'updatedAt', width: 200, render: (value: string) => dateTime(value) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      align: 'right',
      render: (_, segment) => (
        <Flex justify="flex-end" gap={4}>
          <Button type="text" size="small" icon={<EditOutlined />} onClick={() => onEdit(segment)} data-testid="segment-edit">
            {t('segments.edit')}
          </Button>
          <Popconfirm
            title={t('segments.deleteConfirmTitle', { name: segment.name })}
            description={t('segments.deleteConfirmBody')}
            okText={t('segments.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync(segment.id).then(
                () => void message.success(t('segments.deleted', { name: segment.name })),
                (error: unknown) => showError(error),
              )
            }
          >
            <Button type="text" danger size="small" icon={<DeleteOutlined />} data-testid="segment-delete">
              {t('segments.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  if (segments.isError) return <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(segments.error)} />;

  return (
    <Table<Segment>
      rowKey="id"
      columns={columns}
      dataSource={segments.data?.items ?? []}
      loading={segments.isPending}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="segments-table"
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.empty')}>
            <Button type="primary" onClick={onCreate}>
              {t('segments.newButton')}
            </Button>
          </Empty>
        ),
      }}
    />
  );
}
