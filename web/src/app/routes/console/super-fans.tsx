import { RightOutlined } from '../../../components/ui/icons';
import { Alert, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { AddTagButton } from '../../../features/segments/components/add-tag-button';
import { BulkTagButton } from '../../../features/segments/components/bulk-tag-button';
import { useRankedFans } from '../../../features/loyalty/api/get-ranked-fans';
import { CandidatesTable } from '../../../features/loyalty/components/candidates-table';
import { FunnelCard } from '../../../features/loyalty/components/funnel-card';
import { LadderRulesCard } from '../../../features/loyalty/components/ladder-rules-card';
import { SuperFansTable } from '../../../features/loyalty/components/super-fans-table';
import type { RankedFanPerson } from '../../../features/loyalty/types';
import { FiguresCatchingUp } from '../../../features/stream/components/figures-catching-up';
import type { StreamConsumer } from '../../../features/stream/types';
import { queryKeys } from '../../../lib/query-keys';
import { useErrorText } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';

const fanHref = (id: string) => `/console/fans/${id}`;
const PAGE_SIZE = 10;
const CONSUMERS: StreamConsumer[] = ['loyalty.signals'];
// Levels show here and in fan pages and segment counts.
const FIGURES = [queryKeys.consoleLoyalty, queryKeys.consoleFans, queryKeys.consoleSegments];

/** The loyalty ladder: funnel and rules, super fans (grace period first), and the candidates closest to level 4. */
export function SuperFansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const supers = useRankedFans('super-fans', PAGE_SIZE);
  const candidates = useRankedFans('candidates', PAGE_SIZE);
  const failed = supers.error ?? candidates.error;
  useDocumentTitle(t('nav.superFans'), 'Fanbase');

  const actions = (fan: RankedFanPerson) => (
    <Flex gap={4} justify="flex-end">
      <AddTagButton fanId={fan.id} fanName={fan.displayName} />
      <Button
        size="small"
        type="text"
        icon={<RightOutlined />}
        onClick={() => navigate(fanHref(fan.id))}
        aria-label={t('loyalty.openFan', { name: fan.displayName })}
      />
    </Flex>
  );

  const selectionActions = (fanIds: string[], clear: () => void) => <BulkTagButton fanIds={fanIds} onDone={clear} />;

  return (
    <>
      <PageHeader title={t('nav.superFans')} subtitle={t('loyalty.subtitle')} />
      <Flex vertical gap={16}>
        <FiguresCatchingUp consumers={CONSUMERS} refresh={FIGURES} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <FunnelCard />
          </Col>
          <Col xs={24} xl={10}>
            <LadderRulesCard />
          </Col>
        </Row>
        {failed ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(failed)} /> : null}
        <Card title={t('loyalty.superFansTitle')} extra={<Typography.Text type="secondary">{t('loyalty.superFansHelp')}</Typography.Text>}>
          <SuperFansTable {...supers.table} fanHref={fanHref} actions={actions} selectionActions={selectionActions} />
        </Card>
        <Card title={t('loyalty.candidatesTitle')} extra={<Typography.Text type="secondary">{t('loyalty.candidatesHelp')}</Typography.Text>}>
          <CandidatesTable {...candidates.table} fanHref={fanHref} actions={actions} selectionActions={selectionActions} />
        </Card>
      </Flex>
    </>
  );
}
