import { FallOutlined, RiseOutlined, UserAddOutlined } from '../../../components/ui/icons';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { SOURCE_TYPES, type Growth } from '../types';

const sum = (values: Record<string, number>) => SOURCE_TYPES.reduce((n, source) => n + (values[source] ?? 0), 0);

/** New follows, unfollows and net change over the chosen days. */
export function GrowthSummary({ growth, loading }: { growth: Growth | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const follows = growth ? sum(growth.totals.follows) : 0;
  const unfollows = growth ? sum(growth.totals.unfollows) : 0;
  const net = growth?.totals.net ?? 0;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic title={t('insights.newFollows')} value={follows} loading={loading} prefix={<UserAddOutlined />} data-testid="growth-follows" />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic title={t('insights.unfollows')} value={unfollows} loading={loading} prefix={<FallOutlined />} data-testid="growth-unfollows" />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic
            title={t('insights.net')}
            value={net}
            loading={loading}
            prefix={<RiseOutlined />}
            formatter={(value) => new Intl.NumberFormat(i18n.resolvedLanguage, { signDisplay: 'exceptZero' }).format(Number(value))}
            styles={{ content: { color: net > 0 ? '#389e0d' : net < 0 ? '#cf1322' : undefined } }}
            data-testid="growth-net"
          />
        </Card>
      </Col>
    </Row>
  );
}
