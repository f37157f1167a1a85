import { Card, Flex, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GiftOutlined, RightOutlined } from '../../../components/ui/icons';
import { useDateFormat } from '../../../lib/format-date';
import { useFestivals } from '../api/get-festivals';

/** A small banner for the next published festival (nothing when there is none). */
export function FestivalBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { dateTime } = useDateFormat();
  const festivals = useFestivals();
  const next = festivals.data?.festivals[0];
  if (!next) return null;
  const href = `/festivals/${next.slug}`;
  const open = (event: MouseEvent<HTMLElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(href);
  };
  const live = festivals.data && new Date(next.opensAt) <= new Date(festivals.data.serverTime);
  return (
    <Card size="small" style={{ background: '#fff2e8', borderColor: '#ffbb96', position: 'relative' }} data-testid="festival-banner">
      <Flex gap={12} align="center">
        <GiftOutlined style={{ fontSize: 22, color: '#fa541c' }} />
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <a href={href} onClick={open} className="fb-stretched-link" style={{ color: 'inherit', fontWeight: 600 }}>
            {next.name}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {live ? t('festivalSite.bannerLive') : t('festivalSite.bannerOpens', { at: dateTime(next.opensAt) })}
          </Typography.Text>
        </Flex>
        <RightOutlined />
      </Flex>
    </Card>
  );
}
