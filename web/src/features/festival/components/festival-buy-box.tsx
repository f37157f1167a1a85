import { Alert, App, Button, Flex, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuantityStepper } from '../../../components/ui/quantity-stepper';
import { useErrorText } from '../../../lib/use-api-error';
import { useFestivalBuy, type BuyState } from '../api/use-festival-buy';
import type { AttemptResult, FanFestival, FanFestivalItem } from '../types';
import { remainingParts } from './use-server-clock';

type Won = Extract<AttemptResult, { answer: 'won' }>;

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM" in the reader's language and time zone. */
function useClockTime() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hour12: false });
    return (iso: string) => f.format(new Date(iso));
  }, [i18n.language]);
}

/**
 * The item's buy box: a quantity from 1 to the per-fan limit and the Buy button, each click one
 * attempt (retried by itself while the server is busy or asks for proof of work), and the answer
 * in the fan's language. Before the fan's opening the button counts down; `won` says until when to pay and goes to the order.
 */
export function FestivalBuyBox({ festival, item, now, onWon }: { festival: FanFestival; item: FanFestivalItem; now: number; onWon: (won: Won) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const time = useClockTime();
  const { state, buy, working } = useFestivalBuy(festival.slug, item.id);
  const max = Math.max(1, Math.min(item.perFanLimit, item.remaining > 0 ? item.remaining : item.perFanLimit));
  const [quantity, setQuantity] = useState(1);
  useEffect(() => setQuantity((q) => Math.min(q, max)), [max]);

  const opensAt = new Date(item.eligibility.opensAt).getTime();
  const ended = item.eligibility.state === 'ended' || now >= new Date(festival.endsAt).getTime();
  const needsReservation = item.eligibility.state === 'not_eligible' && item.eligibility.reason === 'reservation_required';
  const soldOut = item.remaining <= 0;
  const before = now < opensAt;
  const left = remainingParts(opensAt, now);
  const label = ended
    ? t('festivalSite.buy.ended')
    : needsReservation
      ? t('festivalSite.buy.reserversOnly')
      : soldOut
        ? t('festivalSite.buy.soldOutButton')
        : before
          ? t('festivalSite.buy.opensIn', { time: `${left.days > 0 ? `${left.days}:` : ''}${pad(left.hours)}:${pad(left.minutes)}:${pad(left.seconds)}` })
          : t('festivalSite.buy.button');
  const disabled = ended || needsReservation || soldOut || before;

  const send = async () => {
    const result = await buy(quantity);
    if (result?.answer !== 'won') return;
    void message.success(t('festivalSite.buy.won', { time: time(result.order.paymentDeadline) }));
    onWon(result);
  };

  return (
    <Flex vertical gap={8} data-testid="festival-buy">
      <Flex gap={8} align="center">
        <QuantityStepper value={quantity} onChange={setQuantity} max={max} disabled={disabled || working} size="large" testId="buy-quantity" />
        <Button
          type="primary"
          size="large"
          danger={!disabled}
          disabled={disabled}
          loading={working}
          onClick={() => void send()}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="buy"
        >
          {label}
        </Button>
      </Flex>
      <BuyAnswer state={state} item={item} time={time} />
    </Flex>
  );
}

function BuyAnswer({ state, item, time }: { state: BuyState; item: FanFestivalItem; time: (iso: string) => string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const box = (type: 'success' | 'info' | 'warning' | 'error', text: string, kind: string) => (
    <Alert type={type} showIcon title={text} data-testid="buy-answer" data-answer={kind} role="status" />
  );
  switch (state.kind) {
    case 'idle':
    case 'sending':
      return null;
    case 'checking':
      return (
        <Flex gap={8} align="center" data-testid="buy-checking" role="status">
          <Spin size="small" />
          <Typography.Text type="secondary">{t('festivalSite.buy.checking')}</Typography.Text>
        </Flex>
      );
    case 'waiting':
      return (
        <Flex gap={8} align="center" data-testid="buy-busy" role="status">
          <Spin size="small" />
          <Typography.Text type="secondary">{t('festivalSite.buy.busy', { count: state.seconds })}</Typography.Text>
        </Flex>
      );
    case 'error':
      return box('error', errorText(state.error), 'error');
    case 'answer': {
      const r = state.result;
      if (r.answer === 'won') return box('success', t('festivalSite.buy.won', { time: time(r.order.paymentDeadline) }), 'won');
      if (r.answer === 'sold_out') return box('warning', t('festivalSite.buy.soldOut'), 'sold_out');
      if (r.answer === 'limit_reached') return box('info', t('festivalSite.buy.limitReached', { count: item.perFanLimit }), 'limit_reached');
      if (r.answer === 'ended') return box('info', t('festivalSite.buy.endedAnswer'), 'ended');
      if (r.answer === 'not_started') return box('info', t('festivalSite.buy.notStarted', { time: r.opensAt ? time(r.opensAt) : '' }), 'not_started');
      return box(
        'warning',
        r.reason === 'early_access_only'
          ? t('festivalSite.buy.earlyAccessOnly', { time: r.opensAt ? time(r.opensAt) : '' })
          : t('festivalSite.buy.reservationRequired'),
        'not_eligible',
      );
    }
  }
}
