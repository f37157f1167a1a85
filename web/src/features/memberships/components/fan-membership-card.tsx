import { GiftOutlined, IdcardOutlined } from '../../../components/ui/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useErrorText } from '../../../lib/use-api-error';
import { useFanMembership } from '../api/get-fan-membership';
import type { FanMembership, Purchase } from '../types';
import { GrantMembershipModal } from './grant-membership-modal';
import { MembershipStatusTag } from './membership-tags';
import { PurchasesTable } from './purchases-table';
import { RefundPurchaseModal } from './refund-purchase-modal';
import { useMembershipText } from './use-membership-text';

function MembershipDetails({ membership }: { membership: NonNullable<FanMembership['membership']> }) {
  const { t } = useTranslation();
  const { date, dateTime } = useDateFormat();
  const text = useMembershipText();
  const m = membership;
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: t('memberships.columns.status'), children: <MembershipStatusTag status={m.status} /> },
    { key: 'tier', label: t('memberships.columns.tier'), children: <Typography.Text strong>{m.tier.name}</Typography.Text> },
    { key: 'period', label: t('memberships.card.period'), children: text.period(m.currentPeriodStart, m.currentPeriodEnd) },
    { key: 'renewal', label: t('memberships.columns.renewal'), children: text.renewal(m) },
    { key: 'since', label: t('memberships.card.since'), children: date(m.startedAt) },
  ];
  if (m.canceledAt)
    items.push({
      key: 'canceled',
      label: t('memberships.card.canceled'),
      children: (
        <Flex vertical gap={2}>
          <span>{dateTime(m.canceledAt)}</span>
          {m.cancelReason ? <span>{text.cancelReason(m.cancelReason)}</span> : null}
          {m.cancelNote ? <Typography.Text type="secondary">“{m.cancelNote}”</Typography.Text> : null}
        </Flex>
      ),
    });
  if (m.expiredAt) items.push({ key: 'expired', label: t('memberships.card.expired'), children: dateTime(m.expiredAt) });
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 1, xxl: 2 }} styles={{ label: { width: 130 } }} items={items} />;
}

interface FanMembershipCardProps {
  fanId: string;
  /** Where a purchase's payment opens. */
  paymentHref: (paymentId: string) => string;
}

/** A fan's membership on their console page: status and period, every purchase, refunds and comps. */
export function FanMembershipCard({ fanId, paymentHref }: FanMembershipCardProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const membership = useFanMembership(fanId);
  const [granting, setGranting] = useState(false);
  const [refunding, setRefunding] = useState<Purchase | null>(null);
  const [refundOpen, setRefundOpen] = useState(false);
  const [requested, setRequested] = useState<ReadonlySet<string>>(new Set());
  const data = membership.data;

  return (
    <Card
      title={
        <Space>
          <IdcardOutlined />
          {t('memberships.card.title')}
        </Space>
      }
      extra={
        <Button size="small" icon={<GiftOutlined />} onClick={() => setGranting(true)} disabled={!data} data-testid="grant-membership">
          {t('memberships.grant.action')}
        </Button>
      }
      data-testid="membership-card"
    >
      {membership.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(membership.error)} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Flex vertical gap={16}>
          {data.membership ? (
            <MembershipDetails membership={data.membership} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberships.card.none')} style={{ margin: 0 }} />
          )}
          {data.purchases.length > 0 ? (
            <div>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('memberships.card.purchasesTitle')}
              </Typography.Title>
              <PurchasesTable
                purchases={data.purchases}
                refundRequested={requested}
                onRefund={(purchase) => {
                  setRefunding(purchase);
                  setRefundOpen(true);
                }}
                paymentHref={paymentHref}
              />
            </div>
          ) : null}
        </Flex>
      )}
      <GrantMembershipModal fanId={fanId} open={granting} current={data?.membership ?? null} onClose={() => setGranting(false)} />
      <RefundPurchaseModal
        fanId={fanId}
        open={refundOpen}
        purchase={refunding}
        onClose={() => setRefundOpen(false)}
        onRequested={(id) => setRequested((before) => new Set([...before, id]))}
      />
    </Card>
  );
}
