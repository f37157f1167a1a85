import { TeamOutlined } from '../../../components/ui/icons';
import { Avatar, Card, Flex, Skeleton, Statistic, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../types';

interface ChannelHeroProps {
  channel: Channel | undefined;
  loading?: boolean;
  /** The follow button (or the sign-up call to action). */
  action?: ReactNode;
  /** A short line under the action, e.g. "Following since …". */
  note?: ReactNode;
}

/** The big welcome card of the fan site: name, description, follower count, follow action. */
export function ChannelHero({ channel, loading, action, note }: ChannelHeroProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const initial = channel?.name.trim().charAt(0).toUpperCase() || 'F';

  return (
    <Card styles={{ body: { padding: 0 } }} style={{ overflow: 'hidden' }}>
      <div
        style={{
          height: 140,
          background: `linear-gradient(120deg, ${token.colorPrimary} 0%, ${token.colorPrimaryActive} 45%, #ec4899 100%)`,
        }}
      />
      <Flex vertical align="center" gap={16} style={{ padding: '0 24px 40px', marginTop: -48, textAlign: 'center' }}>
        <Avatar
          aria-hidden
          size={96}
          style={{
            background: token.colorBgContainer,
            color: token.colorPrimary,
            fontSize: 40,
            fontWeight: 600,
            border: `4px solid ${token.colorBgContainer}`,
            boxShadow: token.boxShadowTertiary,
          }}
        >
          {initial}
        </Avatar>
        {loading || !channel ? (
          <Skeleton active paragraph={{ rows: 2 }} title style={{ maxWidth: 420 }} />
        ) : (
          <>
            <div>
              <Typography.Title level={2} style={{ margin: 0 }} data-testid="channel-name">
                {channel.name}
              </Typography.Title>
              {channel.description ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 16, maxWidth: 560, margin: '12px auto 0', whiteSpace: 'pre-line' }}>
                  {channel.description}
                </Typography.Paragraph>
              ) : null}
            </div>
            <Statistic
              title={t('fanSite.followers')}
              value={channel.followerCount}
              prefix={<TeamOutlined />}
              formatter={(value) => new Intl.NumberFormat(i18n.resolvedLanguage).format(Number(value))}
              data-testid="follower-count"
            />
          </>
        )}
        {action}
        {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
      </Flex>
    </Card>
  );
}
