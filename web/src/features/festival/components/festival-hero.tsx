import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClockCircleOutlined, CrownOutlined } from '../../../components/ui/icons';
import { useDateFormat } from '../../../lib/format-date';
import type { FanFestival } from '../types';
import { remainingParts } from './use-server-clock';

const pad = (n: number) => String(n).padStart(2, '0');

/** The festival's hero: name, a countdown to this reader's opening (from the server's clock), when the sale opens and ends. */
export function FestivalHero({ festival, now }: { festival: FanFestival; now: number }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const opensAt = new Date(festival.eligibility.opensAt).getTime();
  const endsAt = new Date(festival.endsAt).getTime();
  const phase = now >= endsAt ? 'ended' : now >= opensAt ? 'open' : 'before';
  const left = remainingParts(phase === 'before' ? opensAt : endsAt, now);

  return (
    <Card
      styles={{ body: { padding: 20 } }}
      style={{ background: 'linear-gradient(135deg, #fff1e6 0%, #ffe7ba 100%)', border: 'none' }}
      data-testid="festival-hero"
    >
      <Flex vertical gap={12}>
        <Tag color="volcano" style={{ alignSelf: 'flex-start', marginInlineEnd: 0 }}>
          {t('festivalSite.badge')}
        </Tag>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="festival-name">
          {festival.name}
        </Typography.Title>
        {phase === 'ended' ? (
          <Typography.Text strong>{t('festivalSite.ended')}</Typography.Text>
        ) : (
          <div>
            <Typography.Text type="secondary">{phase === 'before' ? t('festivalSite.opensIn') : t('festivalSite.endsIn')}</Typography.Text>
            <Flex gap={8} style={{ marginTop: 6 }} data-testid="festival-countdown" aria-live="off">
              {[
                [left.days, t('festivalSite.units.days')],
                [left.hours, t('festivalSite.units.hours')],
                [left.minutes, t('festivalSite.units.minutes')],
                [left.seconds, t('festivalSite.units.seconds')],
              ].map(([value, unit]) => (
                <Flex key={String(unit)} vertical align="center" style={{ background: '#fff', borderRadius: 8, padding: '6px 0', flex: 1, minWidth: 0 }}>
                  <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>
                    {pad(Number(value))}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {unit}
                  </Typography.Text>
                </Flex>
              ))}
            </Flex>
          </div>
        )}
        <Typography.Text data-testid="festival-opens-line">
          <ClockCircleOutlined /> {t('festivalSite.opensAt', { at: dateTime(festival.eligibility.opensAt) })} ·{' '}
          {t('festivalSite.endsAt', { at: dateTime(festival.endsAt) })}
        </Typography.Text>
        {festival.earlyAccessMinutes > 0 ? (
          <Typography.Text data-testid="festival-early-access">
            <CrownOutlined /> {t('festivalSite.earlyAccess', { count: festival.earlyAccessMinutes, at: dateTime(festival.startsAt) })}
          </Typography.Text>
        ) : null}
        {festival.requiresReservation ? (
          <Typography.Text type="secondary" data-testid="festival-reservation-line">
            {festival.reservationsOpen ? t('festivalSite.reserveUntil', { at: dateTime(festival.reservationsUntil) }) : t('festivalSite.reservationsClosed')}
          </Typography.Text>
        ) : null}
        {festival.descriptionHtml ? (
          // The server sanitises descriptionHtml (allow-listed tags and attributes, http(s) links only).
          <div className="fb-festival-description" dangerouslySetInnerHTML={{ __html: festival.descriptionHtml }} />
        ) : null}
      </Flex>
    </Card>
  );
}
