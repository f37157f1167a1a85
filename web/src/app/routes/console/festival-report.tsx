import { Alert, Button, Card, Col, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { DownloadOutlined } from '../../../components/ui/icons';
import { PageLoader } from '../../../components/ui/page-loader';
import { useAdminFestival } from '../../../features/festival/api/get-admin-festival';
import { festivalReportCsvUrl, useFestivalReport } from '../../../features/festival/api/get-festival-report';
import { FestivalReportCharts } from '../../../features/festival/components/festival-report-charts';
import { FestivalReportItems } from '../../../features/festival/components/festival-report-items';
import { FestivalPageHeader } from '../../../features/festival/components/festival-page-header';
import { FestivalTabs } from '../../../features/festival/components/festival-tabs';
import { useMoneyFormat } from '../../../lib/format-money';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** `/console/festivals/:id/report`: after the festival, the funnel per item and in total, by tier and level, and its CSV. */
const REFUSAL_KINDS = ['challenge_fan_rate', 'challenge_visitor_rate', 'challenge_invalid', 'too_many_attempts', 'refused'] as const;
type RefusalKind = (typeof REFUSAL_KINDS)[number];
/** A refusal kind in the reader's language (a kind this page does not know as it is stored). */
const refusalKindLabel = (t: TFunction, kind: string) =>
  (REFUSAL_KINDS as readonly string[]).includes(kind) ? t(`festival.report.refusalKinds.${kind as RefusalKind}`) : kind;

export function FestivalReportPage() {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const { id } = useParams();
  const festival = useAdminFestival(id);
  const report = useFestivalReport(id);
  useDocumentTitle(festival.data ? `${t('festival.report.title')} · ${festival.data.name}` : t('festival.report.title'), 'Fanbase');

  const failed = festival.isError ? festival : report.isError ? report : null;
  if (failed) return <ErrorResult error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!festival.data || !report.data) return <PageLoader />;
  const f = festival.data;
  const r = report.data;
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent', maximumFractionDigits: 1 });
  const cards = [
    { key: 'reservations', value: number.format(r.total.reservations) },
    { key: 'orders', value: number.format(r.total.orders) },
    { key: 'paid', value: number.format(r.total.paid) },
    { key: 'paidRate', value: r.total.paidRate === null ? '—' : percent.format(r.total.paidRate) },
    { key: 'gmv', value: money({ amountMinor: r.total.gmvMinor, currency: r.currency }) },
    { key: 'refusals', value: number.format(r.total.refusals) },
  ] as const;
  return (
    <>
      <FestivalPageHeader
        festival={f}
        subtitle={t('festival.report.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={festivalReportCsvUrl(f.id)} download data-testid="report-csv">
            {t('festival.report.downloadCsv')}
          </Button>
        }
      />
      <FestivalTabs festival={f} active="report" />
      <Flex vertical gap={16}>
        {r.ended ? null : <Alert type="info" showIcon title={t('festival.report.notOver')} />}
        <Row gutter={[16, 16]}>
          {cards.map((c) => (
            <Col key={c.key} xs={12} md={8} xl={4}>
              <Card style={{ height: '100%' }}>
                <Statistic title={t(`festival.report.figures.${c.key}`)} value={c.value} data-testid={`report-card-${c.key}`} />
              </Card>
            </Col>
          ))}
        </Row>
        <FestivalReportCharts report={r} />
        <FestivalReportItems report={r} />
        <Card title={t('festival.report.refusalsTitle')}>
          {r.refusalsByKind.length === 0 ? (
            <Empty description={t('festival.report.noRefusals')} />
          ) : (
            <Table
              rowKey="kind"
              size="small"
              pagination={false}
              dataSource={r.refusalsByKind}
              columns={[
                { key: 'kind', dataIndex: 'kind', title: t('festival.report.kind'), render: (kind: string) => refusalKindLabel(t, kind) },
                { key: 'refusals', dataIndex: 'refusals', title: t('festival.report.figures.refusals'), align: 'right' },
              ]}
            />
          )}
        </Card>
        <Typography.Text type="secondary">{t('festival.report.breakdownNote')}</Typography.Text>
      </Flex>
    </>
  );
}
