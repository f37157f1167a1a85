import { GiftOutlined } from '../../../components/ui/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useClaimGift } from '../api/gifts';
import type { Gift } from '../fan-types';

/** Gifts made to the signed-in fan's email: claim each (once). */
export function GiftsReceived({ gifts }: { gifts: Gift[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const claim = useClaimGift();
  if (gifts.length === 0) return null;
  return (
    <Flex vertical gap={12}>
      {gifts.map((gift) => (
        <Card key={gift.id} data-testid="gift-received">
          <Flex align="center" gap={16} wrap>
            <GiftOutlined style={{ fontSize: 28 }} />
            <Flex vertical style={{ flex: 1, minWidth: 200 }}>
              <Typography.Text strong>
                {t(gift.months === 12 ? 'membership.gift.receivedYear' : 'membership.gift.receivedMonth', { tier: gift.tier.name })}
              </Typography.Text>
              {gift.message ? <Typography.Text italic>“{gift.message}”</Typography.Text> : null}
            </Flex>
            <Button
              type="primary"
              loading={claim.isPending && claim.variables === gift.id}
              onClick={() =>
                claim.mutate(gift.id, {
                  onSuccess: () => void message.success(t('membership.gift.claimed', { tier: gift.tier.name })),
                  onError: (error) => showError(error),
                })
              }
              data-testid="gift-claim"
            >
              {t('membership.gift.claim')}
            </Button>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
