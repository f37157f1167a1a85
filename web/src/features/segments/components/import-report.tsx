import { Alert, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageItemRender } from '../../../components/ui/page-item-render';
import type { ImportReport, ImportRowError } from '../../segments/types';

/** What an import did: counts, then each rejected row with its line and reason (translated by code, else the server's English). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const itemRender = usePageItemRender();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const format = (value: number | string) => number.format(Number(value));
  // A code this console does not know yet (a newer server) falls back to the English reason.
  const reasonOf = (row: ImportRowError) => (i18n.exists(`importFans.reasons.${row.code}`) ? t(`importFans.reasons.${row.code}`, { ...row.params }) : row.reason);
  const cells = [
    { key: 'rows', title: t('importFans.report.rows'), value: report.rows },
    { key: 'created', title: t('importFans.report.created'), value: report.created, color: report.created > 0 ? '#389e0d' : undefined },
    { key: 'existing', title: t('importFans.report.existing'), value: report.existing },
    { key: 'rejected', title: t('importFans.report.rejected'), value: report.rejected, color: report.rejected > 0 ? '#cf1322' : undefined },
  ];

  return (
    <Flex vertical gap={16} data-testid="import-report">
      <Alert
        type={report.rejected === 0 ? 'success' : report.created + report.existing > 0 ? 'warning' : 'error'}
        showIcon
        title={report.rejected === 0 ? t('importFans.report.allGood', { count: report.rows }) : t('importFans.report.someRejected', { count: report.rejected })}
        description={report.existing > 0 ? t('importFans.report.existingNote', { count: report.existing }) : undefined}
      />
      <Row gutter={[12, 12]}>
        {cells.map((cell) => (
          <Col key={cell.key} xs={12} sm={6}>
            <Card size="small">
              <Statistic title={cell.title} value={cell.value} formatter={format} styles={{ content: { color: cell.color } }} data-testid={`import-${cell.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      {report.errors.length > 0 ? (
        <>
          <Typography.Text strong>{t('importFans.report.rejectedRows')}</Typography.Text>
          <Table<ImportRowError>
            rowKey={(row) => `${row.line}-${row.email ?? ''}-${row.reason}`}
            size="small"
            dataSource={report.errors}
            pagination={report.errors.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small', itemRender } : false}
            columns={[
              { title: t('importFans.report.line'), dataIndex: 'line', width: 72 },
              {
                title: t('importFans.report.email'),
                dataIndex: 'email',
                width: 220,
                ellipsis: true,
                render: (value: string | null) => value ?? <Typography.Text type="secondary">—</Typography.Text>,
              },
              {
                title: t('importFans.report.reason'),
                key: 'reason',
                // The English text stays one hover away: it carries details (a parser message) the code does not.
                render: (_, row) => <span title={row.reason}>{reasonOf(row)}</span>,
              },
            ]}
            data-testid="import-errors"
          />
          {report.rejected > report.errors.length ? (
            <Typography.Text type="secondary">{t('importFans.report.truncated', { shown: report.errors.length, count: report.rejected })}</Typography.Text>
          ) : null}
        </>
      ) : null}
    </Flex>
  );
}
