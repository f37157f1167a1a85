import { CrownFilled } from '../../../components/ui/icons';
import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { Membership } from '../fan-types';

const STATUS_COLOR = { active: 'green', canceled: 'orange', past_due: 'red', expired: 'default' } as const;

/** The fan's membership at a glance: tier, status, until when, and the way out. */
export function MembershipStatus({ membership, onCancel }: { membership: Membership; onCancel: () => void }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const end = date(membership.currentPeriodEnd);
  const line = {
    active: membership.renewsEveryMonths ? t('membership.status.renewsOn', { date: end }) : t('membership.status.activeUntil', { date: end }),
    canceled: t('membership.status.canceledUntil', { date: end }),
    past_due: t('membership.status.pastDue', { date: end }),
    expired: t('membership.status.expiredOn', { date: date(membership.expiredAt ?? membership.currentPeriodEnd) }),
  }[membership.status];
  return (
    <Card data-testid="membership-status">
      <Flex vertical gap={12}>
        <Flex align="center" gap={12} wrap>
          <CrownFilled style={{ fontSize: 28, color: membership.status === 'expired' ? undefined : '#d4a017' }} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {membership.status === 'expired'
              ? t('membership.wasMember', { tier: membership.tier.name })
              : t('membership.youAreMember', { tier: membership.tier.name })}
          </Typography.Title>
          <Tag color={STATUS_COLOR[membership.status]}>{t(`membership.statusName.${membership.status}`)}</Tag>
        </Flex>
        <Typography.Text>{line}</Typography.Text>
        {membership.status === 'past_due' ? <Alert type="warning" showIcon title={t('membership.status.pastDueHelp')} /> : null}
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'since', label: t('membership.memberSince'), children: date(membership.startedAt) },
            {
              key: 'renewal',
              label: t('membership.renewal'),
              children: membership.renewsEveryMonths
                ? membership.renewsEveryMonths === 12
                  ? t('membership.renewsYearly')
                  : t('membership.renewsMonthly')
                : t('membership.prepaid'),
            },
          ]}
        />
        {membership.status === 'active' || membership.status === 'past_due' ? (
          <div>
            <Button onClick={onCancel} data-testid="cancel-membership">
              {t('membership.cancel.open')}
            </Button>
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}
