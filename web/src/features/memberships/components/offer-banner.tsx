import { GiftOutlined } from '../../../components/ui/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import type { PublicOffer } from '../fan-types';

/** What an offer link gives, or why it no longer does. */
export function OfferBanner({ offer, missing }: { offer: PublicOffer | undefined; missing: boolean }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const money = useMoneyFormat();
  if (missing) return <Alert type="warning" showIcon title={t('membership.offer.missing')} data-testid="offer-banner" />;
  if (!offer) return null;
  if (offer.ended || offer.placesLeft <= 0)
    return <Alert type="warning" showIcon title={offer.ended ? t('membership.offer.ended') : t('membership.offer.full')} data-testid="offer-banner" />;
  return (
    <Alert
      type="success"
      showIcon
      icon={<GiftOutlined />}
      data-testid="offer-banner"
      title={t(offer.interval === 'year' ? 'membership.offer.titleYear' : 'membership.offer.titleMonth', {
        tier: offer.tier.name,
        price: money({ amountMinor: offer.priceMinor, currency: offer.currency }),
        regular: money({ amountMinor: offer.regularPriceMinor, currency: offer.currency }),
      })}
      description={t('membership.offer.until', { date: date(offer.endsAt), places: offer.placesLeft })}
    />
  );
}
