import { EyeOutlined, HeartOutlined, ReadOutlined, ShareAltOutlined, UserAddOutlined, UserDeleteOutlined } from '../../../components/ui/icons';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleStats as Stats } from '../types';

/** What one article did: views, unique reads, shares, follows, unfollows and the net effect. */
export function ArticleStats({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const net = stats.netFans;
  const items: Array<{ key: keyof Stats; title: string; icon: ReactNode; color?: string; sign?: boolean }> = [
    { key: 'views', title: t('articles.columns.views'), icon: <EyeOutlined /> },
    { key: 'uniqueReads', title: t('articles.columns.uniqueReads'), icon: <ReadOutlined /> },
    { key: 'shares', title: t('articles.columns.shares'), icon: <ShareAltOutlined /> },
    { key: 'follows', title: t('articles.columns.follows'), icon: <UserAddOutlined /> },
    { key: 'unfollows', title: t('articles.columns.unfollows'), icon: <UserDeleteOutlined /> },
    {
      key: 'netFans',
      title: t('articles.columns.netFans'),
      icon: <HeartOutlined />,
      color: net > 0 ? '#389e0d' : net < 0 ? '#cf1322' : undefined,
      sign: true,
    },
  ];

  return (
    <Row gutter={[16, 16]} data-testid="article-stats">
      {items.map((item) => (
        <Col key={item.key} xs={12} sm={8} xl={4}>
          <Card size="small">
            <Statistic
              title={item.title}
              value={stats[item.key]}
              prefix={item.icon}
              styles={{ content: item.color ? { color: item.color } : undefined }}
              formatter={(value) =>
                item.sign ? new Intl.NumberFormat(i18n.resolvedLanguage, { signDisplay: 'exceptZero' }).format(Number(value)) : number.format(Number(value))
              }
              data-testid={`article-stat-${item.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
