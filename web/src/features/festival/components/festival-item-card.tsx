import { Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CheckOutlined } from '../../../components/ui/icons';
import { useMoneyFormat } from '../../../lib/format-money';
import type { AttemptResult, FanFestival, FanFestivalItem } from '../types';
import { FestivalBuyBox } from './festival-buy-box';

/**
 * One festival item: picture, festival price with the list price struck through, remaining of
 * the quota, the limit, the reserve button, and the buy box (quantity and Buy) for signed-in fans.
 */
export function FestivalItemCard(props: {
  festival: FanFestival;
  item: FanFestivalItem;
  /** The server's clock (the buy button counts down to the fan's opening by it). */
  now: number;
  busy: boolean;
  onReserve: (reserve: boolean) => void;
  onSignIn: () => void;
  onWon: (won: Extract<AttemptResult, { answer: 'won' }>) => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const { festival, item } = props;
  const percent = item.quota > 0 ? Math.round((item.remaining / item.quota) * 100) : 0;
  const image = item.variant.image;

  return (
    <Card styles={{ body: { padding: 12 } }} data-testid="festival-item">
      <Flex gap={12}>
        <div style={{ width: 96, height: 96, flex: 'none', borderRadius: 8, overflow: 'hidden', background: '#f5f5f5' }}>
          {image ? <img src={image.url} alt={image.alt} style={{ width: '100%', height: '100%', objectFit: 'cover' }} loading="lazy" /> : null}
        </div>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong ellipsis>
            {item.variant.productTitle}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis>
            {item.variant.name}
          </Typography.Text>
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text strong style={{ fontSize: 20, color: '#d4380d' }} data-testid="festival-price">
              {money(item.price)}
            </Typography.Text>
            <Typography.Text delete type="secondary" data-testid="list-price">
              {money(item.variant.listPrice)}
            </Typography.Text>
          </Flex>
          <Tag style={{ alignSelf: 'flex-start', marginInlineEnd: 0 }}>{t('festivalSite.limit', { count: item.perFanLimit })}</Tag>
        </Flex>
      </Flex>
      <div style={{ marginTop: 10 }}>
        <Flex justify="space-between">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('festivalSite.remaining', { remaining: item.remaining, quota: item.quota })}
          </Typography.Text>
        </Flex>
        <Progress
          percent={percent}
          showInfo={false}
          strokeColor="#fa541c"
          size="small"
          aria-label={t('festivalSite.remaining', { remaining: item.remaining, quota: item.quota })}
        />
      </div>
      {festival.requiresReservation ? (
        <ReserveButton {...props} />
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('festivalSite.noReservation')}
        </Typography.Text>
      )}
      <div style={{ marginTop: 10 }}>
        {festival.signedIn ? (
          <FestivalBuyBox festival={festival} item={item} now={props.now} onWon={props.onWon} />
        ) : (
          <Button type="primary" danger size="large" block onClick={props.onSignIn} data-testid="buy-sign-in">
            {t('festivalSite.buy.signIn')}
          </Button>
        )}
      </div>
    </Card>
  );
}

function ReserveButton({ festival, item, busy, onReserve, onSignIn }: Parameters<typeof FestivalItemCard>[0]) {
  const { t } = useTranslation();
  if (!festival.signedIn)
    return (
      <Button block onClick={onSignIn} data-testid="reserve-sign-in">
        {t('festivalSite.signInToReserve')}
      </Button>
    );
  if (item.reserved)
    return (
      <Flex gap={8} align="center" justify="space-between">
        <Typography.Text type="success" data-testid="reserved">
          <CheckOutlined /> {t('festivalSite.reserved')}
        </Typography.Text>
        {festival.reservationsOpen ? (
          <Button type="link" size="small" loading={busy} onClick={() => onReserve(false)} data-testid="unreserve">
            {t('festivalSite.unreserve')}
          </Button>
        ) : null}
      </Flex>
    );
  return (
    <Button type="primary" block disabled={!festival.reservationsOpen} loading={busy} onClick={() => onReserve(true)} data-testid="reserve">
      {festival.reservationsOpen ? t('festivalSite.reserve') : t('festivalSite.reservationsClosed')}
    </Button>
  );
}
