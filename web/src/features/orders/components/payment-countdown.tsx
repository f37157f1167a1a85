import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockCircleOutlined } from '../../../components/ui/icons';

function left(deadline: string, now: number) {
  const seconds = Math.max(0, Math.floor((Date.parse(deadline) - now) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return { seconds, text: h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}` };
}

/** "Pay within 14:59": the time left to pay, every second; once it has passed, that the order is being canceled. */
export function PaymentCountdown({ deadline, onExpired }: { deadline: string; onExpired?: () => void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const { seconds, text } = left(deadline, now);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  useEffect(() => {
    if (seconds <= 0) onExpired?.();
  }, [seconds, onExpired]);
  return (
    <Typography.Text type={seconds > 0 ? 'warning' : 'secondary'} data-testid="payment-countdown">
      <ClockCircleOutlined /> {seconds > 0 ? t('orders.pay.within', { time: text }) : t('orders.pay.expired')}
    </Typography.Text>
  );
}
