import { HeartOutlined, RiseOutlined, TeamOutlined } from '../../../components/ui/icons';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStats } from '../../segments/api/get-stats';

/** Headline numbers above the fan list. */
export function FansStats() {
  const { t } = useTranslation();
  const stats = useStats();
  const fans = stats.data?.fans ?? 0;
  const followers = stats.data?.followers ?? 0;
  // Rounded here: Statistic's `precision` truncates (66.67 would show as 66.6).
  const rate = fans > 0 ? Math.round((followers / fans) * 1000) / 10 : 0;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic title={t('fans.totalFans')} value={fans} loading={stats.isPending} prefix={<TeamOutlined />} data-testid="stats-fans" />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic title={t('fans.totalFollowers')} value={followers} loading={stats.isPending} prefix={<HeartOutlined />} data-testid="stats-followers" />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic title={t('fans.followRate')} value={rate} precision={1} suffix="%" loading={stats.isPending} prefix={<RiseOutlined />} />
        </Card>
      </Col>
    </Row>
  );
}
