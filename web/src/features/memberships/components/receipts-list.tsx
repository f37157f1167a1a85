import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import type { Purchase } from '../fan-types';

/** The fan's receipts: each period bought (or granted), what it cost, and a refund when there was one. */
export function ReceiptsList({ purchases }: { purchases: Purchase[] }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const money = useMoneyFormat();
  return (
    <List
      dataSource={purchases}
      locale={{ emptyText: t('membership.receipts.none') }}
      renderItem={(p) => (
        <List.Item
          data-testid="receipt"
          extra={
            <Typography.Text strong delete={Boolean(p.refundedAt)}>
              {p.kind === 'comp' ? t('membership.receipts.gift') : money({ amountMinor: p.amountMinor, currency: p.currency })}
            </Typography.Text>
          }
        >
          <List.Item.Meta
            title={
              <>
                {t(`membership.kind.${p.kind}`, { tier: p.tierName })} {p.refundedAt ? <Tag color="orange">{t('membership.receipts.refunded')}</Tag> : null}
              </>
            }
            description={
              <>
                {t('membership.receipts.period', { from: date(p.periodStart), to: date(p.periodEnd) })}
                {p.creditMinor > 0 ? ` · ${t('membership.receipts.credit', { amount: money({ amountMinor: p.creditMinor, currency: p.currency }) })}` : ''}
                <br />
                {t('membership.receipts.paidOn', { date: date(p.settledAt ?? p.createdAt) })}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
