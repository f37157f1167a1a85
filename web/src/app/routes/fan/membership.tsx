import { Alert, App, Card, Checkbox, Col, Flex, Row, Segmented, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { useCheckout } from '../../../features/memberships/api/checkout';
import { useMyMembership } from '../../../features/memberships/api/get-my-membership';
import { useMembershipOffer } from '../../../features/memberships/api/get-offer';
import { CancelMembershipModal } from '../../../features/memberships/components/cancel-membership-modal';
import { MembershipStatus } from '../../../features/memberships/components/membership-status';
import { PayQrModal } from '../../../features/memberships/components/pay-qr-modal';
import { PurchaseWait } from '../../../features/memberships/components/purchase-wait';
import { ReceiptsList } from '../../../features/memberships/components/receipts-list';
import { useMyGifts } from '../../../features/memberships/api/gifts';
import { useOfferLink } from '../../../features/memberships/api/get-offer-link';
import { GiftModal } from '../../../features/memberships/components/gift-modal';
import { GiftWait } from '../../../features/memberships/components/gift-wait';
import { GiftsReceived } from '../../../features/memberships/components/gifts-received';
import { OfferBanner } from '../../../features/memberships/components/offer-banner';
import { TierCard, type TierChoice } from '../../../features/memberships/components/tier-card';
import type { Checkout, Interval, Membership, Tier } from '../../../features/memberships/fan-types';
import { withNext } from '../../../lib/safe-next';
import { useApiError } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** What the button on `tier` does for a fan holding `membership` (or none). */
function choiceFor(tier: Tier, tiers: Tier[], membership: Membership | null | undefined): TierChoice {
  const live = membership && membership.status !== 'expired' && Date.parse(membership.currentPeriodEnd) > Date.now();
  if (!membership || !live) return 'join';
  if (membership.tier.id === tier.id) return membership.renewsEveryMonths && membership.status === 'active' ? 'renewsItself' : 'renew';
  const held = tiers.find((x) => x.id === membership.tier.id)?.rank ?? membership.tier.rank;
  return tier.rank > held ? 'upgrade' : 'lower';
}

/** The sandbox's hosted page speaks the site's language when told. */
function payUrl(url: string, language: string): string {
  if (!url.includes('/sandbox/pay/')) return url;
  return `${url}${url.includes('?') ? '&' : '?'}lang=${language.startsWith('zh') ? 'zh' : 'en'}`;
}

type WeixinBridge = { invoke(name: string, params: object, callback: (res: { err_msg: string }) => void): void };

/**
 * The membership page, phone-first (most fans arrive from a chat app): the tiers with their
 * perks, monthly or yearly, pay, then wait for the verified payment; a member's status, receipts,
 * and cancellation with a reason.
 */
export function MembershipPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const channel = useChannel();
  const me = useMe();
  const offering = useMembershipOffer();
  const mine = useMyMembership({ enabled: Boolean(me.data) });
  const checkout = useCheckout();
  const [params, setParams] = useSearchParams();
  const purchaseId = params.get('purchase');
  const giftId = params.get('gift');
  const offerCode = params.get('offer');
  const offerLink = useOfferLink(offerCode);
  const offer = offerLink.data && !offerLink.data.ended && offerLink.data.placesLeft > 0 ? offerLink.data : undefined;
  const gifts = useMyGifts({ enabled: Boolean(me.data) });
  const [giving, setGiving] = useState<Tier | null>(null);
  const [chosenInterval, setInterval] = useState<Interval | null>(null);
  // An offer link opens on its period.
  const interval: Interval = chosenInterval ?? offerLink.data?.interval ?? 'month';
  const [autoRenew, setAutoRenew] = useState(false);
  const [choosing, setChoosing] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [canceling, setCanceling] = useState(false);
  useDocumentTitle(t('membership.title'), channel.data?.name);
  const closeQr = useCallback(() => setQr(null), []);

  if (offering.isPending || me.isPending || (me.data && mine.isPending)) return <PageLoader />;
  if (offering.isError) return <ErrorResult error={offering.error} onRetry={() => void offering.refetch()} />;
  if (mine.isError) return <ErrorResult error={mine.error} onRetry={() => void mine.refetch()} />;

  const { tiers, testMode, recurring } = offering.data;
  const membership = mine.data?.membership ?? null;
  const joining = !membership || choiceFor(tiers[0] ?? membership.tier, tiers, membership) === 'join';

  const pay = (action: NonNullable<Checkout['action']>, after: Record<string, string>) => {
    if (action.kind === 'redirect') window.location.assign(payUrl(action.url, i18n.language));
    else if (action.kind === 'qr') {
      setParams(after);
      setQr(action.codeUrl);
    } else {
      const bridge = (window as { WeixinJSBridge?: WeixinBridge }).WeixinJSBridge;
      if (!bridge) {
        void message.error(t('membership.openInWechat'));
        return;
      }
      bridge.invoke('getBrandWCPayRequest', action.params, () => setParams(after));
    }
  };

  const next = (result: Checkout) => {
    if (!result.action) {
      setParams({ purchase: result.purchase.id });
      return;
    }
    pay(result.action, { purchase: result.purchase.id });
  };

  const choose = (tier: Tier, choice: TierChoice) => {
    if (!me.data) {
      void navigate(withNext('/signup', '/membership'));
      return;
    }
    setChoosing(tier.id);
    const withOffer = offer && offer.tier.id === tier.id && offer.interval === interval && choice === 'join';
    checkout.mutate(
      { tierId: tier.id, interval, autoRenew: !withOffer && recurring && autoRenew && choice === 'join', ...(withOffer ? { offerCode: offer.code } : {}) },
      { onSuccess: next, onError: (error) => showError(error), onSettled: () => setChoosing(null) },
    );
  };

  const yearlySaving = (tier: Tier) => Math.round((1 - tier.yearlyPriceMinor / (tier.monthlyPriceMinor * 12)) * 100);
  const bestSaving = Math.max(0, ...tiers.map(yearlySaving));

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('membership.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('membership.subtitle', { channel: channel.data?.name ?? '' })}</Typography.Text>
      </div>
      {testMode ? <Alert type="info" showIcon title={t('membership.testPayments')} data-testid="test-payments" /> : null}
      {offerCode ? <OfferBanner offer={offerLink.data} missing={offerLink.isError} /> : null}
      {giftId ? <GiftWait giftId={giftId} onDismiss={() => setParams({})} /> : null}
      {gifts.data ? <GiftsReceived gifts={gifts.data.received} /> : null}
      {purchaseId ? <PurchaseWait purchaseId={purchaseId} onDismiss={() => setParams({})} onFinished={closeQr} /> : null}
      {membership ? <MembershipStatus membership={membership} onCancel={() => setCanceling(true)} /> : null}

      {tiers.length === 0 ? (
        <Card>
          <Typography.Text type="secondary">{t('membership.noTiers')}</Typography.Text>
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Segmented<Interval>
              size="large"
              value={interval}
              onChange={setInterval}
              options={[
                { value: 'month', label: t('membership.monthly') },
                { value: 'year', label: bestSaving > 0 ? t('membership.yearlySave', { percent: bestSaving }) : t('membership.yearly') },
              ]}
              data-testid="interval"
            />
            {recurring && joining ? (
              <Checkbox checked={autoRenew} onChange={(e) => setAutoRenew(e.target.checked)} data-testid="auto-renew">
                {interval === 'year' ? t('membership.autoRenewYearly') : t('membership.autoRenewMonthly')}
              </Checkbox>
            ) : null}
          </Flex>
          <Row gutter={[16, 16]}>
            {tiers.map((tier) => {
              const choice = choiceFor(tier, tiers, membership);
              return (
                <Col key={tier.id} xs={24} md={12} lg={tiers.length > 2 ? 8 : 12}>
                  <TierCard
                    tier={tier}
                    interval={interval}
                    choice={choice}
                    current={Boolean(membership && membership.status !== 'expired' && membership.tier.id === tier.id)}
                    busy={choosing === tier.id}
                    onChoose={() => choose(tier, choice)}
                    offerPriceMinor={offer && offer.tier.id === tier.id && offer.interval === interval && choice === 'join' ? offer.priceMinor : undefined}
                    onGift={() => (me.data ? setGiving(tier) : void navigate(withNext('/signup', '/membership')))}
                  />
                </Col>
              );
            })}
          </Row>
          <Typography.Text type="secondary">{membership && !joining ? t('membership.upgradeRule') : t('membership.prepaidRule')}</Typography.Text>
        </Flex>
      )}

      {mine.data && mine.data.purchases.length > 0 ? (
        <Card title={t('membership.receipts.title')}>
          <ReceiptsList purchases={mine.data.purchases} />
        </Card>
      ) : null}
      {membership ? <CancelMembershipModal membership={membership} open={canceling} onClose={() => setCanceling(false)} /> : null}
      <PayQrModal codeUrl={qr} onClose={closeQr} />
      <GiftModal
        tier={giving}
        onClose={() => setGiving(null)}
        onCheckout={(result) => {
          setGiving(null);
          pay(result.action, { gift: result.gift.id });
        }}
      />
    </Flex>
  );
}
