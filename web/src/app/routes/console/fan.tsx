import { HistoryOutlined, TagsOutlined, UserOutlined } from '../../../components/ui/icons';
import { Card, Col, Flex, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageHeader } from '../../../components/ui/page-header';
import { useFan } from '../../../features/segments/api/get-fan';
import { FanDetails } from '../../../features/segments/components/fan-details';
import { FanTagsEditor } from '../../../features/segments/components/fan-tags-editor';
import { LoyaltyCard } from '../../../features/loyalty/components/loyalty-card';
import { FanMembershipCard } from '../../../features/memberships/components/fan-membership-card';
import { FiguresCatchingUp } from '../../../features/stream/components/figures-catching-up';
import type { StreamConsumer } from '../../../features/stream/types';
import { useFanActivities } from '../../../features/timeline/api/get-fan-activities';
import { ActivityTimeline } from '../../../features/timeline/components/activity-timeline';
import { queryKeys } from '../../../lib/query-keys';
import { useDocumentTitle } from '../../../lib/use-document-title';

const CONSUMERS: StreamConsumer[] = ['loyalty.signals'];

/** One fan: their fields and status, membership, tags, loyalty level explained, and their activity timeline. */
export function FanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams();
  const fan = useFan(id);
  const activities = useFanActivities(id);
  useDocumentTitle(fan.data?.displayName ?? t('nav.fans'), 'Fanbase');

  // Back to the list as it was (search, filter, page) when we came from it.
  const goBack = () => (location.key !== 'default' ? navigate(-1) : navigate('/console/fans'));

  if (fan.isError) {
    return (
      <>
        <PageHeader title={t('fans.fanTitle')} onBack={goBack} backLabel={t('common.back')} />
        <ErrorResult error={fan.error} onRetry={() => void fan.refetch()} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={fan.data?.displayName ?? t('fans.fanTitle')} subtitle={fan.data?.email} onBack={goBack} backLabel={t('common.back')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card
              title={
                <Space>
                  <UserOutlined />
                  {t('fans.profile')}
                </Space>
              }
            >
              {fan.data ? <FanDetails fan={fan.data} /> : <Skeleton active paragraph={{ rows: 5 }} />}
            </Card>
            <FanMembershipCard fanId={id} paymentHref={(paymentId) => `/console/payments?payment=${paymentId}`} />
            <Card
              title={
                <Space>
                  <TagsOutlined />
                  {t('tags.title')}
                </Space>
              }
            >
              <FanTagsEditor fanId={id} />
            </Card>
            <LoyaltyCard fanId={id} notice={<FiguresCatchingUp consumers={CONSUMERS} refresh={[queryKeys.consoleFanLoyalty(id), queryKeys.consoleFan(id)]} />} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={
              <Space>
                <HistoryOutlined />
                {t('fans.activity')}
              </Space>
            }
          >
            <ActivityTimeline query={activities} emptyText={t('fans.noActivity')} articleHref={(articleId) => `/console/articles/${articleId}`} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
